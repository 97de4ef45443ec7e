/**
 * CSV writing (RFC 4180, CRLF line ends). The parser is the input layer's (src/input/csv.ts),
 * re-exported here for existing importers.
 */
export { CsvSyntaxError, isBlankRecord, parseCsv, type CsvField, type CsvRecord } from '../input/csv.ts';

/** One CSV field: quoted when it holds a comma, quote, line break or leading/trailing space. */
export function csvField(value: string | number | boolean): string {
  const s = String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text (CRLF line ends, as RFC 4180 has them), optionally with a UTF-8 BOM for Excel. */
export function formatCsv(rows: ReadonlyArray<ReadonlyArray<string | number | boolean>>, opts: { bom?: boolean } = {}): string {
  return (opts.bom ? '\uFEFF' : '') + rows.map((r) => r.map(csvField).join(',') + '\r\n').join('');
}
