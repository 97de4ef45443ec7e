/**
 * What the packet draws over document pages: the boxed "資料N" stamp (top right, in the top
 * margin) and the continuous "- n -" page number (bottom centre, on a white box hiding the page's
 * own number). Each mark is printed by Chromium as a small page of its own ("tile") in the report
 * font, and merge.ts places the tiles on the pages as Form XObjects: the glyphs stay real,
 * embedded, extractable text.
 */
import type { Page } from 'puppeteer-core';
import type { BrowserSession } from '../print/browser.ts';
import { guardRequests } from '../print/guard.ts';
import { fontFaceCss, REPORT_FONT_FAMILY } from '../fonts/font.ts';
import type { PacketPlan } from './plan.ts';

export const MM = 72 / 25.4;

/**
 * Size of every tile, in CSS pixels (1 px = 0.75 pt): whole pixels, so Chromium paints each tile
 * in one piece (fractional page heights split boxes at the page edge). 152 × 48 px = 114 × 36 pt
 * ≈ 40.2 × 12.7 mm.
 */
export const TILE_PX = { width: 152, height: 48 } as const;
const PT_PER_PX = 0.75;

/** Where tiles go, measured from the page box edges (mm). */
export const PLACEMENT_MM = {
  /** Stamp: right edge on the report's right margin (16 mm), spanning 1–13.7 mm from the top. */
  stampRight: 16,
  stampTop: 1,
  /** Page number: centred, spanning 2–14.7 mm from the bottom (the report's footer is in the 18 mm bottom margin). */
  numberBottom: 2,
} as const;

export type TileKind = 'stamp' | 'number';

export interface Tile {
  kind: TileKind;
  text: string;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A printed tile (index into the printed tiles) to draw on a packet page (0-based). */
export interface PlacedTile {
  pageIndex: number;
  kind: TileKind;
  tile: number;
}

/** The tiles a plan needs (stamps, then page numbers) and where each goes. */
export function tilesFor(plan: PacketPlan): { tiles: Tile[]; placed: PlacedTile[] } {
  const tiles: Tile[] = [];
  const placed: PlacedTile[] = [];
  for (const [kind, marks] of [
    ['stamp', plan.stamps],
    ['number', plan.pageNumbers],
  ] as const) {
    for (const m of marks) {
      placed.push({ pageIndex: m.pageIndex, kind, tile: tiles.length });
      tiles.push({ kind, text: m.text });
    }
  }
  return { tiles, placed };
}

/** Lower-left corner (PDF points) of a tile on a page whose visible box is `page`. */
export function tilePosition(kind: TileKind, page: Box): { x: number; y: number } {
  const w = TILE_PX.width * PT_PER_PX;
  const h = TILE_PX.height * PT_PER_PX;
  if (kind === 'stamp') {
    return { x: page.x + page.width - PLACEMENT_MM.stampRight * MM - w, y: page.y + page.height - PLACEMENT_MM.stampTop * MM - h };
  }
  return { x: page.x + (page.width - w) / 2, y: page.y + PLACEMENT_MM.numberBottom * MM };
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The tiles as one HTML page, one printed page per tile. */
export function tilesHtml(tiles: readonly Tile[]): string {
  const text = tiles.map((t) => t.text).join('');
  const body = tiles
    .map((t) =>
      t.kind === 'stamp'
        ? `<div class="tile"><span class="stamp">${escapeHtml(t.text)}</span></div>`
        : `<div class="tile number"><span class="n">${escapeHtml(t.text)}</span></div>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<style>
${fontFaceCss(text)}
@page { size: ${TILE_PX.width}px ${TILE_PX.height}px; margin: 0; }
html, body { margin: 0; padding: 0; background: transparent; }
body { font-family: "${REPORT_FONT_FAMILY}"; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.tile { position: relative; width: ${TILE_PX.width}px; height: ${TILE_PX.height}px; overflow: hidden; break-after: page;
  display: flex; align-items: center; justify-content: flex-end; }
.tile:last-child { break-after: auto; }
.stamp { box-sizing: border-box; height: 31px; margin-right: 1px; padding: 0 15px; line-height: 28px;
  border: 1.5px solid #1a1a1a; background: #fff; color: #1a1a1a; font-size: 16px; font-weight: 700; white-space: nowrap; }
.number { background: #fff; }
.n { position: absolute; left: 0; right: 0; bottom: 21px; text-align: center; font-size: 12px; line-height: 12px; color: #333; white-space: nowrap; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

export interface PrintTilesOptions {
  timeoutMs?: number;
}

async function printOn(page: Page, html: string, timeout: number): Promise<Uint8Array> {
  const guard = await guardRequests(page, []);
  try {
    await page.setContent(html, { waitUntil: 'load', timeout });
    const failed = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.status === 'error').map((f) => `${f.family} ${f.weight}`);
    });
    if (failed.length > 0) throw new Error(`the browser rejected web fonts: ${failed.join(', ')}`);
    const pdf = await page.pdf({
      width: `${TILE_PX.width}px`,
      height: `${TILE_PX.height}px`,
      margin: { top: 0, right: 0, bottom: 0, left: 0 },
      preferCSSPageSize: true,
      printBackground: true,
      omitBackground: true, // transparent around the stamp box
      displayHeaderFooter: false,
      tagged: false, // drawn as artifacts on the packet pages
      outline: false,
      timeout,
    });
    if (guard.blocked.length > 0) throw new Error(`internal: the stamp page asked for ${guard.blocked.join(', ')}`);
    return pdf;
  } finally {
    await guard.dispose();
  }
}

/** Prints the tiles: page i of the result is tile i. */
export async function printTiles(session: BrowserSession, tiles: readonly Tile[], opts: PrintTilesOptions = {}): Promise<Uint8Array> {
  if (tiles.length === 0) throw new Error('internal: no tiles to print');
  const html = tilesHtml(tiles);
  return session.withPage((page) => printOn(page, html, opts.timeoutMs ?? 60_000));
}
