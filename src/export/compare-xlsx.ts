/**
 * The peer-group comparison workbook of `kofukin compare`:
 *
 * - 比較表: title row, note row, a two-row header (団体コード, 市名, then 得点 / 順位 / 得点率 /
 *   平均との差 under 推進交付金, 支援交付金 and 総合), one row per member in the group's order,
 *   the 平均 row, and the source note. The highlighted member's row is filled and bold. Frozen
 *   header and name columns; A4 landscape, one page wide, header rows repeated on every page.
 * - 指標別比較 (only when members carry per-indicator `scores`): rows = catalog indicators
 *   (交付金, 指標, 項目名, 満点) and a 合計 row per grant; columns = the members with scores and the
 *   mean of the values present.
 */
import ExcelJS from 'exceljs';
import { fiscalYearJa } from '../common/era.ts';
import type { PeerRanks } from '../derive/peers.ts';
import {
  LEAD_HEADERS,
  MEAN_LABEL,
  METRICS,
  PARTS,
  meanFigures,
  memberFigures,
  type Maxima,
  type MetricKey,
} from './compare-table.ts';
import type { IndicatorComparison } from './peer-indicators.ts';
import { columnLetter } from '../workbook/layout.ts';
import { FILL, THIN_BORDER, finishSheet, setWidths, solidFill, workbookBytes } from '../common/xlsx-style.ts';

export const SHEET_COMPARE = '比較表';
export const SHEET_INDICATORS = '指標別比較';

/** Rows of the 比較表 sheet. */
export const COMPARE_LAYOUT = { titleRow: 1, noteRow: 2, headerRows: [3, 4], firstDataRow: 5 } as const;

export const NUMBER_FORMATS: Record<MetricKey, string> = {
  score: '0',
  rank: '0"位"',
  rate: '0.0%',
  diff: '+0.0;"−"0.0;0.0',
};

export interface CompareWorkbookInput {
  ranks: PeerRanks;
  maxima: Maxima;
  fiscalYear: number;
  indicators?: IndicatorComparison | null;
}

/** 69.3 (percent, one decimal) → 0.693 exactly as typed (not 0.6929999…), for a 0.0% cell. */
function percentToFraction(pct: number): number {
  return Math.round(pct * 10) / 1000;
}

export function compareTitle(fiscalYear: number, groupName: string): string {
  return `${fiscalYearJa(fiscalYear)} ${groupName} 評価得点比較`;
}

function mainSheet(wb: ExcelJS.Workbook, input: CompareWorkbookInput): void {
  const { ranks, maxima } = input;
  const ws = wb.addWorksheet(SHEET_COMPARE);
  const columns = LEAD_HEADERS.length + PARTS.length * METRICS.length;
  const last = columnLetter(columns);

  ws.mergeCells(`A1:${last}1`);
  ws.getCell('A1').value = compareTitle(input.fiscalYear, ranks.name);
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A1').alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 24;
  ws.mergeCells(`A2:${last}2`);
  ws.getCell('A2').value =
    `満点：推進交付金 ${maxima.suishin}点／支援交付金 ${maxima.shien}点／総合 ${maxima.suishin + maxima.shien}点。` +
    '順位は同点を同順位とし、次の順位は人数分飛ばす（例：1, 2, 3, 3, 5位）。' +
    (ranks.highlighted ? `網掛け・太字は${ranks.highlighted.name}。` : '');
  ws.getCell('A2').font = { size: 9 };
  ws.getCell('A2').alignment = { horizontal: 'left', vertical: 'middle' };

  // Two-row header
  const [h1, h2] = COMPARE_LAYOUT.headerRows;
  LEAD_HEADERS.forEach((label, i) => {
    const col = columnLetter(i + 1);
    ws.mergeCells(`${col}${h1}:${col}${h2}`);
    ws.getCell(`${col}${h1}`).value = label;
  });
  PARTS.forEach((p, pi) => {
    const first = LEAD_HEADERS.length + pi * METRICS.length + 1;
    ws.mergeCells(`${columnLetter(first)}${h1}:${columnLetter(first + METRICS.length - 1)}${h1}`);
    ws.getCell(`${columnLetter(first)}${h1}`).value = `${p.label}（${p.key === 'total' ? maxima.suishin + maxima.shien : maxima[p.key]}点満点）`;
    METRICS.forEach((m, mi) => (ws.getCell(`${columnLetter(first + mi)}${h2}`).value = m.label));
  });
  for (const r of [h1, h2])
    for (let c = 1; c <= columns; c++) {
      const cell = ws.getRow(r).getCell(c);
      cell.font = { bold: true };
      cell.fill = solidFill(FILL.header);
      cell.border = THIN_BORDER;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }

  // Members
  let r = COMPARE_LAYOUT.firstDataRow;
  for (const row of ranks.rows) {
    const xr = ws.getRow(r++);
    xr.getCell(1).value = row.code;
    xr.getCell(2).value = row.name;
    memberFigures(row).forEach((f, i) => {
      const cell = xr.getCell(LEAD_HEADERS.length + 1 + i);
      cell.value = f.metric === 'rate' ? percentToFraction(f.value) : f.value;
      cell.numFmt = NUMBER_FORMATS[f.metric];
    });
    for (let c = 1; c <= columns; c++) {
      const cell = xr.getCell(c);
      cell.border = THIN_BORDER;
      cell.alignment = { horizontal: c <= LEAD_HEADERS.length ? (c === 1 ? 'center' : 'left') : 'right', vertical: 'middle' };
      if (row.highlighted) {
        cell.fill = solidFill(FILL.highlight);
        cell.font = { bold: true };
      }
    }
  }
  // Mean
  const mr = ws.getRow(r++);
  mr.getCell(2).value = MEAN_LABEL;
  meanFigures(ranks, maxima).forEach((f, i) => {
    const cell = mr.getCell(LEAD_HEADERS.length + 1 + i);
    if (f.value === null) return;
    cell.value = f.metric === 'rate' ? percentToFraction(f.value) : f.value;
    cell.numFmt = f.metric === 'score' ? '0.0' : NUMBER_FORMATS[f.metric];
  });
  for (let c = 1; c <= columns; c++) {
    const cell = mr.getCell(c);
    cell.border = THIN_BORDER;
    cell.fill = solidFill(FILL.mean);
    cell.alignment = { horizontal: c <= LEAD_HEADERS.length ? 'left' : 'right', vertical: 'middle' };
  }
  // Notes
  r++;
  ws.getCell(`A${r}`).value = `出典：${ranks.source}`;
  ws.getCell(`A${r + 1}`).value = `平均との差＝各市の得点－${ranks.count}市の平均点（小数第2位を四捨五入）。得点率は小数第2位を四捨五入。`;
  for (const n of [r, r + 1]) ws.getCell(`A${n}`).font = { size: 9 };

  setWidths(ws, [10, 12, ...PARTS.flatMap(() => [8, 7, 8, 10])]);
  ws.views = [{ state: 'frozen', xSplit: LEAD_HEADERS.length, ySplit: h2, topLeftCell: `C${COMPARE_LAYOUT.firstDataRow}`, activeCell: `A${COMPARE_LAYOUT.firstDataRow}` }];
  finishSheet(ws, { titleRows: `${h1}:${h2}` });
}

function indicatorSheet(wb: ExcelJS.Workbook, input: CompareWorkbookInput, cmp: IndicatorComparison): void {
  const ws = wb.addWorksheet(SHEET_INDICATORS);
  const lead = ['交付金', '指標', '項目名', '満点'];
  const columns = lead.length + cmp.members.length + 1;
  const last = columnLetter(columns);
  ws.mergeCells(`A1:${last}1`);
  ws.getCell('A1').value = `${fiscalYearJa(input.fiscalYear)} ${input.ranks.name} 指標別得点比較`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.mergeCells(`A2:${last}2`);
  ws.getCell('A2').value = `指標ごとの得点（指標別の得点がある${cmp.members.length}市）。平均は得点のある市の平均（小数第2位を四捨五入）。`;
  ws.getCell('A2').font = { size: 9 };
  const header = ws.getRow(3);
  [...lead, ...cmp.members.map((m) => m.name), '平均'].forEach((label, i) => {
    const cell = header.getCell(i + 1);
    cell.value = label;
    cell.font = { bold: true };
    cell.fill = solidFill(cmp.members[i - lead.length]?.highlighted ? FILL.highlight : FILL.header);
    cell.border = THIN_BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = 30;
  let r = 4;
  for (const row of cmp.rows) {
    const xr = ws.getRow(r++);
    xr.getCell(1).value = row.grantAbbr;
    xr.getCell(2).value = row.ref;
    xr.getCell(3).value = row.shortTitle;
    xr.getCell(4).value = row.max;
    row.values.forEach((v, i) => {
      const cell = xr.getCell(lead.length + 1 + i);
      cell.value = v;
      cell.numFmt = '0';
    });
    const meanCell = xr.getCell(columns);
    meanCell.value = row.mean;
    meanCell.numFmt = '0.0';
    for (let c = 1; c <= columns; c++) {
      const cell = xr.getCell(c);
      cell.border = THIN_BORDER;
      cell.alignment = { vertical: 'middle', horizontal: c <= 3 ? 'left' : 'right', wrapText: c === 3 };
      const member = cmp.members[c - lead.length - 1];
      if (member?.highlighted) {
        cell.fill = solidFill(FILL.highlight);
        cell.font = { bold: true };
      }
      if (row.isTotal) {
        cell.font = { bold: true };
        if (!member?.highlighted) cell.fill = solidFill(FILL.mean);
      }
    }
  }
  r++;
  ws.getCell(`A${r}`).value = `出典：${input.ranks.source}`;
  ws.getCell(`A${r}`).font = { size: 9 };
  setWidths(ws, [8, 16, 30, 6, ...cmp.members.map(() => 8), 8]);
  ws.views = [{ state: 'frozen', xSplit: lead.length, ySplit: 3, topLeftCell: 'E4', activeCell: 'E4' }];
  finishSheet(ws, { titleRows: '3:3' });
  ws.pageSetup.printTitlesColumn = 'A:D';
}

/** Builds the comparison workbook; returns the .xlsx bytes. */
export async function compareWorkbook(input: CompareWorkbookInput): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kofukin-report';
  wb.title = compareTitle(input.fiscalYear, input.ranks.name);
  mainSheet(wb, input);
  if (input.indicators) indicatorSheet(wb, input, input.indicators);
  return workbookBytes(wb);
}
