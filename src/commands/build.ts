/**
 * `kofukin build <municipality file> [--out DIR] [--strict] [--docx]`: renders one
 * municipality's report to PDF and a publishable HTML file, and with --docx an editable Word
 * file from the same view model. The files are staged together and renamed together at the end
 * (src/output/set.ts): on any error or interrupt the out folder stays as it was.
 */
import { join, resolve } from 'node:path';
import { throwIfProblems, formatProblem } from '../errors/errors.ts';
import { BrowserSession } from '../print/browser.ts';
import { withOutputSet } from '../output/set.ts';
import { inputOptionsFrom, loadInputsForCli } from './inputs.ts';
import { buildSpec } from '../cli/specs/build.ts';
import { parseCommandArgs, type Command } from './command.ts';
import { progressFor } from '../cli/progress.ts';
import { cliMessages } from '../errors/messages-cli.ts';
import { displayFile } from '../common/stdin.ts';
import { problemMessages, runMessages } from '../errors/messages.ts';

export const command: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(buildSpec, args);
  const progress = progressFor(io, 'build', 4);
  progress.step(cliMessages.reading(displayFile(positionals[0]!)));
  const inputs = await loadInputsForCli(positionals[0]!, inputOptionsFrom(values));
  const session = new BrowserSession({ executablePath: typeof values.browser === 'string' ? values.browser : undefined, env: io.env, maxPages: 1 });
  // the browser starts while the rest of the pipeline is imported and the report is derived,
  // charted and rendered (a cold build spends about as long on each); a failed launch is
  // reported when the report is ready to print
  const browserReady = session.start();
  browserReady.catch(() => undefined);
  try {
    const { buildReport, renderDocx, reportBaseName } = await import('../pipeline/report.ts');
    const built = await buildReport(inputs, session, {
      env: io.env,
      browserReady,
      onStage: (stage) => progress.step(stage === 'derive' ? cliMessages.deriving() : cliMessages.printing()),
    });
    throwIfProblems(built.derived.warnings, Boolean(values.strict));
    for (const w of built.derived.warnings) io.stderr.write(`kofukin build: ${formatProblem(w)}\n`);
    if (built.blockedRequests.length > 0)
      io.stderr.write(`kofukin build: ${problemMessages.warningTag()}: ${runMessages.outsideResources(built.blockedRequests.length, built.blockedRequests.join(', '))}\n`);
    const docx = values.docx ? await renderDocx(built.view, built.charts) : null;
    const outDir = resolve(String(values.out));
    progress.step(cliMessages.writing(outDir));
    const written = await withOutputSet(async (out) => {
      const base = join(outDir, reportBaseName(inputs));
      const files: Array<[string, string | Uint8Array]> = [
        [`${base}.pdf`, built.pdf],
        [`${base}.html`, built.html],
        ...(docx ? [[`${base}.docx`, docx] as [string, Uint8Array]] : []),
      ];
      for (const [file, data] of files) await out.write(file, data);
      return files.map(([file]) => file);
    });
    io.stdout.write(written.map((file) => `${file}\n`).join(''));
    if (!args.some((a) => a === '--out' || a.startsWith('--out='))) progress.note(cliMessages.wroteToDefaultOut(outDir));
    return 0;
  } finally {
    await session.close();
  }
};
