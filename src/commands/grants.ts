/**
 * `kofukin grants <national results file> [--budget-suishin 100億] [--budget-shien 200億]
 * [--needs FILE] [--out DIR] [--json]`: every municipality's score-proportional grant estimate
 * per grant (src/derive/money/allocate.ts: budget × S×N / Σ S×N, capped at 所要見込額 with the rest
 * shared again), what one more point is worth, written under DIR as
 *
 * - kofukin-grants-<year>.xlsx (sheets 概要, 交付見込額),
 * - kofukin-grants-<year>.csv (UTF-8 with BOM, the 交付見込額 sheet's columns),
 * - kofukin-grants-<year>.json (format kofukin-grants/1).
 *
 * `--json` prints the JSON document to standard output; then files are written only when --out
 * is given. Budgets default to the published ones of the year (FY2024: 推進 100億円, 支援
 * 200億円). The three files are staged and renamed together (src/output/set.ts): all or none.
 */
import { join, resolve } from 'node:path';
import { loadCatalog } from '../load/catalog.ts';
import { loadScoringRules } from '../load/scoring-rules.ts';
import { InputError } from '../errors/errors.ts';
import { commandMessages, messages } from '../errors/messages.ts';
import { withOutputSet } from '../output/set.ts';
import { formatCsv } from '../output/csv.ts';
import { PUBLISHED_BUDGETS_OKU, okuToYen, parseYen } from '../derive/money/budget.ts';
import { allocateNation, scoredMunicipalities, type Budgets } from '../derive/money/estimate.ts';
import { grantsJson, summaryLines, tableHeader, tableRows } from '../money/table.ts';
import { usageLine } from '../cli/spec.ts';
import { grantsSpec } from '../cli/specs/grants.ts';
import { progressFor } from '../cli/progress.ts';
import { cliMessages } from '../errors/messages-cli.ts';
import { displayFile } from '../common/stdin.ts';
import { parseCommandArgs, type Command, usageError } from './command.ts';
import { todayIso } from '../cli/today.ts';

const USAGE = usageLine(grantsSpec);

export const command: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(grantsSpec, args);
  const year = Number(values.year);
  if (!Number.isInteger(year)) throw usageError(USAGE, commandMessages.yearNotFiscal(String(values.year)));
  const date = typeof values.date === 'string' ? values.date : todayIso();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw usageError(USAGE, commandMessages.dateNotIso(date));

  const budgets = {} as Budgets;
  for (const g of ['suishin', 'shien'] as const) {
    const text = values[`budget-${g}`];
    if (typeof text === 'string') {
      const r = parseYen(text);
      if (!r.ok) throw usageError(USAGE, commandMessages.budgetInvalid(g, text, r.reason));
      budgets[g] = r.yen;
    } else {
      const published = PUBLISHED_BUDGETS_OKU[year]?.[g];
      if (published === undefined) throw usageError(USAGE, commandMessages.budgetRequired(g, year));
      budgets[g] = okuToYen(published);
    }
  }

  const progress = progressFor(io, 'grants', 3);
  progress.step(cliMessages.reading(displayFile(positionals[0]!)));
  const file = resolve(positionals[0]!);
  const { readNationalFile } = await import('../national/read.ts');
  const catalog = loadCatalog(year);
  const rules = loadScoringRules(year);
  const dataset = await readNationalFile(file, { catalog, rules });
  const ms = scoredMunicipalities(dataset);
  if (!ms) throw new InputError([{ location: { file }, rule: messages.nationNeedsGrantScores(), severity: 'error', hint: cliMessages.grantColumnsNeeded() }]);

  let needs;
  let needsFile: string | null = null;
  if (typeof values.needs === 'string') {
    needsFile = resolve(values.needs);
    const { readNeedsFile } = await import('../money/needs.ts');
    needs = readNeedsFile(needsFile, new Set(ms.map((m) => m.code))).byCode;
  }

  progress.step(cliMessages.allocating());
  const allocation = allocateNation(ms, budgets, { fiscalYear: dataset.fiscalYear, source: dataset.source, fictional: dataset.fictional }, needs);
  const doc = grantsJson(allocation, needsFile);

  const writeFiles = !values.json || typeof values.out === 'string';
  if (writeFiles) {
    progress.step(cliMessages.writingFiles());
    const { grantsWorkbook } = await import('../money/xlsx.ts');
    const xlsx = await grantsWorkbook(doc, new Date(`${date}T00:00:00Z`));
    const base = await withOutputSet(async (out) => {
      const base = join(resolve(typeof values.out === 'string' ? values.out : 'out'), `kofukin-grants-${dataset.fiscalYear}`);
      await out.write(`${base}.xlsx`, xlsx);
      await out.write(`${base}.csv`, formatCsv([tableHeader(), ...tableRows(doc)], { bom: true }));
      await out.write(`${base}.json`, JSON.stringify(doc, null, 2) + '\n');
      return base;
    });
    if (!values.json) {
      io.stdout.write(summaryLines(doc).join('\n') + '\n');
      for (const ext of ['xlsx', 'csv', 'json']) io.stdout.write(`${base}.${ext}\n`);
    }
  }
  if (values.json) io.stdout.write(JSON.stringify(doc, null, 2) + '\n');
  return 0;
};
