/**
 * Reads the fill-in workbook of `kofukin init` (layout: src/workbook/layout.ts) back into
 * the same data as the JSON inputs: the municipality's results, and the narrative and grant
 * history when the workbook holds them. Everything is validated with the input schemas; every
 * problem is located by sheet and cell (`推進!E14`) and all problems are collected before one
 * InputError is thrown.
 */
import { trendMessages } from '../errors/messages-peers.ts';
import type ExcelJS from 'exceljs';
import type { z } from 'zod';
import { InputError, type Problem } from '../errors/errors.ts';
import { messages, workbookReaderMessages } from '../errors/messages.ts';
import { cellErrorRule, cellMunicipalityCode, cellNumber, cellText, isoDate, numberFromText, xlsxCell } from '../input/cells.ts';
import { readUserFile } from '../input/file.ts';
import { isStdin } from '../common/stdin.ts';
import { cliMessages } from '../errors/messages-cli.ts';
import { workbookFromBytes } from '../input/xlsx.ts';
import { indicatorRef } from '../derive/scores.ts';
import {
  ESTIMATE_MARK,
  GRANTS_COL,
  GRANTS_HEADER,
  GRANTS_NOTES_LABEL,
  GRANTS_EVALUATION_COLS,
  INFO_LABELS,
  INFO_VALUE_COLUMN,
  SCHEDULE_COL,
  SCHEDULE_HEADER,
  SCORE_COL,
  SCORE_HEADER,
  SCORE_TOTAL_LABEL,
  SHEET_GRANTS,
  SHEET_INFO,
  SHEET_SCHEDULE,
  SHEET_UNSCORED,
  UNSCORED_COL,
  UNSCORED_HEADER,
  cellPlace,
  ILLUSTRATIVE_NAMES,
  type InfoField,
} from './layout.ts';
import { loadCatalog, loadCatalogFile } from '../load/catalog.ts';
import { jsonPath } from '../input/json.ts';
import type { Catalog } from '../load/schemas/catalog.ts';
import { GrantHistory, MunicipalityResults, Narrative } from '../load/schemas/inputs.ts';

export interface WorkbookContents {
  results: MunicipalityResults;
  narrative?: Narrative;
  grants?: GrantHistory;
  /**
   * JSON path of a value in results, narrative or grants (`$.scores["suishin.I.i.1"]`,
   * `$.years[0].received.shien`; the three documents share no top-level key) → the cell it was
   * read from (`推進!E4`), so rules that run on the data can name the cell.
   */
  places: Map<string, string>;
}

export interface ReadWorkbookOptions {
  /** Use this catalog file instead of data/catalog/fy<year>.json. */
  catalogFile?: string;
}

/** Messages of the workbook reader (the cell is in the location, so they start with the value). */
export const workbookMessages = {
  ...workbookReaderMessages,
  unknownIndicator: (id: string) => messages.unknownIndicator(id),
  stated: (what: string, stated: number, derived: number) => messages.totalMismatch(what, stated, derived),
  notEstimateMark: (text: string) => workbookReaderMessages.notEstimateMark(text, ESTIMATE_MARK),
};

// ---------------------------------------------------------------------------------------------
// The reader

class Reader {
  readonly problems: Problem[] = [];
  /** JSON path of a built value → the cell it came from, to locate schema issues. */
  readonly places = new Map<string, string>();

  constructor(
    readonly file: string,
    readonly wb: ExcelJS.Workbook,
  ) {}

  problem(place: string, rule: string): void {
    this.problems.push({ location: { file: this.file, place }, rule, severity: 'error' });
  }

  sheet(name: string, required: readonly string[]): ExcelJS.Worksheet | undefined {
    const ws = this.wb.getWorksheet(name);
    if (!ws) this.problem(name, workbookMessages.missingSheet(name, required));
    return ws;
  }

  /** Row number of the header row (column A = first header label), searching the first 20 rows. */
  headerRow(ws: ExcelJS.Worksheet, first: string): number | undefined {
    for (let r = 1; r <= Math.min(20, Math.max(ws.rowCount, 1)); r++) {
      if (cellText(xlsxCell(ws.getRow(r).getCell(1).value)) === first) return r;
    }
    this.problem(ws.name, workbookMessages.missingHeader(ws.name, first));
    return undefined;
  }

  /** A whole number from a cell; a problem (and undefined) when it is not one. */
  wholeNumber(ws: ExcelJS.Worksheet, row: number, col: number, what: string, opts: { min?: number; max?: number } = {}): number | undefined {
    const place = cellPlace(ws.name, row, col);
    const p = xlsxCell(ws.getRow(row).getCell(col).value);
    const read = cellNumber(p, (t) => (p.kind === 'text' ? workbookMessages.notANumber(t, what) : workbookMessages.badValue(what)));
    if (read.kind === 'empty') return undefined;
    if (read.kind === 'problem') {
      this.problem(place, read.rule);
      return undefined;
    }
    const n = read.value;
    if (!Number.isInteger(n)) {
      this.problem(place, workbookMessages.notWhole(n, what));
      return undefined;
    }
    if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) {
      this.problem(place, workbookMessages.outOfRange(n, what));
      return undefined;
    }
    return n;
  }

  text(ws: ExcelJS.Worksheet, row: number, col: number): string | undefined {
    const p = xlsxCell(ws.getRow(row).getCell(col).value);
    if (p.kind === 'error') {
      this.problem(cellPlace(ws.name, row, col), cellErrorRule(p));
      return undefined;
    }
    return cellText(p);
  }

  isBlankRow(ws: ExcelJS.Worksheet, row: number, columns: number): boolean {
    const r = ws.getRow(row);
    for (let c = 1; c <= columns; c++) if (xlsxCell(r.getCell(c).value).kind !== 'empty') return false;
    return true;
  }

  /** Validates with a schema; issues are located by the cells recorded under `base`. */
  validate<S extends z.ZodType>(schema: S, data: unknown, base: string, fallback: string): z.output<S> | undefined {
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      let place: string | undefined;
      for (let n = issue.path.length; n >= 0 && place === undefined; n--) place = this.places.get(base + jsonPath(issue.path.slice(0, n)).slice(1));
      // a cell already reported (e.g. "is empty") needs no second, schema-worded problem
      if (place !== undefined && this.problems.some((p) => p.location.place === place)) continue;
      this.problem(place ?? fallback, issue.message);
    }
    return undefined;
  }
}

interface IndicatorInfo {
  id: string;
  grant: 'suishin' | 'shien';
  grantAbbr: string;
  ref: string;
  max: number;
}

function catalogIndicators(catalog: Catalog): IndicatorInfo[] {
  return catalog.grants.flatMap((g) =>
    g.goals.flatMap((goal) =>
      goal.groups.flatMap((group) =>
        group.indicators.map((ind) => ({ id: ind.id, grant: g.id, grantAbbr: g.abbr, ref: indicatorRef(goal.numeral, group.label, ind.no), max: ind.maxPoints })),
      ),
    ),
  );
}

/** The 基本情報 sheet: row of each label. */
function infoRows(rd: Reader, ws: ExcelJS.Worksheet): Map<InfoField, number> {
  const byLabel = new Map<string, number>();
  for (let r = 1; r <= ws.rowCount; r++) {
    const label = cellText(xlsxCell(ws.getRow(r).getCell(1).value));
    if (label !== undefined && !byLabel.has(label)) byLabel.set(label, r);
  }
  const rows = new Map<InfoField, number>();
  for (const [field, label] of Object.entries(INFO_LABELS) as Array<[InfoField, string]>) {
    const r = byLabel.get(label);
    if (r !== undefined) rows.set(field, r);
  }
  return rows;
}

const REQUIRED_INFO: readonly InfoField[] = ['fiscalYear', 'code', 'name', 'prefecture', 'insuredType1'];

function readScores(rd: Reader, ws: ExcelJS.Worksheet, grantAbbr: string, indicators: IndicatorInfo[]): Record<string, number> {
  const scores: Record<string, number> = {};
  const header = rd.headerRow(ws, SCORE_HEADER[0]);
  if (header === undefined) return scores;
  const mine = new Map(indicators.filter((i) => i.grantAbbr === grantAbbr).map((i) => [i.id, i]));
  const all = new Map(indicators.map((i) => [i.id, i]));
  const seenAt = new Map<string, number>();
  let end = ws.rowCount + 1;
  for (let r = header + 1; r <= ws.rowCount; r++) {
    const idPlace = cellPlace(ws.name, r, SCORE_COL.id);
    const scorePlace = cellPlace(ws.name, r, SCORE_COL.score);
    const id = rd.text(ws, r, SCORE_COL.id);
    if (id === SCORE_TOTAL_LABEL) {
      end = r;
      break;
    }
    if (id === undefined) {
      if (xlsxCell(ws.getRow(r).getCell(SCORE_COL.score).value).kind !== 'empty') rd.problem(idPlace, workbookMessages.scoreWithoutId());
      continue;
    }
    const ind = mine.get(id);
    if (!ind) {
      const other = all.get(id);
      rd.problem(idPlace, other ? workbookMessages.wrongSheet(id, other.grantAbbr) : workbookMessages.unknownIndicator(id));
      continue;
    }
    const first = seenAt.get(id);
    if (first !== undefined) {
      rd.problem(idPlace, workbookMessages.duplicateIndicator(id, cellPlace(ws.name, first, SCORE_COL.id)));
      continue;
    }
    seenAt.set(id, r);
    rd.places.set(`results${jsonPath(['scores', id]).slice(1)}`, scorePlace);
    const p = xlsxCell(ws.getRow(r).getCell(SCORE_COL.score).value);
    let score: number | undefined;
    if (p.kind === 'empty') rd.problem(scorePlace, workbookMessages.emptyScore(ind.ref, id, ind.max));
    else if (p.kind === 'number') score = p.value;
    else if (p.kind === 'text') {
      score = numberFromText(p.value);
      if (score === undefined) rd.problem(scorePlace, workbookMessages.scoreText(p.value, ind.ref, id, ind.max));
    } else if (p.kind === 'error') rd.problem(scorePlace, cellErrorRule(p));
    else rd.problem(scorePlace, workbookMessages.scoreText(cellText(p) ?? '', ind.ref, id, ind.max));
    if (score === undefined) continue;
    if (!Number.isInteger(score)) rd.problem(scorePlace, workbookMessages.notWhole(score, workbookMessages.scoreMustBeWhole(ind.ref, id, ind.max)));
    else if (score < 0) rd.problem(scorePlace, workbookMessages.scoreNegative(score, ind.ref, id));
    else if (score > ind.max) rd.problem(scorePlace, workbookMessages.scoreAboveMax(score, ind.max, ind.ref, id));
    else scores[id] = score;
  }
  // Missing indicators: located where their row should be (the row of the next indicator present).
  const order = [...mine.keys()];
  order.forEach((id, i) => {
    if (seenAt.has(id)) return;
    const next = order.slice(i + 1).find((n) => seenAt.has(n));
    const row = next !== undefined ? seenAt.get(next)! : Math.min(end, Math.max(header + 1, ...seenAt.values()) + 1);
    const ind = mine.get(id)!;
    rd.problem(cellPlace(ws.name, row, SCORE_COL.id), workbookMessages.missingIndicator(ind.ref, id));
  });
  return scores;
}

function readUnscored(rd: Reader, ws: ExcelJS.Worksheet, known: Set<string>): unknown[] {
  const out: unknown[] = [];
  const header = rd.headerRow(ws, UNSCORED_HEADER[0]);
  if (header === undefined) return out;
  const seenAt = new Map<string, number>();
  for (let r = header + 1; r <= ws.rowCount; r++) {
    if (rd.isBlankRow(ws, r, UNSCORED_HEADER.length)) continue;
    const id = rd.text(ws, r, UNSCORED_COL.id);
    const missed = rd.text(ws, r, UNSCORED_COL.missed);
    const reasonText = rd.text(ws, r, UNSCORED_COL.reason);
    const sameAs = rd.text(ws, r, UNSCORED_COL.sameAs);
    // a placeholder row: only the id (and its informational 指標 column)
    if (missed === undefined && reasonText === undefined && sameAs === undefined) continue;
    const idPlace = cellPlace(ws.name, r, UNSCORED_COL.id);
    if (id === undefined) {
      rd.problem(idPlace, workbookMessages.emptyRequired('指標ID'));
      continue;
    }
    if (!known.has(id)) {
      rd.problem(idPlace, workbookMessages.unknownIndicator(id));
      continue;
    }
    const first = seenAt.get(id);
    if (first !== undefined) {
      rd.problem(idPlace, workbookMessages.duplicateUnscored(id, cellPlace(ws.name, first, UNSCORED_COL.id)));
      continue;
    }
    seenAt.set(id, r);
    if (sameAs !== undefined && !known.has(sameAs)) rd.problem(cellPlace(ws.name, r, UNSCORED_COL.sameAs), workbookMessages.unknownIndicator(sameAs));
    const i = out.length;
    const base = `narrative.unscored[${i}]`;
    rd.places.set(`${base}`, idPlace);
    rd.places.set(`${base}.indicator`, idPlace);
    rd.places.set(`${base}.missedOptions`, cellPlace(ws.name, r, UNSCORED_COL.missed));
    rd.places.set(`${base}.reason`, cellPlace(ws.name, r, UNSCORED_COL.reason));
    rd.places.set(`${base}.sameAs`, cellPlace(ws.name, r, UNSCORED_COL.sameAs));
    const split = (t: string | undefined, sep: RegExp) =>
      (t ?? '')
        .split(sep)
        .map((s) => s.trim())
        .filter((s) => s !== '');
    out.push({
      indicator: id,
      missedOptions: split(missed, /[、,，\r\n]+/),
      reason: split(reasonText, /\r?\n/),
      ...(sameAs !== undefined ? { sameAs } : {}),
    });
  }
  return out;
}

function readSchedule(rd: Reader, ws: ExcelJS.Worksheet): unknown[] {
  const out: unknown[] = [];
  const header = rd.headerRow(ws, SCHEDULE_HEADER[0]);
  if (header === undefined) return out;
  for (let r = header + 1; r <= ws.rowCount; r++) {
    if (rd.isBlankRow(ws, r, SCHEDULE_HEADER.length)) continue;
    const base = `narrative.schedule[${out.length}]`;
    const year = rd.wholeNumber(ws, r, SCHEDULE_COL.year, workbookMessages.yearMustBe());
    const month = rd.wholeNumber(ws, r, SCHEDULE_COL.month, workbookMessages.monthMustBe(), { min: 1, max: 12 });
    const period = rd.text(ws, r, SCHEDULE_COL.period);
    const text = rd.text(ws, r, SCHEDULE_COL.text);
    rd.places.set(base, cellPlace(ws.name, r, SCHEDULE_COL.year));
    rd.places.set(`${base}.year`, cellPlace(ws.name, r, SCHEDULE_COL.year));
    rd.places.set(`${base}.month`, cellPlace(ws.name, r, SCHEDULE_COL.month));
    rd.places.set(`${base}.period`, cellPlace(ws.name, r, SCHEDULE_COL.period));
    rd.places.set(`${base}.text`, cellPlace(ws.name, r, SCHEDULE_COL.text));
    out.push({
      year,
      ...(month !== undefined ? { month } : {}),
      ...(period !== undefined ? { period } : {}),
      text,
    });
  }
  return out;
}

function readGrants(rd: Reader, ws: ExcelJS.Worksheet): { years: unknown[]; notes: string[] } {
  const years: unknown[] = [];
  const notes: string[] = [];
  const header = rd.headerRow(ws, GRANTS_HEADER[0]);
  if (header === undefined) return { years, notes };
  const seenAt = new Map<number, number>();
  let inNotes = false;
  // the evaluation columns G–J are optional: a workbook written before them has none
  const hasEvaluation = rd.text(ws, header, GRANTS_COL.suishinScore) === GRANTS_HEADER[GRANTS_COL.suishinScore - 1];
  const evaluationCols = [GRANTS_COL.suishinScore, GRANTS_COL.suishinMax, GRANTS_COL.shienScore, GRANTS_COL.shienMax];
  for (let r = header + 1; r <= ws.rowCount; r++) {
    const a = rd.text(ws, r, GRANTS_COL.year);
    if (inNotes) {
      if (a !== undefined) notes.push(a);
      continue;
    }
    if (a === GRANTS_NOTES_LABEL) {
      inNotes = true;
      continue;
    }
    const amountCols = [GRANTS_COL.suishin, GRANTS_COL.shien, GRANTS_COL.budgetSuishin, GRANTS_COL.budgetShien, ...(hasEvaluation ? evaluationCols : [])] as const;
    const isDash = (c: number) => /^[-－―‐ー−]$/.test(rd.text(ws, r, c) ?? '');
    const filled = amountCols.filter((c) => xlsxCell(ws.getRow(r).getCell(c).value).kind !== 'empty' && !isDash(c));
    if (filled.length === 0 && xlsxCell(ws.getRow(r).getCell(GRANTS_COL.estimate).value).kind === 'empty') continue; // unfilled row
    const year = rd.wholeNumber(ws, r, GRANTS_COL.year, workbookMessages.fiscalYearMustBe());
    const yearPlace = cellPlace(ws.name, r, GRANTS_COL.year);
    if (a === undefined) rd.problem(yearPlace, workbookMessages.emptyRequired(GRANTS_HEADER[0]));
    if (year !== undefined) {
      const first = seenAt.get(year);
      if (first !== undefined) rd.problem(yearPlace, workbookMessages.duplicateYear(year, cellPlace(ws.name, first, GRANTS_COL.year)));
      seenAt.set(year, r);
    }
    const amount = (c: number, what: string) => (isDash(c) ? null : (rd.wholeNumber(ws, r, c, what, { min: 0 }) ?? null));
    const mark = rd.text(ws, r, GRANTS_COL.estimate);
    if (mark !== undefined && !['○', '〇', '◯', 'o', 'O', 'TRUE', 'はい', '見込み', '1'].includes(mark))
      rd.problem(cellPlace(ws.name, r, GRANTS_COL.estimate), workbookMessages.notEstimateMark(mark));
    const base = `grants.years[${years.length}]`;
    rd.places.set(base, yearPlace);
    rd.places.set(`${base}.fiscalYear`, yearPlace);
    rd.places.set(`${base}.received.suishin`, cellPlace(ws.name, r, GRANTS_COL.suishin));
    rd.places.set(`${base}.received.shien`, cellPlace(ws.name, r, GRANTS_COL.shien));
    rd.places.set(`${base}.nationalBudget.suishin`, cellPlace(ws.name, r, GRANTS_COL.budgetSuishin));
    rd.places.set(`${base}.nationalBudget.shien`, cellPlace(ws.name, r, GRANTS_COL.budgetShien));
    let evaluation: Record<'suishin' | 'shien', { score: number; max: number } | null> | undefined;
    if (hasEvaluation) {
      const pair = (g: 'suishin' | 'shien') => {
        const [sc, mc] = GRANTS_EVALUATION_COLS[g];
        const empty = (c: number) => xlsxCell(ws.getRow(r).getCell(c).value).kind === 'empty' || isDash(c);
        if (empty(sc) && empty(mc)) return null;
        const score = rd.wholeNumber(ws, r, sc, trendMessages.notAScore('評価の得点'), { min: 0 });
        const max = rd.wholeNumber(ws, r, mc, trendMessages.notAScore('評価の満点'), { min: 1 });
        rd.places.set(`${base}.evaluation.${g}.score`, cellPlace(ws.name, r, sc));
        rd.places.set(`${base}.evaluation.${g}.max`, cellPlace(ws.name, r, mc));
        return score === undefined || max === undefined ? null : { score, max };
      };
      const suishin = pair('suishin');
      const shien = pair('shien');
      if (suishin || shien) evaluation = { suishin, shien };
    }
    years.push({
      ...(evaluation ? { evaluation } : {}),
      fiscalYear: year,
      received: { suishin: amount(GRANTS_COL.suishin, workbookMessages.senYenWhole()), shien: amount(GRANTS_COL.shien, workbookMessages.senYenWhole()) },
      nationalBudget: {
        suishin: amount(GRANTS_COL.budgetSuishin, workbookMessages.okuYenWhole()),
        shien: amount(GRANTS_COL.budgetShien, workbookMessages.okuYenWhole()),
      },
      estimate: mark !== undefined,
    });
  }
  return { years, notes };
}

function parseDateText(text: string): string | undefined {
  const m = /^(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})\s*日?$/.exec(text.normalize('NFKC').trim());
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || isoDate(d) !== iso ? undefined : iso;
}

/** Reads and validates a fill-in workbook. */
export async function readWorkbook(file: string, options: ReadWorkbookOptions = {}): Promise<WorkbookContents> {
  const bytes = readUserFile(file, 'xlsx'); // a regular file within the size cap, whatever its name
  if (!file.toLowerCase().endsWith('.xlsx') && !isStdin(file))
    throw new InputError([{ location: { file }, rule: workbookMessages.notXlsx(), severity: 'error' }]);
  const wb = await workbookFromBytes(bytes, file);
  const rd = new Reader(file, wb);

  // 基本情報 first: the fiscal year picks the catalog.
  const info = rd.sheet(SHEET_INFO, [SHEET_INFO, '推進', '支援']);
  const rows = info ? infoRows(rd, info) : new Map<InfoField, number>();
  const at = (field: InfoField) => {
    const r = rows.get(field);
    return r === undefined ? `${SHEET_INFO}` : cellPlace(SHEET_INFO, r, INFO_VALUE_COLUMN);
  };
  if (info)
    for (const field of Object.keys(INFO_LABELS) as InfoField[])
      if (!rows.has(field) && (REQUIRED_INFO as readonly string[]).includes(field))
        rd.problem(SHEET_INFO, workbookMessages.missingInfoRow(INFO_LABELS[field]));
  const infoText = (field: InfoField) => {
    const r = rows.get(field);
    return info && r !== undefined ? rd.text(info, r, INFO_VALUE_COLUMN) : undefined;
  };
  const infoNumber = (field: InfoField, what: string) => {
    const r = rows.get(field);
    return info && r !== undefined ? rd.wholeNumber(info, r, INFO_VALUE_COLUMN, what) : undefined;
  };
  const required = <T,>(field: InfoField, value: T | undefined): T | undefined => {
    if (value === undefined && info && rows.has(field) && rd.problems.every((p) => p.location.place !== at(field)))
      rd.problem(at(field), workbookMessages.emptyRequired(INFO_LABELS[field]));
    return value;
  };

  const fiscalYear = required('fiscalYear', infoNumber('fiscalYear', workbookMessages.fiscalYearMustBe()));
  let catalog: Catalog | undefined;
  if (fiscalYear !== undefined) {
    try {
      catalog = options.catalogFile ? loadCatalogFile(options.catalogFile) : loadCatalog(fiscalYear);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      rd.problems.push(...err.problems);
    }
  }

  // Identity
  const codeRow = rows.get('code');
  let code: string | undefined;
  let codeRule: string | undefined; // reported in order with the other 基本情報 values, below
  if (info && codeRow !== undefined) {
    const p = xlsxCell(info.getRow(codeRow).getCell(INFO_VALUE_COLUMN).value);
    if (p.kind !== 'empty') {
      // one rule for every reader (src/common/municipality-code.ts); a number lost its leading 0
      const r = cellMunicipalityCode(p);
      if ('rule' in r) codeRule = r.rule;
      else code = r.code;
    }
  }
  if (codeRule === undefined) required('code', code);
  const name = required('name', infoText('name'));
  const prefecture = required('prefecture', infoText('prefecture'));
  const insuredType1 = required('insuredType1', infoNumber('insuredType1', workbookMessages.insuredMustBe()));
  const fictionalText = infoText('fictional');
  let fictional = false;
  if (fictionalText !== undefined) {
    if (['はい', 'TRUE', '○', '1'].includes(fictionalText)) fictional = true;
    else if (!['いいえ', 'FALSE', '0'].includes(fictionalText)) rd.problem(at('fictional'), workbookMessages.notYesNo(fictionalText));
  }
  const stated = {
    suishin: infoNumber('statedSuishin', workbookMessages.statedTotalMustBe()),
    shien: infoNumber('statedShien', workbookMessages.statedTotalMustBe()),
    total: infoNumber('statedTotal', workbookMessages.statedTotalMustBe()),
  };
  const files = { national: infoText('national'), peers: infoText('peers') };

  // Scores
  const grantSheets = catalog ? catalog.grants.map((g) => g.abbr) : ['推進', '支援'];
  const requiredSheets = [SHEET_INFO, ...grantSheets];
  const scores: Record<string, number> = {};
  const indicators = catalog ? catalogIndicators(catalog) : [];
  const problemsBefore = rd.problems.length;
  for (const abbr of grantSheets) {
    const ws = rd.sheet(abbr, requiredSheets);
    if (ws && catalog) Object.assign(scores, readScores(rd, ws, abbr, indicators));
  }
  if (catalog && rd.problems.length === problemsBefore && indicators.every((i) => i.id in scores)) {
    const sums = { suishin: 0, shien: 0 };
    for (const i of indicators) sums[i.grant] += scores[i.id]!;
    const pairs: Array<[keyof typeof stated, InfoField, string, number]> = [
      ['suishin', 'statedSuishin', INFO_LABELS.statedSuishin, sums.suishin],
      ['shien', 'statedShien', INFO_LABELS.statedShien, sums.shien],
      ['total', 'statedTotal', INFO_LABELS.statedTotal, sums.suishin + sums.shien],
    ];
    for (const [key, field, label, derived] of pairs) {
      const v = stated[key];
      if (v !== undefined && v !== derived) rd.problem(at(field), workbookMessages.stated(label, v, derived));
    }
  }

  // Results, validated with the schema (cells recorded for its issues)
  rd.places.set('results.fiscalYear', at('fiscalYear'));
  rd.places.set('results.municipality.code', at('code'));
  rd.places.set('results.municipality.name', at('name'));
  rd.places.set('results.municipality.prefecture', at('prefecture'));
  rd.places.set('results.municipality.insuredType1', at('insuredType1'));
  rd.places.set('results.statedTotals.suishin', at('statedSuishin'));
  rd.places.set('results.statedTotals.shien', at('statedShien'));
  rd.places.set('results.statedTotals.total', at('statedTotal'));
  rd.places.set('results.files.national', at('national'));
  rd.places.set('results.files.peers', at('peers'));
  if (codeRule !== undefined) rd.problem(at('code'), codeRule);
  const hasStated = Object.values(stated).some((v) => v !== undefined);
  const results = rd.validate(
    MunicipalityResults,
    {
      fiscalYear,
      municipality: { code, name, prefecture, insuredType1, fictional },
      scores,
      ...(hasStated
        ? { statedTotals: Object.fromEntries(Object.entries(stated).filter(([, v]) => v !== undefined)) }
        : {}),
      files: Object.fromEntries(Object.entries(files).filter(([, v]) => v !== undefined)),
    },
    'results',
    SHEET_INFO,
  );

  // Narrative: report fields (基本情報), unscored reasons, schedule
  const known = new Set(indicators.map((i) => i.id));
  const unscoredSheet = wb.getWorksheet(SHEET_UNSCORED);
  const unscored = unscoredSheet && catalog ? readUnscored(rd, unscoredSheet, known) : [];
  const scheduleSheet = wb.getWorksheet(SHEET_SCHEDULE);
  const schedule = scheduleSheet ? readSchedule(rd, scheduleSheet) : [];
  const dateRow = rows.get('date');
  let date: string | undefined;
  if (info && dateRow !== undefined) {
    const p = xlsxCell(info.getRow(dateRow).getCell(INFO_VALUE_COLUMN).value);
    if (p.kind === 'date') date = isoDate(p.value);
    else if (p.kind === 'number') date = isoDate(new Date(Date.UTC(1899, 11, 30) + Math.round(p.value) * 86_400_000));
    else if (p.kind === 'text') {
      date = parseDateText(p.value);
      if (date === undefined) rd.problem(at('date'), workbookMessages.badDate(p.value));
    } else if (p.kind === 'error') rd.problem(at('date'), cellErrorRule(p));
  }
  const report = {
    title: infoText('title'),
    department: infoText('department'),
    date,
    documentNumber: infoText('documentNumber'),
    committee: infoText('committee'),
    illustrative: illustrativeFields(infoText('illustrative'), (rule) => rd.problem(at('illustrative'), rule)),
  };
  let narrative: Narrative | undefined;
  const hasReport = Object.values(report).some((v) => v !== undefined);
  if (hasReport || unscored.length > 0 || schedule.length > 0) {
    for (const field of ['title', 'department', 'date'] as const)
      if (report[field] === undefined && rd.problems.every((p) => p.location.place !== at(field)))
        rd.problem(at(field), workbookMessages.emptyRequired(workbookMessages.neededForNarrative(INFO_LABELS[field])));
    rd.places.set('narrative.report.title', at('title'));
    rd.places.set('narrative.report.department', at('department'));
    rd.places.set('narrative.report.date', at('date'));
    rd.places.set('narrative.report.documentNumber', at('documentNumber'));
    rd.places.set('narrative.report.committee', at('committee'));
    rd.places.set('narrative.report.illustrative', at('illustrative'));
    narrative = rd.validate(
      Narrative,
      { report: Object.fromEntries(Object.entries(report).filter(([, v]) => v !== undefined)), unscored, schedule },
      'narrative',
      SHEET_INFO,
    );
  }

  // Grant history
  let grants: GrantHistory | undefined;
  const grantsSheet = wb.getWorksheet(SHEET_GRANTS);
  if (grantsSheet) {
    const g = readGrants(rd, grantsSheet);
    if (g.years.length > 0) grants = rd.validate(GrantHistory, g, 'grants', SHEET_GRANTS);
  }

  if (rd.problems.some((p) => p.severity === 'error') || !results) throw new InputError(rd.problems);
  const places = new Map<string, string>();
  for (const [key, place] of rd.places) places.set('$' + key.replace(/^(results|narrative|grants)/, ''), place);
  return { results, ...(narrative ? { narrative } : {}), ...(grants ? { grants } : {}), places };
}

/** The fields named in the 記入例の項目 cell (資料番号・日付 …); an unknown name is a problem at the cell. */
function illustrativeFields(text: string | undefined, problem: (rule: string) => void): Array<'documentNumber' | 'department' | 'date' | 'committee'> | undefined {
  if (text === undefined) return undefined;
  const out: Array<'documentNumber' | 'department' | 'date' | 'committee'> = [];
  for (const name of text.normalize('NFKC').split(/[・、,\s]+/).filter(Boolean)) {
    const field = ILLUSTRATIVE_NAMES[name];
    if (field === undefined) problem(cliMessages.unknownIllustrativeField(name, Object.keys(ILLUSTRATIVE_NAMES).join('・')));
    else if (!out.includes(field)) out.push(field);
  }
  return out.length > 0 ? out : undefined;
}
