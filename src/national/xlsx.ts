/**
 * Workbooks of the national results: the tables of `kofukin national` (aggregate table, the six
 * top-N tables, the prefecture distribution, every municipality's standing) and the national
 * results file format itself (`kofukin synth --out x.xlsx`). The same content always gives the
 * same bytes: fixed document dates and ZIP entry times.
 */
import ExcelJS from 'exceljs';
import { FILL, THIN_BORDER, a4Page, finishSheet, setWidths, solidFill, workbookBytes } from '../common/xlsx-style.ts';
import type { NationalDerived, NationalColumnDef, RankingTable } from './derive.ts';
import { fixZipDates } from '../common/zip.ts';
import { indicatorRef } from '../derive/scores.ts';
import type { Catalog } from '../load/schemas/catalog.ts';

/** Sheet names (Excel: at most 31 characters, none of []:*?/\). */
export const SHEETS = {
  results: '市町村別得点',
  aggregate: '全国集計',
  indicatorMeans: '指標別平均点',
  prefectures: '都道府県別',
  standings: '市町村別順位',
  top: (label: string) => `上位_${label}`,
} as const;

/** Document date written into the workbooks when none is given (keeps bytes stable). */
export const DEFAULT_WORKBOOK_DATE = new Date('2024-04-01T00:00:00Z');

const FORMAT = { int: '#,##0', mean: '0.0', rate: '0.0%', median: '0.##' } as const;

/**
 * A percentage as derived (53.3, one decimal) → the fraction Excel stores under a % format
 * (0.533 exactly as typed, not 0.53299…), so the cell computes and sorts as a percentage.
 */
function percentToFraction(pct: number): number {
  return Math.round(pct * 10) / 1000;
}

function newWorkbook(date: Date, title: string, subject: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kofukin-report';
  wb.lastModifiedBy = 'kofukin-report';
  wb.created = date;
  wb.modified = date;
  wb.title = title;
  wb.subject = subject;
  return wb;
}

async function stableBytes(wb: ExcelJS.Workbook, date: Date): Promise<Uint8Array> {
  return fixZipDates(await workbookBytes(wb), date);
}

function headerStyle(row: ExcelJS.Row, from: number, to: number): void {
  for (let c = from; c <= to; c++) {
    const cell = row.getCell(c);
    cell.font = { bold: true };
    cell.fill = solidFill(FILL.header);
    cell.border = THIN_BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  }
}

function borderRow(row: ExcelJS.Row, from: number, to: number): void {
  for (let c = from; c <= to; c++) row.getCell(c).border = THIN_BORDER;
}

// ---------------------------------------------------------------------------------------------
// The national results file

export interface ResultsWorkbookOptions {
  date?: Date;
  title?: string;
  /** Note in the document properties, e.g. that the data are fictional. */
  subject?: string;
}

/** A national results file as a workbook: one sheet, row 1 the header, one row per municipality. */
export async function resultsWorkbook(table: ReadonlyArray<ReadonlyArray<string | number | boolean>>, opts: ResultsWorkbookOptions = {}): Promise<Uint8Array> {
  const date = opts.date ?? DEFAULT_WORKBOOK_DATE;
  const wb = newWorkbook(date, opts.title ?? '市町村別評価結果', opts.subject ?? '');
  const ws = wb.addWorksheet(SHEETS.results, { views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }] });
  for (const r of table) ws.addRow([...r]);
  const header = table[0] ?? [];
  headerStyle(ws.getRow(1), 1, header.length);
  ws.getColumn(1).numFmt = '@';
  setWidths(ws, header.map((h, i) => (i < 3 ? 12 : Math.max(8, String(h).length + 2))));
  a4Page(ws, 'landscape', '1:1');
  return stableBytes(wb, date);
}

// ---------------------------------------------------------------------------------------------
// The tables of `kofukin national`

/** Three header rows of the aggregate table (grant / goal / part), merged like seed 000. */
function aggregateHeaders(defs: readonly NationalColumnDef[]): string[][] {
  return [defs.map((d) => d.grantLabel), defs.map((d) => d.goalLabel), defs.map((d) => d.partLabel)];
}

function mergeRuns(ws: ExcelJS.Worksheet, row: number, firstCol: number, labels: readonly string[]): void {
  let start = 0;
  for (let i = 1; i <= labels.length; i++) {
    if (i === labels.length || labels[i] !== labels[start]) {
      if (i - 1 > start && labels[start] !== '') ws.mergeCells(row, firstCol + start, row, firstCol + i - 1);
      start = i;
    }
  }
}

function aggregateSheet(wb: ExcelJS.Workbook, d: NationalDerived, note: string): void {
  const ws = wb.addWorksheet(SHEETS.aggregate);
  const defs = d.columnDefs.filter((def) => d.columns.some((c) => c.key === def.key));
  const first = 2;
  const last = first + defs.length - 1;
  ws.addRow([`${d.fiscalYear}年度（市町村分）保険者機能強化推進交付金等に係る評価結果 全国集計（${d.municipalityCount.toLocaleString('en-US')}市町村）`]).font = { bold: true, size: 12 };
  ws.addRow([note]);
  const headers = aggregateHeaders(defs);
  headers.forEach((labels, i) => {
    const row = ws.addRow(['', ...labels]);
    headerStyle(row, first, last);
    mergeRuns(ws, 3 + i, first, labels);
  });
  // empty goal/part cells under a merged grant header: merge vertically where the lower rows are blank
  defs.forEach((def, i) => {
    if (def.partLabel === '') ws.mergeCells(4, first + i, 5, first + i);
  });
  const cols = defs.map((def) => d.columns.find((c) => c.key === def.key)!);
  const rows: Array<[string, number[], string]> = [
    ['配点', cols.map((c) => c.max), FORMAT.int],
    ['平均点', cols.map((c) => c.mean), FORMAT.mean],
    ['平均得点率', cols.map((c) => percentToFraction(c.rate)), FORMAT.rate],
    ['中央値', cols.map((c) => c.median), FORMAT.median],
  ];
  for (const [label, values, fmt] of rows) {
    const row = ws.addRow([label, ...values]);
    row.getCell(1).font = { bold: true };
    row.getCell(1).fill = solidFill(FILL.header);
    for (let c = first; c <= last; c++) row.getCell(c).numFmt = fmt;
    borderRow(row, 1, last);
  }
  ws.addRow([]);
  ws.addRow(['平均点は小数第1位で四捨五入。平均得点率は合計点÷（市町村数×配点）。中央値は市町村数が偶数のとき中央の2つの平均。']);
  setWidths(ws, [14, ...defs.map(() => 11)]);
  ws.getRow(4).height = 60;
  finishSheet(ws, { titleRows: '3:5' });
}

export const INDICATOR_MEANS_HEADER = ['交付金', '指標', '項目名', '配点', '平均点', '平均得点率'] as const;

/** Every indicator's national mean, labelled as the catalog names it (present when the file has per-indicator scores). */
function indicatorMeansSheet(wb: ExcelJS.Workbook, d: NationalDerived, catalog: Catalog, note: string): void {
  const ws = wb.addWorksheet(SHEETS.indicatorMeans, { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.addRow([`指標別平均点（${d.municipalityCount.toLocaleString('en-US')}市町村）`]).font = { bold: true, size: 12 };
  ws.addRow([note]);
  headerStyle(ws.addRow([...INDICATOR_MEANS_HEADER]), 1, INDICATOR_MEANS_HEADER.length);
  for (const g of catalog.grants)
    for (const goal of g.goals)
      for (const group of goal.groups)
        for (const ind of group.indicators) {
          const mean = d.indicatorMeans[ind.id];
          if (mean === undefined) continue;
          const row = ws.addRow([g.abbr, indicatorRef(goal.numeral, group.label, ind.no), ind.shortTitle, ind.maxPoints, mean, mean / ind.maxPoints]);
          row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
          row.getCell(5).numFmt = FORMAT.mean;
          row.getCell(6).numFmt = FORMAT.rate;
          borderRow(row, 1, INDICATOR_MEANS_HEADER.length);
        }
  setWidths(ws, [7, 16, 40, 7, 8, 11]);
  finishSheet(ws, { orientation: 'portrait', titleRows: '3:3' });
}

export const RANKING_HEADER = ['順位', '都道府県', '市区町村', '団体コード', '第1号被保険者数', '得点', '得点率'] as const;

function rankingSheet(wb: ExcelJS.Workbook, d: NationalDerived, t: RankingTable, note: string): void {
  const ws = wb.addWorksheet(SHEETS.top(t.label), { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.addRow([`第1号被保険者規模別総合得点上位${topNOf(d)}市町村（${t.label}）`]).font = { bold: true, size: 12 };
  ws.addRow([`${note}　該当${t.classCount.toLocaleString('en-US')}市町村。同点は同順位（順位が${topNOf(d)}以内の全団体を掲載）。`]);
  headerStyle(ws.addRow([...RANKING_HEADER]), 1, RANKING_HEADER.length);
  for (const r of t.rows) {
    const row = ws.addRow([r.rank, r.prefecture, r.name, r.code, r.insuredType1, r.score, percentToFraction(r.rate)]);
    row.getCell(5).numFmt = FORMAT.int;
    row.getCell(7).numFmt = FORMAT.rate;
    borderRow(row, 1, RANKING_HEADER.length);
  }
  setWidths(ws, [7, 11, 14, 11, 16, 8, 9]);
  finishSheet(ws, { orientation: 'portrait', titleRows: '3:3' });
}

function topNOf(d: NationalDerived): number {
  return d.topN;
}


export const PREFECTURE_HEADER = ['コード', '都道府県', '市町村数', '総合 平均', '総合 中央値', '総合 最小', '総合 最大', '推進 平均', '推進 中央値', '推進 最小', '推進 最大', '支援 平均', '支援 中央値', '支援 最小', '支援 最大'] as const;

function prefectureSheet(wb: ExcelJS.Workbook, d: NationalDerived, note: string): void {
  const ws = wb.addWorksheet(SHEETS.prefectures, { views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }] });
  ws.addRow(['都道府県別市町村得点の分布（平均・中央値・最小・最大）']).font = { bold: true, size: 12 };
  ws.addRow([note]);
  headerStyle(ws.addRow([...PREFECTURE_HEADER]), 1, PREFECTURE_HEADER.length);
  for (const p of d.prefectures) {
    const stats = [p.total, p.suishin, p.shien].flatMap((s) => (s ? [s.mean, s.median, s.min, s.max] : [null, null, null, null]));
    const row = ws.addRow([p.code, p.name, p.count, ...stats]);
    for (const c of [4, 8, 12]) row.getCell(c).numFmt = FORMAT.mean;
    for (const c of [5, 9, 13]) row.getCell(c).numFmt = FORMAT.median;
    borderRow(row, 1, PREFECTURE_HEADER.length);
  }
  ws.getColumn(1).numFmt = '@';
  setWidths(ws, [7, 10, 9, ...Array(12).fill(10)]);
  finishSheet(ws, { titleRows: '3:3' });
}

export const STANDINGS_HEADER = ['団体コード', '都道府県', '市区町村', '第1号被保険者数', '規模区分', '総合', '全国順位', '上位%', 'パーセンタイル', '規模区分内順位', '都道府県内順位', '推進', '推進順位', '支援', '支援順位'] as const;

function standingsSheet(wb: ExcelJS.Workbook, d: NationalDerived, classLabel: (id: string) => string): void {
  const ws = wb.addWorksheet(SHEETS.standings, { views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }] });
  headerStyle(ws.addRow([...STANDINGS_HEADER]), 1, STANDINGS_HEADER.length);
  for (const s of d.standings) {
    const row = ws.addRow([
      s.code,
      s.prefecture,
      s.name,
      s.insuredType1,
      classLabel(s.sizeClass),
      s.total,
      s.rank,
      percentToFraction(s.topPercent),
      s.percentile,
      s.classRank,
      s.prefectureRank,
      s.suishin ?? null,
      s.suishinRank ?? null,
      s.shien ?? null,
      s.shienRank ?? null,
    ]);
    row.getCell(4).numFmt = FORMAT.int;
    row.getCell(8).numFmt = FORMAT.rate;
    row.getCell(9).numFmt = '0.0';
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: STANDINGS_HEADER.length } };
  setWidths(ws, [11, 10, 14, 14, 18, 7, 9, 8, 12, 13, 13, 7, 9, 7, 9]);
  finishSheet(ws, { titleRows: '1:1' });
}

export interface SummaryWorkbookOptions {
  date?: Date;
  /** The fiscal year's catalog: labels the indicator rows in Japanese. */
  catalog: Catalog;
  /** Label of a size class id (SIZE_CLASS_DEFS). */
  classLabel: (id: string) => string;
}

/** Source note printed under every table title. */
export function sourceNote(d: Pick<NationalDerived, 'source' | 'fictional' | 'municipalityCount'>): string {
  return `出典：${d.source}（${d.municipalityCount.toLocaleString('en-US')}市町村）${d.fictional ? '　※架空のデータ（実在の市町村・得点ではない）' : ''}`;
}

/** The tables of `kofukin national` as one workbook. */
export async function summaryWorkbook(d: NationalDerived, opts: SummaryWorkbookOptions): Promise<Uint8Array> {
  const date = opts.date ?? DEFAULT_WORKBOOK_DATE;
  const note = sourceNote(d);
  const wb = newWorkbook(date, `${d.fiscalYear}年度 保険者機能強化推進交付金等 評価結果 全国集計`, d.fictional ? '架空のデータ（実在の市町村・得点ではない）' : d.source);
  aggregateSheet(wb, d, note);
  if (Object.keys(d.indicatorMeans).length > 0) indicatorMeansSheet(wb, d, opts.catalog, note);
  for (const t of d.rankings) rankingSheet(wb, d, t, note);
  prefectureSheet(wb, d, note);
  standingsSheet(wb, d, opts.classLabel);
  return stableBytes(wb, date);
}
