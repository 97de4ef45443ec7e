/**
 * Small exceljs styling helpers shared by the comparison table and the fill-in workbook.
 */
import ExcelJS from 'exceljs';

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
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
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

/** Column widths from a list (in characters). */
export function setWidths(ws: ExcelJS.Worksheet, widths: readonly number[]): void {
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/** exceljs returns a Buffer-like ArrayBuffer; normalise to a Uint8Array. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  return buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
}
