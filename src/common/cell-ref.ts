/**
 * Cell addresses as Excel writes them: column letters and `Sheet!E4` places. Shared by the
 * workbook writer, the input layer's readers and the exports.
 */

/** Column letter of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A sheet name as a reference: quoted (`'My sheet'!A1`) when it holds spaces or punctuation. */
export function sheetRef(sheet: string): string {
  return /^[^\s!'"\-+(),;:]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** `推進!E14` */
export function cellPlace(sheet: string, row: number, col: number): string {
  return `${sheetRef(sheet)}!${columnLetter(col)}${row}`;
}

/** `推進!14:14` (a whole row) */
export function rowPlace(sheet: string, row: number): string {
  return `${sheetRef(sheet)}!${row}:${row}`;
}
