/**
 * A small RFC 4180 CSV parser (the writer is src/output/csv.ts). Fields are separated by commas
 * and records by CRLF (LF
 * and a lone CR are accepted too); a field in double quotes may hold commas, line breaks and
 * doubled quotes (""). A leading UTF-8 BOM is dropped. Syntax errors name the line and the
 * character column.
 */
import { inputMessages } from '../errors/messages.ts';

export interface CsvField {
  text: string;
  /** Line (1-based) where the field starts. */
  line: number;
  /** Field number within its record (1-based). */
  index: number;
  quoted: boolean;
}

export interface CsvRecord {
  /** Line (1-based) where the record starts. */
  line: number;
  fields: CsvField[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly rule: string,
  ) {
    super(`line ${line}, column ${column}: ${rule}`);
    this.name = 'CsvSyntaxError';
  }
}

/** Parses CSV text into records. Throws CsvSyntaxError on an unterminated or misplaced quote. */
export function parseCsv(input: string): CsvRecord[] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const len = text.length;
  const records: CsvRecord[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const column = (at: number) => at - lineStart + 1;
  const newline = (at: number): number => {
    // at points to \r or \n; returns the index after the line break
    const next = text[at] === '\r' && text[at + 1] === '\n' ? at + 2 : at + 1;
    line++;
    lineStart = next;
    return next;
  };

  while (i < len) {
    const record: CsvRecord = { line, fields: [] };
    for (;;) {
      const fieldLine = line;
      const index = record.fields.length + 1;
      if (text[i] === '"') {
        const openLine = line;
        const openColumn = column(i);
        i++;
        let value = '';
        for (;;) {
          if (i >= len) throw new CsvSyntaxError(openLine, openColumn, inputMessages.csvUnclosedQuote());
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\r' || c === '\n') {
            value += '\n';
            i = newline(i);
            continue;
          }
          value += c;
          i++;
        }
        if (i < len && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n')
          throw new CsvSyntaxError(line, column(i), inputMessages.csvTextAfterQuote());
        record.fields.push({ text: value, line: fieldLine, index, quoted: true });
      } else {
        const start = i;
        while (i < len && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
          if (text[i] === '"')
            throw new CsvSyntaxError(line, column(i), inputMessages.csvQuoteInField());
          i++;
        }
        record.fields.push({ text: text.slice(start, i), line: fieldLine, index, quoted: false });
      }
      if (i < len && text[i] === ',') {
        i++;
        continue;
      }
      if (i < len) i = newline(i);
      break;
    }
    records.push(record);
  }
  return records;
}

/** True for a record that is an empty line. */
export function isBlankRecord(r: CsvRecord): boolean {
  return r.fields.length === 1 && !r.fields[0]!.quoted && r.fields[0]!.text === '';
}
