/** The RFC 4180 CSV parser (src/input/csv.ts) and writer (src/output/csv.ts). */
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from '../../src/input/csv.ts';
import { formatCsv } from '../../src/output/csv.ts';

const texts = (s: string) => parseCsv(s).map((r) => r.fields.map((f) => f.text));

describe('parseCsv', () => {
  it('reads CRLF and LF records, with or without a final line break', () => {
    expect(texts('a,b\r\n1,2\r\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(texts('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(texts('a,b\r1,2\r')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('drops a UTF-8 BOM', () => {
    expect(texts('\uFEFFcode,name\r\n011002,札幌市\r\n')).toEqual([['code', 'name'], ['011002', '札幌市']]);
  });

  it('quoted fields hold commas, doubled quotes and line breaks; lines are counted across them', () => {
    const recs = parseCsv('name,note\r\n"A, B","say ""hi"""\r\n"two\r\nlines",x\r\nlast,y\r\n');
    expect(recs.map((r) => r.fields.map((f) => f.text))).toEqual([
      ['name', 'note'],
      ['A, B', 'say "hi"'],
      ['two\nlines', 'x'],
      ['last', 'y'],
    ]);
    expect(recs.map((r) => r.line)).toEqual([1, 2, 3, 5]);
    expect(recs[2]!.fields[1]!.line).toBe(4);
  });

  it('keeps empty fields, also at the end of a record', () => {
    expect(texts('a,,c,\r\n,,,\r\n')).toEqual([['a', '', 'c', ''], ['', '', '', '']]);
    expect(texts('a,')).toEqual([['a', '']]);
  });

  it('reports an unterminated quote and stray quotes with line and column', () => {
    const err = (s: string) => {
      try {
        parseCsv(s);
      } catch (e) {
        return e as CsvSyntaxError;
      }
      throw new Error('no error');
    };
    expect(err('a,b\r\n1,"open\r\n2,3\r\n')).toMatchObject({ line: 2, column: 3 });
    expect(err('a,b\r\n1,x"y\r\n')).toMatchObject({ line: 2, column: 4 });
    expect(err('a,b\r\n1,"x"y\r\n')).toMatchObject({ line: 2, column: 6 });
  });
});

describe('formatCsv', () => {
  it('quotes only what needs quoting and round-trips', () => {
    const rows = [['code', 'name', 'note'], ['011002', '札幌市', 'a, "b"\nc'], [1, true, ' x']];
    const text = formatCsv(rows, { bom: true });
    expect(text.startsWith('\uFEFFcode,name,note\r\n011002,札幌市,"a, ""b""\nc"\r\n')).toBe(true);
    expect(texts(text)).toEqual(rows.map((r) => r.map(String)));
  });
});
