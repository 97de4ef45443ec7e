/**
 * The packet's 資料 stamp on documents that are not ours: what a page draws (content-extent.ts),
 * the free place nearest the usual top-right position (free-space.ts), and the merged packet read
 * back with pdftotext -bbox: the stamp never covers the page's text.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pageContentExtent, tokenize, type Rect } from '../../src/agenda/content-extent.ts';
import { CLEARANCE_MM, placeStamp } from '../../src/agenda/free-space.ts';
import { mergePacket } from '../../src/agenda/merge.ts';
import { planPacket } from '../../src/agenda/plan.ts';
import { MM, TILE_PX, tilePosition, tilesFor } from '../../src/agenda/stamps.ts';

const A4 = { width: 595.28, height: 841.89 };
const PAGE: Rect = { x0: 0, y0: 0, x1: A4.width, y1: A4.height };
const STAMP = { width: TILE_PX.width * 0.75, height: TILE_PX.height * 0.75 };
const usual = () => tilePosition('stamp', { x: 0, y: 0, width: A4.width, height: A4.height });
const overlaps = (a: Rect, b: Rect) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** A one-page A4 document drawing `draw` (text in Helvetica). */
async function foreignDoc(draw: (page: ReturnType<PDFDocument['addPage']>, font: Awaited<ReturnType<PDFDocument['embedFont']>>) => void): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([A4.width, A4.height]);
  draw(page, font);
  return PDFDocument.load(await doc.save({ useObjectStreams: false }), { updateMetadata: false });
}

describe('content extent', () => {
  it('tokenizes strings with escapes and nested parentheses, names, arrays and inline dictionaries', () => {
    const t = tokenize(Buffer.from('/P <</MCID 3 /Alt (a >> b)>> BDC [(a\\)b) -120 <414243>] TJ (x(y)z) Tj 1 0 0 1 .5 -2 cm', 'latin1'));
    expect(t).toEqual([
      { name: 'P' },
      { dict: true },
      { op: 'BDC' },
      { value: [{ value: 'a)b' }, { value: -120 }, { value: 'ABC' }] },
      { op: 'TJ' },
      { value: 'x(y)z' },
      { op: 'Tj' },
      { value: 1 }, { value: 0 }, { value: 0 }, { value: 1 }, { value: 0.5 }, { value: -2 },
      { op: 'cm' },
    ]);
  });

  it('finds text, filled and stroked shapes and images, and ignores white backgrounds and clips', async () => {
    const doc = await foreignDoc((page, font) => {
      page.drawRectangle({ x: 0, y: 0, width: A4.width, height: A4.height, color: rgb(1, 1, 1) });
      page.drawText('Heading', { x: 100, y: 780, size: 20, font });
      page.drawRectangle({ x: 300, y: 100, width: 50, height: 40, borderColor: rgb(0, 0, 0), borderWidth: 1 });
    });
    const page = doc.getPage(0);
    const found = pageContentExtent(doc.context, page.node, PAGE);
    expect(found.some((r) => r.x0 === 0 && r.y1 === A4.height)).toBe(false); // the white background
    const heading = found.find((r) => r.y0 > 700)!;
    expect(heading.x0).toBeCloseTo(100, 0);
    expect(heading.y0).toBeLessThan(780);
    expect(heading.y1).toBeGreaterThanOrEqual(800);
    expect(heading.x1 - heading.x0).toBeGreaterThanOrEqual(font7Width(20));
    expect(found.some((r) => r.x0 <= 300 && r.x1 >= 350 && r.y0 <= 100 && r.y1 >= 140)).toBe(true);
  });
});

/** 'Heading' in Helvetica at `size` (an estimate must not be narrower than the real text). */
function font7Width(size: number): number {
  return 0.5 * 7 * size;
}

describe('placeStamp', () => {
  const at = usual();
  it('keeps the usual place when it is free', () => {
    expect(placeStamp([], PAGE, at, STAMP.width, STAMP.height)).toEqual({ at, scale: 1 });
  });

  it('moves left along the top past content in the corner, keeping the gap', () => {
    const corner: Rect = { x0: 480, y0: 790, x1: 580, y1: 835 };
    const p = placeStamp([corner], PAGE, at, STAMP.width, STAMP.height);
    expect(p.scale).toBe(1);
    expect(p.at.y).toBe(at.y);
    expect(p.at.x + STAMP.width + CLEARANCE_MM * MM).toBeLessThanOrEqual(corner.x0 + 1e-6);
  });

  it('goes lower when a banner spans the top, and scales the page when the top is full', () => {
    const banner: Rect = { x0: 0, y0: 815, x1: A4.width, y1: A4.height };
    const lower = placeStamp([banner], PAGE, at, STAMP.width, STAMP.height);
    expect(lower.scale).toBe(1);
    expect(lower.at.y + STAMP.height).toBeLessThanOrEqual(815 - CLEARANCE_MM * MM + 1e-6);
    const full: Rect = { x0: 30, y0: 30, x1: A4.width - 30, y1: A4.height - 5 };
    const scaled = placeStamp([full], PAGE, at, STAMP.width, STAMP.height);
    expect(scaled.at).toEqual(at);
    expect(scaled.scale).toBeLessThan(1);
    expect(scaled.scale).toBeGreaterThan(0.9);
    // the content's top, scaled about the page bottom, ends below the stamp and its gap
    expect(full.y1 * scaled.scale).toBeLessThanOrEqual(at.y - CLEARANCE_MM * MM + 1e-6);
  });
});

/** A tile PDF like the printed ones: one page per tile, the tile text in Helvetica. */
async function tilePdf(texts: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const t of texts) {
    const p = doc.addPage([STAMP.width, STAMP.height]);
    p.drawRectangle({ x: 40, y: 6, width: 72, height: 24, borderColor: rgb(0, 0, 0), borderWidth: 1 });
    p.drawText(t, { x: 48, y: 12, size: 12, font });
  }
  return doc.save();
}

interface Word { text: string; x0: number; y0: number; x1: number; y1: number }

/** Words of page `page` with their boxes in PDF points (origin bottom left), by pdftotext -bbox. */
function wordsOf(pdf: Uint8Array, page: number): Word[] {
  const dir = mkdtempSync(join(tmpdir(), 'kofukin-free-space-'));
  const file = join(dir, 'p.pdf');
  writeFileSync(file, pdf);
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(html)![1]);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5]!,
    x0: Number(m[1]),
    x1: Number(m[3]),
    y0: height - Number(m[4]),
    y1: height - Number(m[2]),
  }));
}

describe('stamping documents that are not ours', () => {
  it('puts the stamp in free space beside a top-right heading, and scales a page whose top is full', async () => {
    const cornerHeading = await foreignDoc((page, font) => {
      page.drawText('CONFIDENTIAL', { x: 430, y: 805, size: 18, font });
      page.drawText('Body text', { x: 72, y: 600, size: 12, font });
    });
    const fullPage = await foreignDoc((page, font) => {
      for (let y = A4.height - 20; y > 40; y -= 14) page.drawText('Line of a page filled from the very top to the bottom edge', { x: 30, y, size: 12, font });
    });
    const cover = await foreignDoc(() => {});
    const plan = planPacket(
      [
        { title: 'A', pages: 1 },
        { title: 'B', pages: 1 },
      ],
      { coverPages: 1, pageNumbers: false },
    );
    const tiles = tilesFor(plan);
    const merged = await mergePacket({
      cover,
      documents: [cornerHeading, fullPage],
      plan,
      tiles: { pdf: await tilePdf(tiles.tiles.map((_, i) => `STAMP${i + 1}`)), placed: tiles.placed },
    });
    expect(merged.stampPlacements).toHaveLength(2);
    const [moved, scaled] = merged.stampPlacements;
    expect(moved!.scale).toBe(1);
    expect(moved!.movedMm.left + moved!.movedMm.down).toBeGreaterThan(0);
    expect(scaled!.scale).toBeLessThan(1);

    for (const [page, stamp] of [[2, 'STAMP1'], [3, 'STAMP2']] as const) {
      const words = wordsOf(merged.pdf, page);
      const s = words.find((w) => w.text === stamp);
      expect(s, `${stamp} on page ${page}`).toBeDefined();
      const others = words.filter((w) => w.text !== stamp);
      expect(others.length).toBeGreaterThan(0);
      for (const w of others) expect(overlaps(s!, w), `${stamp} covers "${w.text}"`).toBe(false);
    }
    // the scaled page keeps all its lines
    const lines = wordsOf(merged.pdf, 3).filter((w) => w.text === 'Line').length;
    expect(lines).toBe(Math.ceil((A4.height - 20 - 40) / 14));
  });
});
