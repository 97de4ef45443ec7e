/**
 * One table reader for every CSV or .xlsx table the user gives (national results, raw values,
 * needs): a header and rows of cells, each cell with its place — `line 5, column 7
 * (suishin.I.i.3)` in a CSV file, `市町村別得点!G5` in a workbook. What the columns mean is the
 * caller's business; this module only turns bytes into located cells.
 */
import { extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { InputError } from '../errors/errors.ts';
import { inputMessages, placeMessages } from '../errors/messages.ts';
import { cellPlace, rowPlace } from '../common/cell-ref.ts';
import { CsvSyntaxError, isBlankRecord, parseCsv } from './csv.ts';
import { textCell, xlsxCell, type CellValue, type RawCell } from './cells.ts';
import { readUserFile } from './file.ts';
import { decodeUserText } from './text.ts';
import { isZip, workbookFromBytes } from './xlsx.ts';

export type { CellValue, RawCell } from './cells.ts';

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

function fail(file: string, rule: string): never {
  throw new InputError([{ location: { file }, rule, severity: 'error' }]);
}

/** A CSV text as a raw table; a syntax error becomes a located problem. */
export function csvTable(text: string, file: string): RawTable {
  let records;
  try {
    records = parseCsv(text).filter((r) => !isBlankRecord(r));
  } catch (err) {
    if (err instanceof CsvSyntaxError)
      throw new InputError([{ location: { file, place: placeMessages.lineColumn(err.line, err.column) }, rule: err.rule, severity: 'error' }]);
    throw err;
  }
  const head = records[0];
  if (!head) fail(file, inputMessages.noHeaderRow());
  const names = head.fields.map((f) => f.text.trim());
  const named = (line: number, column: number) => {
    const place = placeMessages.lineColumn(line, column);
    return names[column - 1] ? placeMessages.withNote(place, names[column - 1]!) : place;
  };
  const rows: RawRow[] = [];
  const lineOf = new Map<RawRow, number>();
  for (let r = 1; r < records.length; r++) {
    const rec = records[r]!;
    const row: RawRow = {
      place: placeMessages.line(rec.line),
      fieldCount: rec.fields.length,
      cells: rec.fields.map((f) => ({ value: textCell(f.text), place: named(f.line, f.index) })),
    };
    lineOf.set(row, rec.line);
    rows.push(row);
  }
  return {
    format: 'csv',
    headerPlace: placeMessages.line(head.line),
    header: head.fields.map((f) => ({ value: textCell(f.text), place: placeMessages.lineColumn(f.line, f.index) })),
    rows,
    cellPlace: (row, column) => named(lineOf.get(row) ?? head.line, column),
  };
}

/** A worksheet as a raw table (row 1 is the header); blank rows are skipped. */
export function worksheetTable(ws: ExcelJS.Worksheet): RawTable {
  const headerRow = ws.getRow(1);
  let width = 0;
  for (let c = 1; c <= Math.max(headerRow.cellCount, ws.columnCount); c++) if (xlsxCell(headerRow.getCell(c).value).kind !== 'empty') width = c;
  const usedWidth = Math.max(width, ws.columnCount);
  const cellsOf = (row: ExcelJS.Row, r: number): RawCell[] => {
    const cells: RawCell[] = [];
    for (let c = 1; c <= usedWidth; c++) cells.push({ value: xlsxCell(row.getCell(c).value), place: cellPlace(ws.name, r, c) });
    return cells;
  };
  const rows: RawRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const cells = cellsOf(ws.getRow(r), r);
    if (cells.every((c) => c.value.kind === 'empty')) continue;
    rows.push({ place: rowPlace(ws.name, r), cells });
  }
  return {
    format: 'xlsx',
    headerPlace: rowPlace(ws.name, 1),
    header: cellsOf(headerRow, 1),
    rows,
    cellPlace: (row, column) => row.cells[column - 1]?.place ?? row.place,
  };
}

/** The raw table of a file's bytes: the first sheet for .xlsx (or a ZIP signature), otherwise CSV. */
export async function rawTableOf(bytes: Uint8Array, file: string): Promise<RawTable> {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx' || (ext !== '.csv' && isZip(bytes))) {
    const wb = await workbookFromBytes(bytes, file);
    const ws = wb.worksheets[0];
    if (!ws) fail(file, inputMessages.noSheet());
    return worksheetTable(ws);
  }
  return csvTable(decodeUserText(bytes, file, { shiftJis: true, format: 'CSV' }).text, file);
}

/** Reads a user's table file (CSV, or .xlsx by extension or signature). */
export async function readUserTable(file: string): Promise<RawTable> {
  const ext = extname(file).toLowerCase();
  return rawTableOf(readUserFile(file, ext === '.xlsx' ? 'xlsx' : 'csv'), file);
}

/** Reads a user's CSV file (UTF-8, or Shift_JIS as Japanese Excel saves it). */
export function readUserCsvTable(file: string): RawTable {
  return csvTable(decodeUserText(readUserFile(file, 'csv'), file, { shiftJis: true, format: 'CSV' }).text, file);
}
