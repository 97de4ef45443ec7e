/**
 * Low-level sfnt (TrueType) table reading and writing.
 *
 * fontkit's `createSubset()` writes only the tables a PDF needs (head, hhea, loca, maxp, cvt,
 * prep, glyf, hmtx, fpgm). A browser rejects such a file (its font sanitizer requires cmap,
 * name, OS/2 and post), and without a cmap no program can map characters to glyphs. This
 * module adds those tables back: a cmap built from the subset's own character → glyph map,
 * and name, OS/2 and post taken from the original font.
 */

/** Reads the table directory of an sfnt file: tag → table bytes (copies, unpadded). */
export function readTables(font: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(font.buffer, font.byteOffset, font.byteLength);
  const version = buf.readUInt32BE(0);
  if (version !== 0x00010000 && version !== 0x74727565 /* 'true' */) {
    throw new Error(`not a TrueType font (sfnt version 0x${version.toString(16)})`);
  }
  const numTables = buf.readUInt16BE(4);
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    const tag = buf.toString('latin1', rec, rec + 4);
    const offset = buf.readUInt32BE(rec + 8);
    const length = buf.readUInt32BE(rec + 12);
    if (offset + length > buf.length) throw new Error(`table ${tag} runs past the end of the font`);
    tables.set(tag, Buffer.from(buf.subarray(offset, offset + length)));
  }
  return tables;
}

function checksum(data: Buffer): number {
  let sum = 0;
  const whole = data.length - (data.length % 4);
  for (let i = 0; i < whole; i += 4) sum = (sum + data.readUInt32BE(i)) >>> 0;
  if (whole < data.length) {
    const tail = Buffer.alloc(4);
    data.copy(tail, 0, whole);
    sum = (sum + tail.readUInt32BE(0)) >>> 0;
  }
  return sum;
}

function log2floor(n: number): number {
  return n > 0 ? Math.floor(Math.log2(n)) : 0;
}

/**
 * Writes an sfnt file from its tables: directory sorted by tag, tables 4-byte aligned, table
 * checksums and head.checkSumAdjustment computed. The output depends only on the input bytes.
 */
export function writeSfnt(input: Map<string, Buffer>): Buffer {
  const tags = [...input.keys()].sort();
  const tables = new Map<string, Buffer>();
  for (const tag of tags) tables.set(tag, Buffer.from(input.get(tag)!));
  const head = tables.get('head');
  if (head) head.writeUInt32BE(0, 8); // checkSumAdjustment is computed last

  const n = tags.length;
  const headerSize = 12 + 16 * n;
  let size = headerSize;
  for (const tag of tags) size += (tables.get(tag)!.length + 3) & ~3;
  const out = Buffer.alloc(size);

  const searchRange = 16 * 2 ** log2floor(n);
  out.writeUInt32BE(0x00010000, 0);
  out.writeUInt16BE(n, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(log2floor(n), 8);
  out.writeUInt16BE(n * 16 - searchRange, 10);

  let offset = headerSize;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const rec = 12 + i * 16;
    out.write(tag, rec, 4, 'latin1');
    out.writeUInt32BE(checksum(data), rec + 4);
    out.writeUInt32BE(offset, rec + 8);
    out.writeUInt32BE(data.length, rec + 12);
    data.copy(out, offset);
    offset += (data.length + 3) & ~3;
  });

  const headOffset = head ? out.readUInt32BE(12 + tags.indexOf('head') * 16 + 8) : -1;
  if (headOffset >= 0) out.writeUInt32BE((0xb1b0afba - checksum(out)) >>> 0, headOffset + 8);
  return out;
}

interface Run {
  start: number;
  end: number;
  glyph: number;
}

/** Runs of consecutive code points mapped to consecutive glyph ids. */
function runs(map: ReadonlyMap<number, number>, filter: (cp: number) => boolean): Run[] {
  const cps = [...map.keys()].filter(filter).sort((a, b) => a - b);
  const out: Run[] = [];
  for (const cp of cps) {
    const glyph = map.get(cp)!;
    const last = out[out.length - 1];
    if (last && cp === last.end + 1 && glyph === last.glyph + (cp - last.start)) last.end = cp;
    else out.push({ start: cp, end: cp, glyph });
  }
  return out;
}

function cmapFormat4(map: ReadonlyMap<number, number>): Buffer | undefined {
  const segs = runs(map, (cp) => cp < 0xffff);
  segs.push({ start: 0xffff, end: 0xffff, glyph: 0 });
  const segCount = segs.length;
  const length = 16 + 8 * segCount;
  if (length > 0xffff) return undefined; // too many segments: format 12 alone carries the map
  const b = Buffer.alloc(length);
  const searchRange = 2 * 2 ** log2floor(segCount);
  b.writeUInt16BE(4, 0);
  b.writeUInt16BE(length, 2);
  b.writeUInt16BE(0, 4); // language
  b.writeUInt16BE(segCount * 2, 6);
  b.writeUInt16BE(searchRange, 8);
  b.writeUInt16BE(log2floor(segCount), 10);
  b.writeUInt16BE(segCount * 2 - searchRange, 12);
  const endAt = 14;
  const startAt = endAt + segCount * 2 + 2; // + reservedPad
  const deltaAt = startAt + segCount * 2;
  const rangeAt = deltaAt + segCount * 2;
  segs.forEach((s, i) => {
    b.writeUInt16BE(s.end, endAt + i * 2);
    b.writeUInt16BE(s.start, startAt + i * 2);
    // The last segment (0xFFFF) maps to glyph 0: delta 1 wraps 0xFFFF + 1 to 0.
    const delta = s.start === 0xffff ? 1 : (s.glyph - s.start) & 0xffff;
    b.writeUInt16BE(delta, deltaAt + i * 2);
    b.writeUInt16BE(0, rangeAt + i * 2);
  });
  return b;
}

function cmapFormat12(map: ReadonlyMap<number, number>): Buffer {
  const groups = runs(map, () => true);
  const b = Buffer.alloc(16 + 12 * groups.length);
  b.writeUInt16BE(12, 0);
  b.writeUInt16BE(0, 2);
  b.writeUInt32BE(b.length, 4);
  b.writeUInt32BE(0, 8); // language
  b.writeUInt32BE(groups.length, 12);
  groups.forEach((g, i) => {
    b.writeUInt32BE(g.start, 16 + i * 12);
    b.writeUInt32BE(g.end, 20 + i * 12);
    b.writeUInt32BE(g.glyph, 24 + i * 12);
  });
  return b;
}

/**
 * A cmap table for a code point → glyph id map: a Windows Unicode BMP subtable (format 4),
 * plus a full-repertoire subtable (format 12) when a code point is outside the BMP or the
 * BMP subtable would be too large.
 */
export function buildCmap(map: ReadonlyMap<number, number>): Buffer {
  const subtables: { platform: number; encoding: number; data: Buffer }[] = [];
  const f4 = cmapFormat4(map);
  if (f4) subtables.push({ platform: 3, encoding: 1, data: f4 });
  const needs12 = !f4 || [...map.keys()].some((cp) => cp > 0xffff);
  if (needs12) subtables.push({ platform: 3, encoding: 10, data: cmapFormat12(map) });

  const header = Buffer.alloc(4 + 8 * subtables.length);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(subtables.length, 2);
  let offset = header.length;
  subtables.forEach((s, i) => {
    header.writeUInt16BE(s.platform, 4 + i * 8);
    header.writeUInt16BE(s.encoding, 6 + i * 8);
    header.writeUInt32BE(offset, 8 + i * 8);
    offset += s.data.length;
  });
  return Buffer.concat([header, ...subtables.map((s) => s.data)]);
}

/** A version 3.0 post table (no glyph names) with the metrics of the original post table. */
export function postV3(original: Buffer): Buffer {
  const b = Buffer.alloc(32);
  original.copy(b, 0, 0, Math.min(32, original.length));
  b.writeUInt32BE(0x00030000, 0);
  return b;
}

/** The original OS/2 table with usFirstCharIndex / usLastCharIndex fitted to the subset. */
export function os2ForSubset(original: Buffer, codePoints: readonly number[]): Buffer {
  const b = Buffer.from(original);
  if (b.length >= 68 && codePoints.length > 0) {
    const first = codePoints.reduce((a, c) => Math.min(a, c), Infinity);
    const last = codePoints.reduce((a, c) => Math.max(a, c), 0);
    b.writeUInt16BE(Math.min(0xffff, first), 64);
    b.writeUInt16BE(Math.min(0xffff, last), 66);
  }
  return b;
}
