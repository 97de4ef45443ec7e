/**
 * Reading a national results file (CSV or XLSX; format in schema.ts) into a validated
 * NationalDataset. Every problem is located — `line 5, column 7 (suishin.I.i.3)` in a CSV file,
 * `市町村別得点!G5` in a workbook — and all problems are collected before one InputError is
 * thrown: unknown or repeated columns, missing values, values that are not whole numbers, scores
 * above their maximum or not producible by their 配点 rule, repeated codes, a prefecture that does
 * not match its code, and stated totals that differ from the indicator sums.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { InputError, ProblemCollector, type Problem } from '../errors/errors.ts';
import { messages } from '../errors/messages.ts';
import type { Catalog, GrantId } from '../load/schemas/catalog.ts';
import type { RulesFile } from '../scoring/rules.ts';
import { achievableScores } from '../scoring/engine.ts';
import { CsvSyntaxError, isBlankRecord, parseCsv } from './csv.ts';
import { hasValidCheckDigit, prefectureByName, prefectureOfMunicipality, withCheckDigit } from '../common/prefectures.ts';
import {
  BASE_FIELDS,
  NationalRow,
  fixedFieldOf,
  type FixedField,
  type NationalDataset,
  type NationalLevel,
  type NationalMunicipality,
} from '../load/schemas/national.ts';

/** Problems listed at most; the rest are counted in one last problem. */
export const MAX_PROBLEMS = 200;

export const nationalMessages = {
  notUtf8: () => 'not UTF-8 text: save the CSV as UTF-8 (with or without BOM); Shift_JIS is not supported',
  unreadableXlsx: (detail: string) => `not a readable .xlsx workbook (${detail})`,
  noSheet: () => 'the workbook has no worksheet',
  empty: () => 'the file has no header row',
  noRows: () => 'the file has a header row but no municipality rows',
  unknownColumn: (header: string) =>
    `unknown column "${header}": columns are code, prefecture, name, insuredType1, the indicator ids of the catalog (e.g. suishin.I.i.1), suishin, shien, total and fictional`,
  emptyHeader: () => 'a column without a header has values',
  duplicateColumn: (field: string, first: string) => `column "${field}" appears more than once (first at ${first})`,
  missingColumn: (field: string) => `column "${field}" is missing`,
  missingIndicatorColumns: (ids: readonly string[], count: number) =>
    `${count} indicator column(s) missing (${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ', …' : ''}): give every indicator's score or none (then the grant totals suishin and shien)`,
  halfGrantTotals: (present: string, missing: string) => `column "${present}" is given without "${missing}": give both grant totals`,
  noScoreColumns: () => 'no score columns: give every indicator score (suishin.I.i.1 …), or the grant totals suishin and shien, or at least total',
  fieldCount: (count: number, expected: number) => `the row has ${count} fields but the header has ${expected}`,
  missingValue: (what: string) => `${what} is empty`,
  notANumber: (text: string, what: string) => `${JSON.stringify(text)} is not a number: ${what} must be a whole number`,
  cellError: (error: string) => `the cell shows the error ${error}`,
  notBoolean: (text: string) => `${JSON.stringify(text)} is not a yes/no value for fictional (use true/false, 1/0 or はい/いいえ)`,
  badCode: (text: string) => `${JSON.stringify(text)} is not a 全国地方公共団体コード (6 digits, or 5 without the check digit)`,
  badCheckDigit: (code: string, expected: string) => `code ${code} has a wrong check digit: ${code.slice(0, 5)} gives ${expected}`,
  unknownPrefecture: (name: string) => `"${name}" is not one of the 47 prefectures (write the full name, e.g. 京都府, 北海道)`,
  codeOutsidePrefectures: (code: string) => `code ${code} does not start with a prefecture code (01 … 47)`,
  prefectureMismatch: (name: string, code: string, expected: string) =>
    `prefecture "${name}" does not match code ${code}: its first two digits ${code.slice(0, 2)} are ${expected}`,
  duplicateCode: (code: string, first: string) => `municipality code ${code} appears more than once (first at ${first})`,
} as const;

export interface ReadNationalOptions {
  catalog: Catalog;
  /** Scoring rules of the year: when given, every indicator score must be producible by its rule. */
  rules?: RulesFile | null;
  /** Source note of the dataset; default names the file. */
  source?: string;
}

// ---------------------------------------------------------------------------------------------
// Raw tables: header + rows of cells with their places, from either format

export type CellValue =
  | { kind: 'empty' }
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; value: string };

export interface RawCell {
  value: CellValue;
  /** `line 5, column 7` or `Sheet!G5` */
  place: string;
}

export interface RawRow {
  /** `line 5` or `Sheet!5:5` */
  place: string;
  cells: RawCell[];
  /** CSV only: the number of fields, to report a row that is longer or shorter than the header. */
  fieldCount?: number;
}

export interface RawTable {
  format: 'csv' | 'xlsx';
  /** Place of the header row (`line 1`, `Sheet!1:1`). */
  headerPlace: string;
  header: RawCell[];
  rows: RawRow[];
  /** Place of a data cell in a column, naming the column for CSV. */
  cellPlace: (row: RawRow, column: number) => string;
}

function textValue(s: string): CellValue {
  return s.trim() === '' ? { kind: 'empty' } : { kind: 'text', value: s.trim() };
}

/** A CSV text as a raw table; a syntax error becomes a located problem. */
export function csvTable(text: string, file: string): RawTable {
  let records;
  try {
    records = parseCsv(text).filter((r) => !isBlankRecord(r));
  } catch (err) {
    if (err instanceof CsvSyntaxError)
      throw new InputError([{ location: { file, place: `line ${err.line}, column ${err.column}` }, rule: err.rule, severity: 'error' }]);
    throw err;
  }
  const [head, ...body] = records;
  if (!head) throw new InputError([{ location: { file }, rule: nationalMessages.empty(), severity: 'error' }]);
  const header = head.fields.map((f) => ({ value: textValue(f.text), place: `line ${f.line}, column ${f.index}` }));
  const names = head.fields.map((f) => f.text.trim());
  return {
    format: 'csv',
    headerPlace: `line ${head.line}`,
    header,
    rows: body.map((r) => ({
      place: `line ${r.line}`,
      fieldCount: r.fields.length,
      cells: r.fields.map((f) => ({
        value: textValue(f.text),
        place: `line ${f.line}, column ${f.index}${names[f.index - 1] ? ` (${names[f.index - 1]})` : ''}`,
      })),
    })),
    cellPlace: (row, column) => `${row.place}, column ${column}${names[column - 1] ? ` (${names[column - 1]})` : ''}`,
  };
}

/** Excel column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function sheetRef(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) || /^[^\s!'"\-+(),;:]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

function plain(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'string') return textValue(v);
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  if (v instanceof Date) return { kind: 'text', value: v.toISOString().slice(0, 10) };
  if ('error' in v) return { kind: 'error', value: String(v.error) };
  if ('richText' in v) return textValue(v.richText.map((t) => t.text).join(''));
  if ('hyperlink' in v) return plain(v.text);
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    return plain(result === undefined ? null : (result as ExcelJS.CellValue));
  }
  return textValue(String(v));
}

/** The first worksheet of a workbook as a raw table (row 1 is the header). */
export function worksheetTable(ws: ExcelJS.Worksheet): RawTable {
  const sheet = sheetRef(ws.name);
  const place = (row: number, col: number) => `${sheet}!${columnLetters(col)}${row}`;
  const headerRow = ws.getRow(1);
  let width = 0;
  for (let c = 1; c <= Math.max(headerRow.cellCount, ws.columnCount); c++) if (plain(headerRow.getCell(c).value).kind !== 'empty') width = c;
  const usedWidth = Math.max(width, ws.columnCount);
  const header = Array.from({ length: usedWidth }, (_, i) => ({ value: plain(headerRow.getCell(i + 1).value), place: place(1, i + 1) }));
  const rows: RawRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells = Array.from({ length: usedWidth }, (_, i) => ({ value: plain(row.getCell(i + 1).value), place: place(r, i + 1) }));
    if (cells.every((c) => c.value.kind === 'empty')) continue;
    rows.push({ place: `${sheet}!${r}:${r}`, cells });
  }
  return { format: 'xlsx', headerPlace: `${sheet}!1:1`, header, rows, cellPlace: (row, column) => row.cells[column - 1]?.place ?? `${row.place}` };
}

// ---------------------------------------------------------------------------------------------
// Validation of a raw table

interface IndicatorInfo {
  id: string;
  grant: GrantId;
  max: number;
}

function catalogIndicators(catalog: Catalog): IndicatorInfo[] {
  return catalog.grants.flatMap((g) => g.goals.flatMap((goal) => goal.groups.flatMap((grp) => grp.indicators.map((ind) => ({ id: ind.id, grant: g.id, max: ind.maxPoints })))));
}


function cellText(v: CellValue): string | undefined {
  switch (v.kind) {
    case 'empty':
      return undefined;
    case 'text':
      return v.value;
    case 'number':
      return String(v.value);
    case 'boolean':
      return v.value ? 'true' : 'false';
    case 'error':
      return v.value;
  }
}

/** "16", "１６", "30,475" → number; anything else → undefined. */
function numberFromText(text: string): number | undefined {
  const t = text.normalize('NFKC').trim().replace(/,/g, '');
  return /^[-+]?\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 'はい', '○', '〇']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'いいえ', '']);

/** Validates a raw table against the catalog (and rules); throws one InputError with every problem. */
export function validateNationalTable(table: RawTable, file: string, options: ReadNationalOptions): NationalDataset {
  const { catalog } = options;
  const c = new ProblemCollector(file, MAX_PROBLEMS);
  const indicators = catalogIndicators(catalog);
  const indicatorById = new Map(indicators.map((i) => [i.id, i]));
  const achievable = new Map<string, Set<number>>();
  if (options.rules)
    for (const ind of indicators) {
      const r = options.rules.rules[ind.id];
      if (r) achievable.set(ind.id, new Set(achievableScores(r.rule)));
    }
  const scoringText = new Map<string, string>();
  for (const g of catalog.grants) for (const goal of g.goals) for (const grp of goal.groups) for (const ind of grp.indicators) scoringText.set(ind.id, ind.scoringText);
  const grantMax = Object.fromEntries(catalog.grants.map((g) => [g.id, g.maxPoints])) as Record<GrantId, number>;
  const totalMax = grantMax.suishin + grantMax.shien;

  // --- header
  const fixedColumn = new Map<FixedField, number>();
  const indicatorColumn = new Map<string, number>();
  const firstPlace = new Map<string, string>();
  table.header.forEach((cell, i) => {
    const text = cellText(cell.value);
    if (text === undefined) {
      if (table.rows.some((r) => (r.cells[i]?.value.kind ?? 'empty') !== 'empty')) c.add(cell.place, nationalMessages.emptyHeader());
      return;
    }
    const fixed = fixedFieldOf(text);
    const key = fixed ?? text.normalize('NFKC').trim();
    if (!fixed && !indicatorById.has(key)) {
      c.add(cell.place, nationalMessages.unknownColumn(text));
      return;
    }
    const first = firstPlace.get(key);
    if (first) {
      c.add(cell.place, nationalMessages.duplicateColumn(key, first));
      return;
    }
    firstPlace.set(key, cell.place);
    if (fixed) fixedColumn.set(fixed, i + 1);
    else indicatorColumn.set(key, i + 1);
  });
  for (const f of BASE_FIELDS) if (!fixedColumn.has(f)) c.add(table.headerPlace, nationalMessages.missingColumn(f));

  let level: NationalLevel | undefined;
  if (indicatorColumn.size > 0) {
    const missing = indicators.filter((i) => !indicatorColumn.has(i.id)).map((i) => i.id);
    if (missing.length > 0) c.add(table.headerPlace, nationalMessages.missingIndicatorColumns(missing, missing.length));
    else level = 'indicators';
  } else if (fixedColumn.has('suishin') || fixedColumn.has('shien')) {
    if (!fixedColumn.has('shien')) c.add(table.headerPlace, nationalMessages.halfGrantTotals('suishin', 'shien'));
    else if (!fixedColumn.has('suishin')) c.add(table.headerPlace, nationalMessages.halfGrantTotals('shien', 'suishin'));
    else level = 'grants';
  } else if (fixedColumn.has('total')) level = 'total';
  else c.add(table.headerPlace, nationalMessages.noScoreColumns());
  if (table.rows.length === 0) c.add(table.headerPlace, nationalMessages.noRows());
  c.throwIfAny(); // without a usable header, row problems would only repeat it

  // --- rows
  const headerWidth = table.header.length;
  const municipalities: NationalMunicipality[] = [];
  const codeFirst = new Map<string, string>();
  let fictional = false;

  for (const row of table.rows) {
    if (table.format === 'csv' && row.fieldCount !== undefined && row.fieldCount !== headerWidth) c.add(row.place, nationalMessages.fieldCount(row.fieldCount, headerWidth));
    const cell = (col: number | undefined): RawCell => {
      if (col === undefined) return { value: { kind: 'empty' }, place: row.place };
      return row.cells[col - 1] ?? { value: { kind: 'empty' }, place: table.cellPlace(row, col) };
    };
    /** Field → place, to locate schema issues; fields with a problem already are skipped there. */
    const places = new Map<string, string>();
    const failed = new Set<string>();

    const text = (field: FixedField, what: string): string | undefined => {
      const cl = cell(fixedColumn.get(field));
      places.set(field, cl.place);
      if (cl.value.kind === 'error') {
        c.add(cl.place, nationalMessages.cellError(cl.value.value));
        failed.add(field);
        return undefined;
      }
      const t = cellText(cl.value);
      if (t === undefined) {
        c.add(cl.place, nationalMessages.missingValue(what));
        failed.add(field);
      }
      return t;
    };
    const whole = (key: string, col: number | undefined, what: string): number | undefined => {
      const cl = cell(col);
      places.set(key, cl.place);
      const v = cl.value;
      let n: number | undefined;
      if (v.kind === 'number') n = v.value;
      else if (v.kind === 'text') n = numberFromText(v.value);
      else if (v.kind === 'empty') {
        c.add(cl.place, nationalMessages.missingValue(what));
        failed.add(key);
        return undefined;
      } else if (v.kind === 'error') {
        c.add(cl.place, nationalMessages.cellError(v.value));
        failed.add(key);
        return undefined;
      }
      if (n === undefined) {
        c.add(cl.place, nationalMessages.notANumber(cellText(v) ?? '', what));
        failed.add(key);
        return undefined;
      }
      return n; // integer / sign checks are the schema's
    };

    // identity
    const prefecture = text('prefecture', '都道府県 (prefecture)');
    const name = text('name', '市区町村名 (name)');
    const codeCell = cell(fixedColumn.get('code'));
    places.set('code', codeCell.place);
    let code: string | undefined;
    {
      const v = codeCell.value;
      const raw = v.kind === 'number' ? String(v.value) : v.kind === 'text' ? v.value.normalize('NFKC').trim() : undefined;
      if (v.kind === 'empty') c.add(codeCell.place, nationalMessages.missingValue('団体コード (code)'));
      else if (v.kind === 'error') c.add(codeCell.place, nationalMessages.cellError(v.value));
      else if (raw === undefined || !/^\d{5,6}$/.test(raw)) c.add(codeCell.place, nationalMessages.badCode(cellText(v) ?? ''));
      else code = normaliseCode(raw, v.kind === 'number', prefecture);
      if (code === undefined) failed.add('code');
    }
    const insured = whole('insuredType1', fixedColumn.get('insuredType1'), '第1号被保険者数 (insuredType1)');

    // scores and totals
    let scores: Record<string, number> | undefined;
    if (level === 'indicators') {
      scores = {};
      for (const ind of indicators) {
        const n = whole(`scores.${ind.id}`, indicatorColumn.get(ind.id), `the score of ${ind.id}`);
        if (n !== undefined) scores[ind.id] = n;
      }
    }
    const totals: Partial<Record<'suishin' | 'shien' | 'total', number>> = {};
    for (const f of ['suishin', 'shien', 'total'] as const) {
      const col = fixedColumn.get(f);
      if (col === undefined) continue;
      const cl = cell(col);
      if (cl.value.kind === 'empty' && level === 'indicators') continue; // totals are optional beside indicators
      if (cl.value.kind === 'empty' && level === 'grants' && f === 'total') continue;
      const n = whole(f, col, `the ${f} score`);
      if (n !== undefined) totals[f] = n;
    }

    let isFictional = false;
    const fcol = fixedColumn.get('fictional');
    if (fcol !== undefined) {
      const cl = cell(fcol);
      const v = cl.value;
      if (v.kind === 'boolean') isFictional = v.value;
      else {
        const t = (cellText(v) ?? '').normalize('NFKC').trim().toLowerCase();
        if (TRUE_WORDS.has(t)) isFictional = true;
        else if (!FALSE_WORDS.has(t)) c.add(cl.place, nationalMessages.notBoolean(cellText(v) ?? ''));
      }
    }

    const candidate = {
      code: code ?? '000000',
      prefecture: prefecture ?? '-',
      name: name ?? '-',
      insuredType1: insured ?? 1,
      ...(scores ? { scores } : {}),
      ...totals,
      fictional: isFictional,
    };
    const parsed = NationalRow.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path.map(String).join('.');
        if (failed.has(key)) continue;
        c.add(places.get(key) ?? places.get(String(issue.path[0])) ?? row.place, `${key === '' ? 'row' : labelOf(key)} ${issue.message}`);
        failed.add(key);
      }
    }
    const ok = (key: string) => !failed.has(key);

    // rules beyond the schema
    if (code !== undefined && ok('code')) {
      const pref = prefectureOfMunicipality(code);
      if (!hasValidCheckDigit(code)) c.add(codeCell.place, nationalMessages.badCheckDigit(code, withCheckDigit(code.slice(0, 5))));
      else if (!pref) c.add(codeCell.place, nationalMessages.codeOutsidePrefectures(code));
      else if (prefecture !== undefined && ok('prefecture')) {
        const named = prefectureByName(prefecture.normalize('NFKC').trim());
        if (!named) c.add(places.get('prefecture'), nationalMessages.unknownPrefecture(prefecture));
        else if (named.code !== pref.code) c.add(places.get('prefecture'), nationalMessages.prefectureMismatch(prefecture, code, pref.name));
      }
      const first = codeFirst.get(code);
      if (first) c.add(codeCell.place, nationalMessages.duplicateCode(code, first));
      else codeFirst.set(code, codeCell.place);
    } else if (prefecture !== undefined && ok('prefecture') && !prefectureByName(prefecture.normalize('NFKC').trim())) {
      c.add(places.get('prefecture'), nationalMessages.unknownPrefecture(prefecture));
    }

    const sums = { suishin: 0, shien: 0 };
    let sumsComplete = true;
    if (scores) {
      for (const ind of indicators) {
        const key = `scores.${ind.id}`;
        const s = scores[ind.id];
        if (s === undefined || !ok(key)) {
          sumsComplete = false;
          continue;
        }
        if (s > ind.max) {
          c.add(places.get(key), messages.scoreAboveMax(ind.id, s, ind.max));
          sumsComplete = false;
          continue;
        }
        const set = achievable.get(ind.id);
        if (set && !set.has(s)) c.add(places.get(key), messages.scoreNotAchievable(ind.id, s, scoringText.get(ind.id) ?? '', [...set].sort((a, b) => a - b)));
        sums[ind.grant] += s;
      }
    }
    for (const g of ['suishin', 'shien'] as const) {
      const v = totals[g];
      if (v !== undefined && ok(g) && v > grantMax[g]) c.add(places.get(g), messages.scoreAboveMax(g, v, grantMax[g]));
    }
    if (totals.total !== undefined && ok('total') && totals.total > totalMax) c.add(places.get('total'), messages.scoreAboveMax('total', totals.total, totalMax));
    if (scores && sumsComplete) {
      for (const g of ['suishin', 'shien'] as const) {
        const v = totals[g];
        if (v !== undefined && ok(g) && v !== sums[g]) c.add(places.get(g), messages.totalMismatch(`${g} total`, v, sums[g]));
      }
    }
    const grantSum =
      scores && sumsComplete
        ? sums.suishin + sums.shien
        : level === 'grants' && totals.suishin !== undefined && totals.shien !== undefined && ok('suishin') && ok('shien')
          ? totals.suishin + totals.shien
          : undefined;
    if (grantSum !== undefined && totals.total !== undefined && ok('total') && totals.total !== grantSum)
      c.add(places.get('total'), messages.totalMismatch('total', totals.total, grantSum));

    if (isFictional) fictional = true;
    if (parsed.success && code !== undefined && prefecture !== undefined && name !== undefined && insured !== undefined) {
      const m: NationalMunicipality = {
        code,
        prefecture: prefecture.normalize('NFKC').trim(),
        name,
        insuredType1: insured,
        fictional: isFictional,
        total: 0,
      };
      if (level === 'indicators' && scores) {
        m.scores = scores;
        m.suishin = sums.suishin;
        m.shien = sums.shien;
        m.total = sums.suishin + sums.shien;
      } else if (level === 'grants') {
        m.suishin = totals.suishin ?? 0;
        m.shien = totals.shien ?? 0;
        m.total = m.suishin + m.shien;
      } else m.total = totals.total ?? 0;
      municipalities.push(m);
    }
  }
  c.throwIfAny();
  return {
    fiscalYear: catalog.fiscalYear,
    source: options.source ?? `全国評価結果ファイル ${basename(file)}`,
    level: level!,
    fictional,
    municipalities,
  };
}

function labelOf(key: string): string {
  if (key.startsWith('scores.')) return `the score of ${key.slice(7)}`;
  return key;
}

/**
 * A code as read → 6 digits. Six digits stay. Five digits are a code without its check digit —
 * unless they are a 6-digit code whose leading 0 a spreadsheet dropped (北海道 011002 → 11002):
 * that reading is taken when its check digit is valid and its prefecture is the row's (or, for a
 * number cell of a row without a known prefecture, when its check digit is valid).
 */
function normaliseCode(raw: string, fromNumber: boolean, prefecture: string | undefined): string {
  if (raw.length === 6) return raw;
  const padded = '0' + raw;
  const named = prefecture ? prefectureByName(prefecture.normalize('NFKC').trim()) : undefined;
  const paddedFits = hasValidCheckDigit(padded) && (named ? named.code === padded.slice(0, 2) : fromNumber);
  return paddedFits ? padded : withCheckDigit(raw);
}

// ---------------------------------------------------------------------------------------------
// Files

/** Reads a CSV or XLSX national results file (by extension; other names are sniffed). */
export async function readNationalFile(file: string, options: ReadNationalOptions): Promise<NationalDataset> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError([{ location: { file }, rule: messages.cannotRead(code ?? String(err)), severity: 'error' }]);
  }
  return validateNationalTable(await rawTableOf(bytes, file), file, options);
}

/** The raw table of a file's bytes: XLSX for .xlsx (or a zip signature), otherwise CSV. */
export async function rawTableOf(bytes: Uint8Array, file: string): Promise<RawTable> {
  const ext = extname(file).toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (ext === '.xlsx' || (ext !== '.csv' && isZip)) {
    const { default: Excel } = await import('exceljs'); // only for workbooks: CSV runs never load it
    const wb = new Excel.Workbook();
    try {
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    } catch (err) {
      throw new InputError([{ location: { file }, rule: nationalMessages.unreadableXlsx((err as Error).message), severity: 'error' }]);
    }
    const ws = wb.worksheets[0];
    if (!ws) throw new InputError([{ location: { file }, rule: nationalMessages.noSheet(), severity: 'error' }]);
    return worksheetTable(ws);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError([{ location: { file }, rule: nationalMessages.notUtf8(), severity: 'error' }]);
  }
  return csvTable(text, file);
}

/** Parses CSV text directly (tests, stdin). */
export function readNationalCsvText(text: string, file: string, options: ReadNationalOptions): NationalDataset {
  return validateNationalTable(csvTable(text, file), file, options);
}
