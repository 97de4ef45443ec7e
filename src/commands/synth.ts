/**
 * `kofukin synth --seed N --count 1741 [--out FILE.csv|.xlsx] [--per-indicator]`: writes a
 * synthetic national results file (src/national/synth.ts) for tests and benchmarks. Every row is
 * marked `fictional`; the same seed and count give byte-identical files. Without --out the CSV
 * goes to standard output.
 */
import { extname, resolve } from 'node:path';
import { loadCatalog } from '../load/catalog.ts';
import { loadJson } from '../load/json.ts';
import { loadScoringRules } from '../load/scoring-rules.ts';
import { NationalAggregates } from '../load/schemas/inputs.ts';
import { withOutputSet } from '../output/set.ts';
import { MAX_SYNTH_COUNT, synthTable, synthesizeNational } from '../national/synth.ts';
import { formatCsv } from '../output/csv.ts';
import { usageLine } from '../cli/spec.ts';
import { synthSpec } from '../cli/specs/synth.ts';
import { progressFor } from '../cli/progress.ts';
import { cliMessages } from '../errors/messages-cli.ts';
import { parseCommandArgs, type Command, usageError } from './command.ts';
import { fileURLToPath } from 'node:url';
import { commandMessages } from '../errors/messages.ts';

const USAGE = usageLine(synthSpec);

/** Published national figures the generator calibrates against. */
export const SYNTH_TARGETS = fileURLToPath(new URL('../../data/national/fy2024-summary.json', import.meta.url));
export const SYNTH_YEAR = 2024;

export const command: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(synthSpec, args);
  if (positionals.length > 0) throw usageError(USAGE, commandMessages.unexpectedArgument(positionals[0]!));
  const seed = Number(values.seed);
  const count = Number(values.count);
  if (!/^\d+$/.test(String(values.seed)) || seed > 0xffffffff) throw usageError(USAGE, commandMessages.seedRange(String(values.seed)));
  if (!/^\d+$/.test(String(values.count)) || count < 1 || count > MAX_SYNTH_COUNT)
    throw usageError(USAGE, commandMessages.countRange(MAX_SYNTH_COUNT, String(values.count)));
  const out = typeof values.out === 'string' ? resolve(values.out) : undefined;
  const ext = out ? extname(out).toLowerCase() : '.csv';
  if (ext !== '.csv' && ext !== '.xlsx') throw usageError(USAGE, commandMessages.outCsvOrXlsx(String(values.out)));
  const perIndicator = Boolean(values['per-indicator']);

  const progress = progressFor(io, 'synth', out ? 2 : 1);
  progress.step(cliMessages.synthesizing(count));
  const catalog = loadCatalog(SYNTH_YEAR);
  const rules = loadScoringRules(SYNTH_YEAR);
  if (!rules) throw new Error(`no scoring rules for ${SYNTH_YEAR}`);
  const targets = loadJson(NationalAggregates, SYNTH_TARGETS);
  const ms = synthesizeNational({ seed, count, catalog, rules, targets });
  const table = synthTable(ms, catalog, perIndicator);
  if (out) progress.step(cliMessages.writing(out));
  if (ext === '.xlsx') {
    const { resultsWorkbook } = await import('../national/xlsx.ts');
    const bytes = await resultsWorkbook(table, { title: `架空の全国評価結果（seed ${seed}、${count}市町村）`, subject: '架空のデータ（kofukin synth）：実在の市町村・得点ではない' });
    await withOutputSet((set) => set.write(out!, bytes));
  } else {
    const csv = formatCsv(table, { bom: true });
    if (out) await withOutputSet((set) => set.write(out, csv));
    else io.stdout.write(csv);
  }
  if (out) io.stdout.write(`${out}\n`);
  return 0;
};
