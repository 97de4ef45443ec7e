/**
 * Reading a raw values file: every municipality's raw value of the ranked series (the measure the
 * ministry ranks into 上位7割/5割/3割/1割; see raw-values.ts), and the series data file
 * data/catalog/fy<year>.series.json.
 *
 * Format (CSV, UTF-8 with or without BOM; an .xlsx workbook with the same columns in its first
 * sheet is read too). One header row, then one row per municipality:
 *
 *   code,name,fictional,suishin.II.ii.1,shien.I.ii.4/ア,shien.I.ii.4/イ,suishin.IV.5/ア,…
 *   990001,架空町,true,12.3,8.5,-2.1,13.1,…
 *
 * - `code` (required): the 6-digit 全国地方公共団体コード, once per file.
 * - `name`, `prefecture` (optional): shown in messages and output only.
 * - `fictional` (optional): true/false, 1/0, はい/いいえ; marks made-up data.
 * - One column per ranked series, named by its series key: the indicator id for an indicator with
 *   a single series (`suishin.II.ii.1`), `<indicator id>/<series key>` for several
 *   (`shien.I.ii.4/ア`). Any subset of the series may be given, in any order. Names are compared
 *   after NFKC normalisation (full-width ／ and half-width ｱ are accepted) with spaces around "/"
 *   removed.
 * - Values are plain numbers in the unit of the series file ("%" series in percent: 12.3 =
 *   12.3%): "12.3", "-0.5", "１２.３", "1,234", "12.3%", and △/▲ for a minus sign (△0.5 = -0.5).
 *   An empty cell is "no value": the municipality is left out of that series' ranking.
 *
 * Problems are located like the national results file (`line 5, column 7 (suishin.II.ii.1)`,
 * `Sheet1!G5`) and all collected before one InputError is thrown: unknown, repeated or unnamed
 * columns, a missing code column, rows longer or shorter than the header, bad or repeated codes,
 * values that are not numbers.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { InputError, ProblemCollector, throwIfProblems, type Problem } from '../errors/errors.ts';
import { messages } from '../errors/messages.ts';
import { loadJson } from '../load/json.ts';
import { MAX_PROBLEMS, csvTable, nationalMessages, rawTableOf, type CellValue, type RawCell, type RawTable } from '../national/read.ts';
import type { RulesFile } from './rules.ts';
import { INDICATOR_ID_PATTERN } from './rules.ts';
import {
  SeriesFileSchema,
  analyseRawValues,
  checkSeriesFile,
  rankedSeriesOfRules,
  rawWhatIfNotes,
  seriesInfos,
  standingOf,
  type RawMunicipality,
  type RawWhatIfNote,
  type RawValues,
  type SeriesFile,
  type SeriesInfo,
} from './raw-values.ts';

export const rawMessages = {
  unknownColumn: (header: string) =>
    `unknown column "${header}": columns are code, name, prefecture, fictional and the ranked series (e.g. suishin.II.ii.1, shien.I.ii.4/ア; every key is listed in data/catalog/fy<year>.series.json)`,
  severalSeries: (header: string, keys: readonly string[]) =>
    `column "${header}": this indicator is ranked in ${keys.length} series; give one column per series: ${keys.join(', ')}`,
  singleSeries: (header: string, key: string) => `column "${header}": ${key} is ranked in a single series; name the column ${key}`,
  notRanked: (header: string, id: string) =>
    `column "${header}": ${id} is not ranked into 上位7割…上位1割 from a raw value (its score is self-reported or counts items), so it has no raw value column`,
  unknownSeries: (header: string, id: string, keys: readonly string[]) => `column "${header}": ${id} has no such series; its columns are ${keys.join(', ')}`,
  duplicateColumn: (name: string, first: string) => `column "${name}" appears more than once (first at ${first})`,
  missingCode: () => 'column "code" is missing: the first column should be the 6-digit 全国地方公共団体コード',
  noSeries: () => 'no ranked series columns: give at least one column such as suishin.II.ii.1 or shien.I.ii.4/ア',
  fiveDigitCode: (text: string) =>
    `"${text}" has 5 digits: give the 6-digit 全国地方公共団体コード with its check digit (a spreadsheet may have dropped a leading 0: 北海道 011002 → 11002; format the column as text)`,
  notANumber: (text: string, key: string, measure: string) => `${JSON.stringify(text)} is not a number: the value of ${key} (${measure}) must be a number such as 12.3 or -0.5`,
  codeNotInFile: (code: string, who: string) => `no row for municipality code ${code}${who}: add its row (code ${code}) to the raw values file`,
} as const;

// ---------------------------------------------------------------------------------------------
// Series data file

export function seriesFilePath(fiscalYear: number): string {
  return fileURLToPath(new URL(`../../data/catalog/fy${fiscalYear}.series.json`, import.meta.url));
}

export interface LoadedSeries {
  file: string;
  data: SeriesFile;
  infos: SeriesInfo[];
}

/** The series file of a fiscal year, checked against its scoring rules; an InputError when absent or inconsistent. */
export function loadSeriesFile(rules: RulesFile, file: string = seriesFilePath(rules.fiscalYear)): LoadedSeries {
  if (!existsSync(file))
    throw new InputError([{ location: { file }, rule: `no ranked-series data for fiscal year ${rules.fiscalYear}: ${messages.cannotRead('ENOENT')}`, severity: 'error' }]);
  const data = loadJson(SeriesFileSchema, file);
  throwIfProblems(checkSeriesFile(data, rules, file));
  return { file, data, infos: seriesInfos(rules, data) };
}

// ---------------------------------------------------------------------------------------------
// Raw values table

function cellText(v: CellValue): string | undefined {
  switch (v.kind) {
    case 'empty':
      return undefined;
    case 'text':
    case 'error':
      return v.value;
    case 'number':
      return String(v.value);
    case 'boolean':
      return v.value ? 'true' : 'false';
  }
}

/** Header text → comparable name: NFKC, trimmed, no spaces around "/". */
export function normaliseColumnName(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s*\/\s*/g, '/');
}

/** "12.3", "-0.5", "１２.３", "1,234", "12.3%", "△0.5", "−0.5" → number; anything else → undefined. */
export function rawNumberFromText(text: string): number | undefined {
  const t = text
    .normalize('NFKC')
    .trim()
    .replace(/^[△▲\u2212]/, '-')
    .replace(/(\d),(?=\d{3}(\D|$))/g, '$1')
    .replace(/%$/, '')
    .trim();
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 'はい', '○', '〇']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'いいえ', '']);

type Column = { kind: 'code' | 'name' | 'prefecture' | 'fictional' } | { kind: 'series'; info: SeriesInfo };


/** Why a header is not a column, in one sentence. */
function unknownColumnRule(header: string, name: string, rules: RulesFile, keysByIndicator: ReadonlyMap<string, string[]>): string {
  const [id, series] = name.split('/', 2) as [string, string | undefined];
  if (!INDICATOR_ID_PATTERN.test(id)) return rawMessages.unknownColumn(header);
  const keys = keysByIndicator.get(id);
  if (!keys) return Object.hasOwn(rules.rules, id) ? rawMessages.notRanked(header, id) : `${rawMessages.unknownColumn(header)}; ${messages.unknownIndicator(id)}`;
  if (series === undefined) return rawMessages.severalSeries(header, keys);
  if (keys.length === 1 && keys[0] === id) return rawMessages.singleSeries(header, id);
  return rawMessages.unknownSeries(header, id, keys);
}

/** Validates a raw table; throws one InputError listing every problem. */
export function validateRawTable(table: RawTable, file: string, rules: RulesFile, infos: readonly SeriesInfo[]): RawValues {
  const c = new ProblemCollector(file, MAX_PROBLEMS);
  const infoByKey = new Map(infos.map((i) => [i.key, i]));
  const keysByIndicator = new Map<string, string[]>();
  for (const r of rankedSeriesOfRules(rules)) keysByIndicator.set(r.indicatorId, [...(keysByIndicator.get(r.indicatorId) ?? []), r.key]);

  // --- header
  const columns = new Map<number, Column>();
  const firstPlace = new Map<string, string>();
  table.header.forEach((cell, i) => {
    const text = cellText(cell.value);
    if (text === undefined || text.trim() === '') {
      if (table.rows.some((r) => (r.cells[i]?.value.kind ?? 'empty') !== 'empty')) c.add(cell.place, nationalMessages.emptyHeader());
      return;
    }
    const name = normaliseColumnName(text);
    const fixed = name.toLowerCase();
    let column: Column | undefined;
    let id: string;
    if (fixed === 'code' || fixed === 'name' || fixed === 'prefecture' || fixed === 'fictional') {
      column = { kind: fixed };
      id = fixed;
    } else {
      const info = infoByKey.get(name);
      if (info) column = { kind: 'series', info };
      id = name;
    }
    if (!column) {
      c.add(cell.place, unknownColumnRule(text.trim(), name, rules, keysByIndicator));
      return;
    }
    const first = firstPlace.get(id);
    if (first) {
      c.add(cell.place, rawMessages.duplicateColumn(id, first));
      return;
    }
    firstPlace.set(id, cell.place);
    columns.set(i, column);
  });
  const codeColumn = [...columns].find(([, col]) => col.kind === 'code')?.[0];
  const seriesColumns = [...columns].flatMap(([i, col]) => (col.kind === 'series' ? [{ index: i, info: col.info }] : []));
  if (codeColumn === undefined) c.add(table.headerPlace, rawMessages.missingCode());
  if (seriesColumns.length === 0 && columns.size > 0) c.add(table.headerPlace, rawMessages.noSeries());
  if (table.rows.length === 0) c.add(table.headerPlace, nationalMessages.noRows());
  c.throwIfAny(); // without a usable header, row problems would only repeat it

  // --- rows
  const headerWidth = table.header.length;
  const codeFirst = new Map<string, string>();
  const municipalities: RawMunicipality[] = [];
  let fictional = false;
  for (const row of table.rows) {
    if (table.format === 'csv' && row.fieldCount !== undefined && row.fieldCount !== headerWidth) c.add(row.place, nationalMessages.fieldCount(row.fieldCount, headerWidth));
    const cell = (col: number): RawCell => row.cells[col] ?? { value: { kind: 'empty' }, place: table.cellPlace(row, col + 1) };
    let ok = true;

    // code
    const codeCell = cell(codeColumn!);
    let code: string | undefined;
    {
      const v = codeCell.value;
      const raw = v.kind === 'number' ? String(v.value) : v.kind === 'text' ? v.value.normalize('NFKC').trim() : undefined;
      if (v.kind === 'empty') c.add(codeCell.place, nationalMessages.missingValue('団体コード (code)'));
      else if (v.kind === 'error') c.add(codeCell.place, nationalMessages.cellError(v.value));
      else if (raw !== undefined && /^\d{6}$/.test(raw)) code = raw;
      else if (raw !== undefined && /^\d{5}$/.test(raw)) c.add(codeCell.place, rawMessages.fiveDigitCode(raw));
      else c.add(codeCell.place, nationalMessages.badCode(cellText(v) ?? ''));
      if (code !== undefined) {
        const first = codeFirst.get(code);
        if (first) {
          c.add(codeCell.place, nationalMessages.duplicateCode(code, first));
          ok = false;
        } else codeFirst.set(code, codeCell.place);
      } else ok = false;
    }

    let name: string | undefined;
    let isFictional = false;
    for (const [i, col] of columns) {
      const cl = cell(i);
      if (col.kind === 'name') name = cellText(cl.value)?.trim() || undefined;
      else if (col.kind === 'fictional') {
        const v = cl.value;
        if (v.kind === 'boolean') isFictional = v.value;
        else {
          const t = (cellText(v) ?? '').normalize('NFKC').trim().toLowerCase();
          if (TRUE_WORDS.has(t)) isFictional = true;
          else if (!FALSE_WORDS.has(t)) c.add(cl.place, nationalMessages.notBoolean(cellText(v) ?? ''));
        }
      }
    }

    const values: Record<string, number> = {};
    for (const { index, info } of seriesColumns) {
      const cl = cell(index);
      const v = cl.value;
      if (v.kind === 'empty') continue;
      if (v.kind === 'error') {
        c.add(cl.place, nationalMessages.cellError(v.value));
        continue;
      }
      const n = v.kind === 'number' ? v.value : v.kind === 'text' ? rawNumberFromText(v.value) : undefined;
      if (n === undefined || !Number.isFinite(n)) c.add(cl.place, rawMessages.notANumber(cellText(v) ?? '', info.key, info.measure));
      else values[info.key] = n;
    }
    if (isFictional) fictional = true;
    if (ok && code !== undefined) municipalities.push({ code, ...(name !== undefined ? { name } : {}), fictional: isFictional, values });
  }
  c.throwIfAny();
  const inRulesOrder = infos.filter((i) => seriesColumns.some((s) => s.info.key === i.key)).map((i) => i.key);
  return { series: inRulesOrder, municipalities, fictional };
}

/** Reads a raw values file (CSV, or XLSX by extension/signature). */
export async function readRawValuesFile(file: string, rules: RulesFile, infos: readonly SeriesInfo[]): Promise<RawValues> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError([{ location: { file }, rule: messages.cannotRead(code ?? String(err)), severity: 'error' }]);
  }
  return validateRawTable(await rawTableOf(bytes, file), file, rules, infos);
}

/** Parses raw values CSV text directly (tests). */
export function readRawValuesCsvText(text: string, file: string, rules: RulesFile, infos: readonly SeriesInfo[]): RawValues {
  return validateRawTable(csvTable(text, file), file, rules, infos);
}

/** The InputError for a municipality whose code has no row in the raw values file. */
export function codeNotInRawFile(file: string, code: string, name?: string, from?: string): InputError {
  const who = name || from ? ` (${[name, from ? `from ${from}` : undefined].filter(Boolean).join(', ')})` : '';
  return new InputError([{ location: { file }, rule: rawMessages.codeNotInFile(code, who), severity: 'error' }]);
}

/**
 * `whatif --raw FILE`: the next-tier notes of one municipality (raw-values.ts `rawWhatIfNotes`),
 * per indicator id. An InputError when its code has no row in the file.
 */
export async function readRawWhatIfNotes(
  file: string,
  rules: RulesFile,
  municipality: { code: string; name?: string; scores?: Readonly<Record<string, number>> },
  municipalityFile?: string,
): Promise<Map<string, RawWhatIfNote>> {
  const { infos } = loadSeriesFile(rules);
  const raw = await readRawValuesFile(file, rules, infos);
  const standing = standingOf(analyseRawValues(raw, infos, rules), municipality.code, infos);
  if (!standing) throw codeNotInRawFile(file, municipality.code, municipality.name, municipalityFile);
  return rawWhatIfNotes(standing, municipality.scores ?? {});
}
