/**
 * Small exceljs styling helpers shared by the comparison table and the fill-in workbook.
 */
import ExcelJS from 'exceljs';
import { displayWidth } from './text-table.ts';

export const FONT_NAME = 'BIZ UDPゴシック';

export const FILL = {
  header: 'FFD9E1F2',
  highlight: 'FFFFF2CC',
  input: 'FFFFFBE6',
  ministry: 'FFEDEDED',
  mean: 'FFF2F2F2',
} as const;

export function solidFill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

export const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** A4 landscape, one page wide, as many pages high as needed, header rows repeated. */
export function a4Landscape(ws: ExcelJS.Worksheet, printTitlesRow?: string): void {
  a4Page(ws, 'landscape', printTitlesRow);
}

/** A4 in the given orientation, one page wide, as many pages high as needed, header rows repeated. */
export function a4Page(ws: ExcelJS.Worksheet, orientation: 'portrait' | 'landscape', printTitlesRow?: string): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(printTitlesRow ? { printTitlesRow } : {}),
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: '&C&P / &N' };
}

/** Applies the workbook font to every used cell of a sheet (keeps bold/size set earlier). */
export function applyFont(ws: ExcelJS.Worksheet): void {
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { name: FONT_NAME, size: 10, ...cell.font };
    }),
  );
}

/** The text a cell shows (rich text joined, a formula's cached result), for measuring. */
function shownText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return '0000-00-00';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (typeof value === 'object' && 'result' in value) return shownText((value.result ?? null) as ExcelJS.CellValue);
  return '';
}

/** Excel's default column width (characters) when a column has none set. */
const DEFAULT_COLUMN_WIDTH = 9;
/** Line height in points per point of font size (BIZ UDPGothic's ascent + descent, with Excel's leading). */
const LINE_HEIGHT_PER_POINT = 1.35;

/**
 * Row heights that fit wrapped text. Excel and LibreOffice do not grow a row for wrapped text on
 * their own when a file is opened, so every row with a wrapping cell gets a height from its
 * longest cell: its paragraphs' display widths (full-width characters count 2) over the column's
 * width, times the line height of the cell's font. Heights set higher (e.g. header rows) stay.
 * Cells merged across columns are measured over the merged width.
 */
export function fitRowHeights(ws: ExcelJS.Worksheet): void {
  const columnWidth = (c: number) => ws.getColumn(c).width ?? DEFAULT_COLUMN_WIDTH;
  ws.eachRow({ includeEmpty: false }, (row) => {
    let needed = 0;
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (!cell.alignment?.wrapText) return;
      if (cell.isMerged && cell.master !== cell) return;
      let width = columnWidth(Number(cell.col));
      if (cell.isMerged) {
        // the master of a horizontal merge: add the widths of the cells it covers in this row
        for (let c = Number(cell.col) + 1; c <= ws.columnCount; c++) {
          const next = row.getCell(c);
          if (!next.isMerged || next.master !== cell) break;
          width += columnWidth(c);
        }
      }
      const size = cell.font?.size ?? 10;
      // A column width counts digits of the default font; a full-width character of a 10-point
      // BIZ UDPGothic takes about 1.5 of them (measured in LibreOffice), a half-width one less
      // than 1 (counted as 1, erring tall). One unit is lost to the cell's margins.
      const perLine = Math.max(1, ((width - 1) * 14) / size);
      const lines = shownText(cell.value)
        .split(/\r?\n/)
        .reduce((n, para) => n + Math.max(1, Math.ceil(displayWidth(para) / perLine)), 0);
      needed = Math.max(needed, lines * size * LINE_HEIGHT_PER_POINT + 4);
    });
    if (needed > 0 && needed > (row.height ?? 0)) row.height = Math.ceil(needed);
  });
}

/**
 * The last step for every sheet we write: the workbook font on every cell, row heights that fit
 * wrapped text, and the print setup (A4, one page wide, header rows repeated on each page).
 */
export function finishSheet(
  ws: ExcelJS.Worksheet,
  print: { orientation?: 'portrait' | 'landscape'; titleRows?: string } = {},
): void {
  applyFont(ws);
  fitRowHeights(ws);
  a4Page(ws, print.orientation ?? 'landscape', print.titleRows);
}

/** Column widths from a list (in characters). */
export function setWidths(ws: ExcelJS.Worksheet, widths: readonly number[]): void {
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/** exceljs returns a Buffer-like ArrayBuffer; normalise to a Uint8Array. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  return buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
}
