/**
 * `kofukin build <municipality file> [--out DIR] [--strict]`: renders one municipality's report
 * to PDF and a publishable HTML file. Both are written atomically; on any error nothing is
 * written.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { throwIfProblems, formatProblem } from '../errors/errors.ts';
import { BrowserSession } from '../print/browser.ts';
import { writeFileAtomic } from '../output/atomic.ts';
import { buildReport, reportBaseName } from '../pipeline/report.ts';
import { INPUT_OPTIONS, NATION_OPTION, inputOptionsFrom, loadInputsForCli } from './inputs.ts';
import { parseCommandArgs, requirePositional, type Command } from './command.ts';

const USAGE =
  'kofukin build <municipality file (.json or .xlsx)> [--out DIR] [--strict] [--browser PATH] [--nation FILE] [--national F] [--peers F] [--grants F] [--narrative F]';

export const command: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(
    'build',
    args,
    { ...INPUT_OPTIONS, ...NATION_OPTION, out: { type: 'string', default: 'out' }, browser: { type: 'string' } },
    USAGE,
  );
  if (values.help) {
    io.stdout.write(`usage: ${USAGE}\n`);
    return 0;
  }
  requirePositional(positionals, 1, USAGE);
  const inputs = await loadInputsForCli(positionals[0]!, inputOptionsFrom(values));
  const session = new BrowserSession({ executablePath: typeof values.browser === 'string' ? values.browser : undefined, env: io.env, maxPages: 1 });
  try {
    const built = await buildReport(inputs, session, { env: io.env });
    throwIfProblems(built.derived.warnings, Boolean(values.strict));
    for (const w of built.derived.warnings) io.stderr.write(`kofukin build: ${formatProblem(w)}\n`);
    if (built.blockedRequests.length > 0)
      io.stderr.write(`kofukin build: warning: the page asked for ${built.blockedRequests.length} outside resource(s), refused: ${built.blockedRequests.join(', ')}\n`);
    const outDir = resolve(String(values.out));
    await mkdir(outDir, { recursive: true });
    const base = join(outDir, reportBaseName(inputs));
    await writeFileAtomic(`${base}.html`, built.html);
    await writeFileAtomic(`${base}.pdf`, built.pdf);
    io.stdout.write(`${base}.pdf\n${base}.html\n`);
    return 0;
  } finally {
    await session.close();
  }
};
