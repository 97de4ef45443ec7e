/**
 * `kofukin national <national results file> [--out DIR]`: reads one row per municipality (CSV or
 * XLSX, format in src/load/schemas/national.ts), derives the ministry's national summary (seed 000) and
 * writes, under DIR:
 *
 * - kofukin-national-<year>.xlsx: aggregate table, the six top-N tables, prefecture distribution,
 *   every municipality's rank and percentile;
 * - kofukin-national-<year>-aggregates.json: the derived `NationalAggregates` (the shape of
 *   data/national/fy2024-summary.json), for a municipality report's `--national`;
 * - kofukin-national-<year>.html and .pdf: the summary document (unless --no-pdf: HTML only).
 *
 * The files are staged and renamed together at the end (src/output/set.ts): a failure (no browser,
 * a full disk) or an interrupt leaves the out folder as it was.
 */
import { join, resolve } from 'node:path';
import { loadCatalog } from '../load/catalog.ts';
import { loadScoringRules } from '../load/scoring-rules.ts';
import { checkNational } from '../load/rules.ts';
import { NationalAggregates } from '../load/schemas/inputs.ts';
import { withOutputSet } from '../output/set.ts';
import { usageLine } from '../cli/spec.ts';
import { nationalSpec } from '../cli/specs/national.ts';
import { progressFor } from '../cli/progress.ts';
import { cliMessages } from '../errors/messages-cli.ts';
import { displayFile } from '../common/stdin.ts';
import { parseCommandArgs, type Command, usageError } from './command.ts';
import { todayIso } from '../cli/today.ts';
import { commandMessages, problemMessages, runMessages } from '../errors/messages.ts';

const USAGE = usageLine(nationalSpec);

export const command: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(nationalSpec, args);
  const year = Number(values.year);
  const topN = Number(values.top);
  if (!Number.isInteger(year)) throw usageError(USAGE, commandMessages.yearNotFiscal(String(values.year)));
  if (!Number.isInteger(topN) || topN < 1) throw usageError(USAGE, commandMessages.topNotPositive(String(values.top)));
  const date = typeof values.date === 'string' ? values.date : todayIso();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw usageError(USAGE, commandMessages.dateNotIso(date));

  const timings: Array<[string, number]> = [];
  let t = performance.now();
  const lap = (label: string) => {
    const now = performance.now();
    timings.push([label, now - t]);
    t = now;
  };

  const progress = progressFor(io, 'national', values['no-pdf'] ? 4 : 5);
  progress.step(cliMessages.reading(displayFile(positionals[0]!)));
  const { readNationalFile } = await import('../national/read.ts');
  const { deriveNational, sizeClassLabel } = await import('../national/derive.ts');
  const catalog = loadCatalog(year);
  const rules = loadScoringRules(year);
  const dataset = await readNationalFile(positionals[0]!, { catalog, rules });
  lap('read');
  progress.step(cliMessages.deriving());
  const derived = deriveNational(dataset, catalog, { topN });
  const aggregates = NationalAggregates.parse(derived.aggregates);
  const problems = checkNational(aggregates, 'derived national aggregates');
  if (problems.length > 0) throw new Error(`derived national aggregates are inconsistent: ${problems.map((p) => p.rule).join('; ')}`);
  lap('derive');

  const written = await withOutputSet(async (out) => {
    const base = join(resolve(String(values.out)), `kofukin-national-${year}`);
    progress.step(cliMessages.writing(`${base}.xlsx`));
    const workbookDate = new Date(`${date}T00:00:00Z`);
    const { summaryWorkbook } = await import('../national/xlsx.ts');
    await out.write(`${base}.xlsx`, await summaryWorkbook(derived, { date: workbookDate, catalog, classLabel: (id) => sizeClassLabel(id as never) }));
    await out.write(`${base}-aggregates.json`, JSON.stringify({ ...aggregates }, null, 2) + '\n');
    lap('xlsx+json');

    progress.step(cliMessages.rendering());
    const { renderNationalDocument, printNationalDocument } = await import('../national/document.ts');
    const doc = await renderNationalDocument(derived, date);
    await out.write(`${base}.html`, doc.html);
    lap('html');

    if (!values['no-pdf']) {
      progress.step(cliMessages.printing());
      const { BrowserSession } = await import('../print/browser.ts');
      const session = new BrowserSession({ executablePath: typeof values.browser === 'string' ? values.browser : undefined, env: io.env, maxPages: 1, sparePages: 0 });
      try {
        const printed = await printNationalDocument(session, doc, { env: io.env });
        if (printed.blockedRequests.length > 0)
          io.stderr.write(`kofukin national: ${problemMessages.warningTag()}: ${runMessages.outsideResources(printed.blockedRequests.length, printed.blockedRequests.join(', '))}\n`);
        await out.write(`${base}.pdf`, printed.pdf);
        lap('pdf');
      } finally {
        await session.close();
      }
    }
    return out.files;
  });
  for (const f of written) io.stdout.write(`${f}\n`);
  if (values.timings)
    io.stderr.write(`kofukin national: ${runMessages.nationalTimings(dataset.municipalities.length, timings.map(([l, ms]) => `${l} ${Math.round(ms)} ms`).join(', '))}\n`);
  return 0;
};
