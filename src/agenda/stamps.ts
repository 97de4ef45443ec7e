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

/** Size of every tile. */
export const TILE_MM = { width: 40, height: 13 } as const;

/** Where tiles go, measured from the page box edges (mm). */
export const PLACEMENT_MM = {
  /** Stamp: right edge on the report's right margin (16 mm), spanning 1–14 mm from the top. */
  stampRight: 16,
  stampTop: 1,
  /** Page number: centred, spanning 2–15 mm from the bottom (the report's footer is in the 18 mm bottom margin). */
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
  const w = TILE_MM.width * MM;
  const h = TILE_MM.height * MM;
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
@page { size: ${TILE_MM.width}mm ${TILE_MM.height}mm; margin: 0; }
html, body { margin: 0; padding: 0; background: transparent; }
body { font-family: "${REPORT_FONT_FAMILY}"; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.tile { position: relative; width: ${TILE_MM.width}mm; height: ${TILE_MM.height}mm; overflow: hidden; break-after: page; }
.tile:last-child { break-after: auto; }
.stamp { position: absolute; right: 0.3mm; top: 50%; transform: translateY(-50%); padding: 0.7mm 2.6mm; line-height: 1.25;
  border: 0.45mm solid #1a1a1a; background: #fff; color: #1a1a1a; font-size: 13pt; font-weight: 700; white-space: nowrap; }
.number { background: #fff; }
.n { position: absolute; left: 0; right: 0; bottom: 4.55mm; text-align: center; font-size: 9pt; line-height: 1; color: #333; white-space: nowrap; }
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
      width: `${TILE_MM.width}mm`,
      height: `${TILE_MM.height}mm`,
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
