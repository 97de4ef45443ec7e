/**
 * The one CSV writer of every CSV output (RFC 4180): fields separated by commas, records ended by
 * CRLF, a field quoted when it holds a comma, double quote, line break or leading/trailing space,
 * optionally a UTF-8 BOM so Excel picks the encoding.
 *
 * Text is neutralised against CSV injection (OWASP): a text cell starting with `=`, `+`, `-`, `@`,
 * a tab or a carriage return would be run as a formula by a spreadsheet, so it gets a leading `'`.
 * Numbers are written as numbers: a `number` value as is, and a number already formatted for
 * display ("+3.2", "69.3%") as a CsvNumber, whose text must look like a number. A string that
 * happens to look like a number ("-12") is text and is neutralised like any other.
 */

/** A number formatted for display, written as its text: "+3.2", "-0.5", "69.3%", "1,234" is not one. */
export class CsvNumber {
  constructor(
    readonly value: number,
    readonly text: string,
  ) {
    if (!NUMBER_TEXT.test(text)) throw new Error(`CsvNumber: "${text}" is not a plain number`);
  }
}

export type CsvCell = string | number | boolean | null | undefined | CsvNumber;

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text with a leading `'` when a spreadsheet would read it as a formula. */
export function neutraliseCsvText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cellText(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof CsvNumber) return value.text;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return neutraliseCsvText(value);
}

/** One CSV field: neutralised text, quoted when it holds a comma, quote, line break or leading/trailing space. */
export function csvField(value: CsvCell): string {
  const s = cellText(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text (CRLF after every record, as RFC 4180 has them), optionally with a UTF-8 BOM for Excel. */
export function formatCsv(rows: ReadonlyArray<ReadonlyArray<CsvCell>>, opts: { bom?: boolean } = {}): string {
  return (opts.bom ? '\uFEFF' : '') + rows.map((r) => r.map(csvField).join(',') + '\r\n').join('');
}
