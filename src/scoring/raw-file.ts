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
import { fileURLToPath } from 'node:url';
import { InputError, ProblemCollector, throwIfProblems } from '../errors/errors.ts';
import { inputMessages, messages, rawReaderMessages } from '../errors/messages.ts';
import { loadJson } from '../load/json.ts';
import { isRegularFile } from '../input/file.ts';
import { cellMunicipalityCode, cellNumber, cellText, yesNo, type RawCell } from '../input/cells.ts';
import { csvTable, readUserTable, type RawTable } from '../input/table.ts';
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

export const rawMessages = rawReaderMessages;

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
  if (!isRegularFile(file))
    throw new InputError([{ location: { file }, rule: rawMessages.noSeriesData(rules.fiscalYear, messages.cannotRead('ENOENT')), severity: 'error' }]);
  const data = loadJson(SeriesFileSchema, file);
  throwIfProblems(checkSeriesFile(data, rules, file));
  return { file, data, infos: seriesInfos(rules, data) };
}

// ---------------------------------------------------------------------------------------------
// Raw values table

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
  const c = new ProblemCollector(file);
  const infoByKey = new Map(infos.map((i) => [i.key, i]));
  const keysByIndicator = new Map<string, string[]>();
  for (const r of rankedSeriesOfRules(rules)) keysByIndicator.set(r.indicatorId, [...(keysByIndicator.get(r.indicatorId) ?? []), r.key]);

  // --- header
  const columns = new Map<number, Column>();
  const firstPlace = new Map<string, string>();
  table.header.forEach((cell, i) => {
    const text = cellText(cell.value);
    if (text === undefined || text.trim() === '') {
      if (table.rows.some((r) => (r.cells[i]?.value.kind ?? 'empty') !== 'empty')) c.add(cell.place, inputMessages.emptyHeader());
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
      c.add(cell.place, inputMessages.duplicateColumn(id, first));
      return;
    }
    firstPlace.set(id, cell.place);
    columns.set(i, column);
  });
  const codeColumn = [...columns].find(([, col]) => col.kind === 'code')?.[0];
  const seriesColumns = [...columns].flatMap(([i, col]) => (col.kind === 'series' ? [{ index: i, info: col.info }] : []));
  if (codeColumn === undefined) c.add(table.headerPlace, rawMessages.missingCode());
  if (seriesColumns.length === 0 && columns.size > 0) c.add(table.headerPlace, rawMessages.noSeries());
  if (table.rows.length === 0) c.add(table.headerPlace, inputMessages.tableNoRows());
  c.throwIfAny(); // without a usable header, row problems would only repeat it

  // --- rows
  const headerWidth = table.header.length;
  const codeFirst = new Map<string, string>();
  const municipalities: RawMunicipality[] = [];
  let fictional = false;
  for (const row of table.rows) {
    if (table.format === 'csv' && row.fieldCount !== undefined && row.fieldCount !== headerWidth) c.add(row.place, inputMessages.fieldCount(row.fieldCount, headerWidth));
    const cell = (col: number): RawCell => row.cells[col] ?? { value: { kind: 'empty' }, place: table.cellPlace(row, col + 1) };
    let ok = true;

    // code
    const codeCell = cell(codeColumn!);
    let code: string | undefined;
    {
      const r = cellMunicipalityCode(codeCell.value, { checkDigit: false });
      if ('rule' in r) c.add(codeCell.place, r.rule);
      else code = r.code;
      if (code !== undefined) {
        const first = codeFirst.get(code);
        if (first) {
          c.add(codeCell.place, inputMessages.duplicateCode(code, first));
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
        const yes = yesNo(cl.value);
        if (yes === undefined) c.add(cl.place, inputMessages.notBoolean(cellText(cl.value) ?? ''));
        else isFictional = yes;
      }
    }

    const values: Record<string, number> = {};
    for (const { index, info } of seriesColumns) {
      const cl = cell(index);
      const n = cellNumber(cl.value, (t) => rawMessages.notANumber(t, info.key, info.measure), rawNumberFromText);
      if (n.kind === 'problem') c.add(cl.place, n.rule);
      else if (n.kind === 'number') values[info.key] = n.value;
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
  return validateRawTable(await readUserTable(file), file, rules, infos);
}

/** Parses raw values CSV text directly (tests). */
export function readRawValuesCsvText(text: string, file: string, rules: RulesFile, infos: readonly SeriesInfo[]): RawValues {
  return validateRawTable(csvTable(text, file), file, rules, infos);
}

/** The InputError for a municipality whose code has no row in the raw values file. */
export function codeNotInRawFile(file: string, code: string, name?: string, from?: string): InputError {
  const parts = [name, from ? rawMessages.fromFile(from) : undefined].filter((p): p is string => Boolean(p));
  const who = parts.length > 0 ? rawMessages.who(parts) : '';
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
