/**
 * Document properties and byte-for-byte stable output. The docx package stamps
 * docProps/core.xml with the current time, has no language property, and draws the embedded
 * font's obfuscation key from Math.random; so the core properties part is written here from the
 * view model's metadata (with the report date, or SOURCE_DATE_EPOCH as the PDF does), and the
 * document is constructed with a seeded Math.random.
 */
import { mulberry32 } from '../common/random.ts';
import { createHash } from 'node:crypto';
import type { ReportView } from '../view/report-view.ts';

export const DOCUMENT_LANGUAGE = 'ja-JP';

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** W3CDTF without milliseconds, as Word writes it. */
const w3cdtf = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The OPC core properties part (docProps/core.xml): title, author, subject, keywords, language
 * and the document date as created and modified. Every value is escaped.
 */
export function corePropertiesXml(meta: ReportView['meta'], date: Date): string {
  const el = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    el('dc:title', meta.title) +
    el('dc:subject', meta.subject) +
    el('dc:creator', meta.author) +
    el('cp:keywords', meta.keywords.join(', ')) +
    el('dc:language', DOCUMENT_LANGUAGE) +
    el('cp:lastModifiedBy', meta.author) +
    el('cp:revision', '1') +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${w3cdtf(date)}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${w3cdtf(date)}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** A generator seeded from a text (the first 32 bits of its SHA-256). */
function seededRandom(seed: string): () => number {
  return mulberry32(createHash('sha256').update(seed).digest().readUInt32LE(0));
}

/**
 * Runs `build` (synchronous: nothing else runs meanwhile) with Math.random seeded from `seed`,
 * so the ids the docx package draws at construction (the embedded font's obfuscation key)
 * repeat. The values stay below 10/16, so the key's hex digits are all decimal digits: the
 * package writes the key in lower case, and LibreOffice reads the key's letters only in upper
 * case (it would de-obfuscate the font wrongly and drop it); digits read the same in both.
 */
export function withSeededRandom<T>(seed: string, build: () => T): T {
  const original = Math.random;
  const next = seededRandom(seed);
  Math.random = () => next() * (10 / 16);
  try {
    return build();
  } finally {
    Math.random = original;
  }
}
