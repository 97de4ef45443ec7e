/**
 * The workbook of `kofukin grants`: sheet 交付見込額 (one row per municipality, the CSV's
 * columns) and sheet 概要 (budgets, totals, how the estimate is made, the rounding, and whether
 * the national figures are made up). Same content, same bytes (fixed document and ZIP dates).
 */
import ExcelJS from 'exceljs';
import { FILL, THIN_BORDER, finishSheet, setWidths, solidFill, workbookBytes } from '../common/xlsx-style.ts';
import { fixZipDates } from '../common/zip.ts';
import { GRANTS } from '../derive/money/estimate.ts';
import { GRANT_LABEL, summaryLines, tableHeader, tableRows, type GrantsJson } from './table.ts';

export const GRANT_SHEETS = { table: '交付見込額', summary: '概要' } as const;

export async function grantsWorkbook(doc: GrantsJson, date: Date): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kofukin-report';
  wb.lastModifiedBy = 'kofukin-report';
  wb.created = date;
  wb.modified = date;
  wb.title = `${doc.fiscalYear}年度 交付見込額の得点比例の試算`;
  wb.subject = doc.fictional ? '架空の全国データによる例示（実在の市町村・配分額ではない）' : '得点比例の試算（激変緩和措置を含まない）';

  const summary = wb.addWorksheet(GRANT_SHEETS.summary);
  summary.addRow([wb.title]).font = { bold: true, size: 12 };
  // the explanation lines wrap across the table's width (A–G) instead of running off the page
  for (const line of summaryLines(doc)) {
    const row = summary.addRow([line]);
    summary.mergeCells(row.number, 1, row.number, 7);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  }
  summary.addRow([]);
  const head = summary.addRow(['交付金', '予算額（円）', '配分額（円）', '未配分（円）', '上限適用（市町村）', '得点×第1号被保険者数の合計', '千円欄の合計（千円）']);
  head.eachCell((c) => {
    c.font = { bold: true };
    c.fill = solidFill(FILL.header);
    c.border = THIN_BORDER;
  });
  for (const g of GRANTS) {
    const s = doc.grants[g];
    const row = summary.addRow([GRANT_LABEL[g].name, s.budgetYen, s.allocatedYen, s.unallocatedYen, s.cappedCount, s.weightSum, s.displayedSenTotal]);
    for (let c = 2; c <= 7; c++) row.getCell(c).numFmt = '#,##0';
    row.eachCell((c) => (c.border = THIN_BORDER));
  }
  setWidths(summary, [30, 18, 18, 14, 16, 24, 18]);
  finishSheet(summary);

  const header = tableHeader();
  const ws = wb.addWorksheet(GRANT_SHEETS.table, { views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }] });
  const h = ws.addRow(header);
  h.eachCell((c) => {
    c.font = { bold: true };
    c.fill = solidFill(FILL.header);
    c.border = THIN_BORDER;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  h.height = 45;
  for (const r of tableRows(doc)) ws.addRow(r);
  ws.getColumn(1).numFmt = '@';
  header.forEach((name, i) => {
    if (/被保険者数|（円|（千円）|得点×/.test(name)) ws.getColumn(i + 1).numFmt = '#,##0';
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  setWidths(ws, header.map((name, i) => (i < 3 ? 12 : name.endsWith('上限適用') || name === '架空' ? 8 : 14)));
  finishSheet(ws, { titleRows: '1:1' });
  return fixZipDates(await workbookBytes(wb), date);
}
