/**
 * A tiny, independent .xlsx reader for tests (no exceljs): a ZIP reader on node:zlib and
 * regular-expression parsing of the few SpreadsheetML parts the tests look at (workbook, shared
 * strings, sheet cells, styles). Enough to check what a spreadsheet program would see.
 */
import { inflateRawSync } from 'node:zlib';

/** Entries of a ZIP archive by name (stored and deflated entries). */
export function readZip(bytes: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new Error('not a zip file: no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry at ${p}`);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    p += 46 + nameLen + extraLen + commentLen;
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + compressed);
    if (method === 0) out.set(name, Buffer.from(data));
    else if (method === 8) out.set(name, inflateRawSync(data));
    else throw new Error(`unsupported compression method ${method} for ${name}`);
  }
  return out;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]!) : undefined;
};

/** Text of all <t> elements inside an XML fragment (shared strings may be rich text runs). */
const texts = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => decode(m[1]!)).join('');

export interface XlsxCell {
  value: string | number | boolean | null;
  /** Index into the cellXfs of styles.xml. */
  style: number;
}

export interface XlsxSheet {
  name: string;
  xml: string;
  cells: Map<string, XlsxCell>;
}

export interface XlsxStyle {
  bold: boolean;
  /** ARGB of a solid fill, if any. */
  fill: string | null;
  numFmt: string;
}

export interface Xlsx {
  parts: Map<string, Buffer>;
  sheets: XlsxSheet[];
  workbookXml: string;
  style(index: number): XlsxStyle;
}

const BUILTIN_FORMATS: Record<number, string> = { 0: 'General', 1: '0', 2: '0.00', 9: '0%', 10: '0.00%', 49: '@' };

export function readXlsx(bytes: Uint8Array): Xlsx {
  const parts = readZip(bytes);
  const text = (name: string) => parts.get(name)?.toString('utf8') ?? '';
  const workbookXml = text('xl/workbook.xml');
  const rels = new Map(
    [...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], 'Id')!, attr(m[0], 'Target')!]),
  );
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]!));
  const sheets = [...workbookXml.matchAll(/<sheet\b[^>]*\/?>/g)].map((m) => {
    const name = attr(m[0], 'name')!;
    const target = rels.get(attr(m[0], 'r:id')!)!.replace(/^\/?(xl\/)?/, '');
    const xml = text(`xl/${target}`);
    const cells = new Map<string, XlsxCell>();
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const tag = `<c${c[1]}>`;
      const ref = attr(tag, 'r')!;
      const type = attr(tag, 't');
      const style = Number(attr(tag, 's') ?? 0);
      const body = c[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value: XlsxCell['value'] = null;
      if (type === 's') value = shared[Number(v)] ?? null;
      else if (type === 'inlineStr') value = texts(body);
      else if (type === 'str') value = v === undefined ? null : decode(v);
      else if (type === 'b') value = v === '1';
      else if (v !== undefined) value = Number(v);
      cells.set(ref, { value, style });
    }
    return { name, xml, cells };
  });
  const styles = text('xl/styles.xml');
  const section = (tag: string) => new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(styles)?.[1] ?? '';
  const numFmts = new Map(
    [...section('numFmts').matchAll(/<numFmt\b[^>]*\/>/g)].map((m) => [Number(attr(m[0], 'numFmtId')), attr(m[0], 'formatCode')!]),
  );
  const fonts = [...section('fonts').matchAll(/<font\b[^>]*>([\s\S]*?)<\/font>|<font\b[^>]*\/>/g)].map((m) => /<b\s*\/>|<b\s+val="(1|true)"/.test(m[1] ?? ''));
  const fills = [...section('fills').matchAll(/<fill>([\s\S]*?)<\/fill>/g)].map((m) => {
    if (!/patternType="solid"/.test(m[1]!)) return null;
    return /<fgColor\b[^>]*rgb="([0-9A-Fa-f]+)"/.exec(m[1]!)?.[1] ?? null;
  });
  const xfs = [...section('cellXfs').matchAll(/<xf\b[^>]*>/g)].map((m) => ({
    font: Number(attr(m[0], 'fontId') ?? 0),
    fill: Number(attr(m[0], 'fillId') ?? 0),
    numFmt: Number(attr(m[0], 'numFmtId') ?? 0),
  }));
  return {
    parts,
    sheets,
    workbookXml,
    style(index) {
      const xf = xfs[index] ?? { font: 0, fill: 0, numFmt: 0 };
      return {
        bold: fonts[xf.font] ?? false,
        fill: fills[xf.fill] ?? null,
        numFmt: numFmts.get(xf.numFmt) ?? BUILTIN_FORMATS[xf.numFmt] ?? `#${xf.numFmt}`,
      };
    },
  };
}

/** Cell reference from 1-based column and row: (3, 5) → C5. */
export function ref(col: number, row: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row}`;
}
