/**
 * Text widths in the report font, from the font's own advance widths (fontkit), so chart
 * layout computed in Node matches what the browser draws with the subset font.
 */
import { reportFont } from '../fonts/font.ts';
import type { FontWeight } from '../fonts/font.ts';

/** CSS-like weight: number or keyword. 600 and above (and "bold"/"bolder") use the bold face. */
export type WeightLike = number | string | null | undefined;

export function faceOf(weight: WeightLike): FontWeight {
  if (typeof weight === 'number') return weight >= 600 ? 700 : 400;
  if (typeof weight === 'string') {
    const w = weight.trim().toLowerCase();
    if (w === 'bold' || w === 'bolder') return 700;
    const n = Number(w);
    return Number.isFinite(n) && n >= 600 ? 700 : 400;
  }
  return 400;
}

/** Advance width of each code point in font units, per face (cached). */
const advances = new Map<FontWeight, Map<number, number>>();

function advance(face: FontWeight, cp: number): number {
  let table = advances.get(face);
  if (!table) advances.set(face, (table = new Map()));
  let w = table.get(cp);
  if (w === undefined) {
    // Characters the font lacks measure as its .notdef glyph (the browser would fall back).
    w = reportFont(face).glyphForCodePoint(cp).advanceWidth;
    table.set(cp, w);
  }
  return w;
}

/** Width in px of `text` set in the report font at `fontSize` px. */
export function textWidth(text: string, fontSize: number, weight?: WeightLike): number {
  if (!text || !(fontSize > 0)) return 0;
  const face = faceOf(weight);
  let units = 0;
  for (const ch of text) units += advance(face, ch.codePointAt(0)!);
  return (units * fontSize) / reportFont(face).unitsPerEm;
}
