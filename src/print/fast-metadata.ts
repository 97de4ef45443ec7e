/**
 * The metadata pass of metadata.ts without parsing the whole file: Chromium writes a classic
 * PDF (one xref table, no object streams, /Lang and /Title already set), so the Info dictionary
 * can be replaced as text and the xref offsets shifted, the timing-dependent structure ids
 * ("node00000109") renamed in place to ones of the same length, and the /ID set from the
 * content. A few milliseconds instead of a full pdf-lib load and save; when the file is not
 * laid out as expected, the caller falls back to pdf-lib.
 */
import { createHash } from 'node:crypto';

export interface FastInfo {
  title: string;
  author: string;
  subject?: string;
  keywords?: readonly string[];
  creator: string;
  producer?: string;
  date: Date;
  /** More Info entries (key without the slash → text), written after the standard ones. */
  extra?: Readonly<Record<string, string>>;
}

/** PDF text string: literal when plain ASCII, else UTF-16BE hex with a byte-order mark. */
function pdfString(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s)) return `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/** D:YYYYMMDDHHmmSSZ in UTC (pdf-lib's form, so both paths print the same dates). */
export function pdfDate(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `D:${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

/**
 * Returns the rewritten file, or null when the file is not in the expected form (then use the
 * pdf-lib path).
 */
export function fastPdfMetadata(input: Uint8Array, info: FastInfo & { language: string }): Buffer | null {
  const text = Buffer.from(input).toString('latin1');
  if (!text.includes(`/Lang (${info.language})`)) return null;
  const startxrefAt = text.lastIndexOf('startxref');
  const trailerAt = text.lastIndexOf('trailer');
  const xrefAt = text.lastIndexOf('\nxref\n');
  if (startxrefAt < 0 || trailerAt < 0 || xrefAt < 0 || !(xrefAt < trailerAt && trailerAt < startxrefAt)) return null;
  if (text.indexOf('\nxref\n') !== xrefAt || text.includes('/ObjStm')) return null; // one section, no object streams
  const trailer = text.slice(trailerAt, startxrefAt);
  const infoRef = /\/Info (\d+) 0 R/.exec(trailer);
  const rootRef = /\/Root (\d+) 0 R/.exec(trailer);
  if (!infoRef || !rootRef || /\/ID\s*\[|\/Prev\s/.test(trailer)) return null;
  const infoNum = Number(infoRef[1]);

  // the xref table: "xref\n0 N\n" then N entries of 20 bytes
  const head = /^\nxref\n0 (\d+)\n/.exec(text.slice(xrefAt, xrefAt + 40));
  if (!head) return null;
  const count = Number(head[1]);
  const entriesAt = xrefAt + head[0].length;
  const offsets: number[] = [];
  for (let i = 0; i < count; i++) {
    const e = text.slice(entriesAt + i * 20, entriesAt + i * 20 + 20);
    if (!/^\d{10} \d{5} [nf](\r\n| \n| \r)$/.test(e)) return null;
    offsets.push(e[17] === 'n' ? Number(e.slice(0, 10)) : -1);
  }
  const infoStart = offsets[infoNum];
  if (infoStart === undefined || infoStart < 0 || !text.startsWith(`${infoNum} 0 obj`, infoStart)) return null;
  const infoEnd = text.indexOf('endobj', infoStart);
  if (infoEnd < 0) return null;
  const oldInfo = text.slice(infoStart, infoEnd);
  const producer = info.producer ?? (/\/Producer \(([^)]*)\)/.exec(oldInfo)?.[1] ?? 'Chromium') + '; kofukin-report';
  const date = pdfDate(info.date);
  const fields = [
    `/Title ${pdfString(info.title)}`,
    `/Author ${pdfString(info.author)}`,
    info.subject !== undefined ? `/Subject ${pdfString(info.subject)}` : '',
    info.keywords !== undefined ? `/Keywords ${pdfString(info.keywords.join(' '))}` : '',
    `/Creator ${pdfString(info.creator)}`,
    `/Producer ${pdfString(producer)}`,
    `/CreationDate (${date})`,
    `/ModDate (${date})`,
    ...Object.entries(info.extra ?? {}).map(([k, v]) => `/${k} ${pdfString(v)}`),
  ].filter(Boolean);
  const newInfo = `${infoNum} 0 obj\n<<${fields.join('\n')}>>\n`;
  const delta = Buffer.byteLength(newInfo, 'latin1') - Buffer.byteLength(oldInfo, 'latin1');

  // the body with the new Info object, structure ids renamed in place (same length)
  let body = text.slice(0, infoStart) + newInfo + text.slice(infoEnd, xrefAt);
  const canonical = canonicalStructureIds(body);
  if (canonical === null) return null;
  body = canonical;
  const xref =
    `\nxref\n0 ${count}\n` +
    offsets
      .map((o, i) =>
        o < 0
          ? text.slice(entriesAt + i * 20, entriesAt + i * 20 + 20)
          : `${String(o > infoStart ? o + delta : o).padStart(10, '0')} 00000 n \n`,
      )
      .join('');
  const placeholder = '0'.repeat(32);
  const newTrailer = (id: string) =>
    `trailer\n<</Size ${count}\n/Root ${rootRef[1]} 0 R\n/Info ${infoNum} 0 R\n/ID [<${id}> <${id}>]>>\nstartxref\n${xrefAt + delta + 1}\n%%EOF\n`;
  const withPlaceholder = body + xref + newTrailer(placeholder);
  const id = createHash('sha256').update(withPlaceholder, 'latin1').digest('hex').slice(0, 32).toUpperCase();
  return Buffer.from(body + xref + newTrailer(id), 'latin1');
}

/**
 * Renames the structure ids ("node00000109", from a timing-dependent DOM counter) to
 * node00000001… in the order their elements appear in the file, and re-sorts the /IDTree leaves
 * to match. Every rewrite keeps lengths, so no offset moves. Null when the id tree is not the
 * one-level tree Chromium writes.
 */
export function canonicalStructureIds(body: string): string | null {
  const order = [...body.matchAll(/\/ID \((node\d{8})\)/g)].map((m) => m[1]!);
  if (order.length === 0) return body;
  const rename = new Map<string, string>();
  for (const id of order) if (!rename.has(id)) rename.set(id, `node${String(rename.size + 1).padStart(8, '0')}`);
  let out = body.replace(/\((node\d{8})\)/g, (whole, id: string) => (rename.has(id) ? `(${rename.get(id)!})` : whole));

  const rootRef = /\/IDTree (\d+) 0 R/.exec(out);
  if (!rootRef) return null;
  const root = new RegExp(`\\n${rootRef[1]} 0 obj\\n<</Kids \\[([\\d R]+)\\]>>\\nendobj`).exec(out);
  if (!root) return null;
  const leafNums = [...root[1]!.matchAll(/(\d+) 0 R/g)].map((m) => m[1]!);
  interface Leaf { start: number; end: number; pairs: Array<[string, string]> }
  const leaves: Leaf[] = [];
  for (const num of leafNums) {
    const re = new RegExp(`\\n${num} 0 obj\\n<</Limits \\[\\(node\\d{8}\\) \\(node\\d{8}\\)\\]\\n/Names \\[([^\\]]*)\\]>>\\nendobj`, 'g');
    const m = re.exec(out);
    if (!m) return null;
    const pairs = [...m[1]!.matchAll(/\((node\d{8})\) (\d+ \d+ R)/g)].map((p) => [p[1]!, p[2]!] as [string, string]);
    if (pairs.map(([k, v]) => `(${k}) ${v}`).join(' ') !== m[1]) return null;
    leaves.push({ start: m.index, end: m.index + m[0].length, pairs });
  }
  const all = leaves.flatMap((l) => l.pairs).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let at = 0;
  for (const leaf of leaves) {
    const mine = all.slice(at, at + leaf.pairs.length);
    at += leaf.pairs.length;
    const num = /\n(\d+) 0 obj/.exec(out.slice(leaf.start, leaf.end))![1];
    const text =
      `\n${num} 0 obj\n<</Limits [(${mine[0]![0]}) (${mine[mine.length - 1]![0]})]\n/Names [` +
      mine.map(([k, v]) => `(${k}) ${v}`).join(' ') +
      ']>>\nendobj';
    if (text.length !== leaf.end - leaf.start) return null;
    out = out.slice(0, leaf.start) + text + out.slice(leaf.end);
  }
  return out;
}
