/**
 * The report font: BIZ UDPGothic (regular and bold) from the npm package
 * @expo-google-fonts/biz-udpgothic, subset to the characters a report uses and inlined into the
 * HTML as data: URLs, so the printed page is self-contained and loads nothing.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { buildCmap, os2ForSubset, postV3, readTables, writeSfnt } from './sfnt.ts';

export type FontWeight = 400 | 700;

/** The CSS family name the report's styles and charts use. */
export const REPORT_FONT_FAMILY = 'Report Gothic';

const FONT_FILES: Record<FontWeight, string> = {
  400: '@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf',
  700: '@expo-google-fonts/biz-udpgothic/700Bold/BIZUDPGothic_700Bold.ttf',
};

const require = createRequire(import.meta.url);

/** Absolute path of the full TTF of one weight. */
export function fontPath(weight: FontWeight): string {
  return require.resolve(FONT_FILES[weight]);
}

interface LoadedFont {
  bytes: Buffer;
  font: Font;
}

const loaded = new Map<FontWeight, LoadedFont>();

function load(weight: FontWeight): LoadedFont {
  let entry = loaded.get(weight);
  if (!entry) {
    const bytes = readFileSync(fontPath(weight));
    const font = fontkit.create(bytes);
    if (!('unitsPerEm' in font)) throw new Error(`${fontPath(weight)} is a font collection, not a single font`);
    entry = { bytes, font };
    loaded.set(weight, entry);
  }
  return entry;
}

/** The full report font of one weight, opened with fontkit once per process. */
export function reportFont(weight: FontWeight): Font {
  return load(weight).font;
}

function range(from: number, to: number): string {
  let s = '';
  for (let cp = from; cp <= to; cp++) s += String.fromCodePoint(cp);
  return s;
}

/**
 * Characters every subset carries whatever the text: printable ASCII, full-width ASCII, and the
 * punctuation and symbols of Japanese documents (JIS X 0208 rows 1–2 and a few more).
 */
export const BASELINE_CHARS =
  range(0x20, 0x7e) +
  range(0xff01, 0xff5e) +
  '\u00a0\u3000、。，．・：；？！゛゜´｀¨＾￣＿ヽヾゝゞ〃仝々〆〇ー―‐／＼～〜∥｜…‥‘’“”（）〔〕［］｛｝〈〉《》「」『』【】' +
  '＋－±×÷＝≠＜＞≦≧∞∴♂♀°′″℃￥＄￠￡％＃＆＊＠§☆★○●◎◇◆□■△▲▽▼※〒→←↑↓〓−–—·×';

/** The sorted, distinct code points of `text` plus the baseline set that the font can draw. */
export function subsetCodePoints(text: string, weight: FontWeight): number[] {
  const font = reportFont(weight);
  const set = new Set<number>();
  for (const ch of BASELINE_CHARS + text) set.add(ch.codePointAt(0)!);
  return [...set].filter((cp) => cp >= 0x20 && font.hasGlyphForCodePoint(cp)).sort((a, b) => a - b);
}

/**
 * A TrueType subset of the report font holding the glyphs of `text` (plus ASCII and common
 * punctuation), with cmap, name, OS/2 and post tables so browsers and fontkit can use it.
 * The same set of characters always gives the same bytes.
 */
export function subsetFont(text: string, weight: FontWeight): Buffer {
  const { bytes, font } = load(weight);
  const codePoints = subsetCodePoints(text, weight);
  const subset = font.createSubset();
  const cmap = new Map<number, number>();
  for (const cp of codePoints) cmap.set(cp, subset.includeGlyph(font.glyphForCodePoint(cp).id));

  const tables = readTables(subset.encode());
  const original = readTables(bytes);
  const name = original.get('name');
  const os2 = original.get('OS/2');
  const post = original.get('post');
  if (!name || !os2 || !post) throw new Error(`${fontPath(weight)} lacks a name, OS/2 or post table`);
  tables.set('cmap', buildCmap(cmap));
  tables.set('name', name);
  tables.set('OS/2', os2ForSubset(os2, codePoints));
  tables.set('post', postV3(post));
  return writeSfnt(tables);
}

/**
 * `@font-face` rules for the family "Report Gothic" (regular and bold), each with a subset
 * holding the characters of `text` inlined as a data: URL. Pass all the text the page shows
 * (passing the whole HTML is fine: markup is ASCII, which every subset holds anyway).
 */
export function fontFaceCss(text: string): string {
  const seen = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i)!;
    seen.add(c);
    if (c > 0xffff) i++;
  }
  const key = String.fromCodePoint(...[...seen].sort((a, b) => a - b));
  let css = faceCss.get(key);
  if (css === undefined) {
    css = fontFaceCssUncached(text);
    if (faceCss.size >= FACE_CACHE_LIMIT) faceCss.delete(faceCss.keys().next().value!);
  } else {
    faceCss.delete(key); // most recently used last
  }
  faceCss.set(key, css);
  return css;
}

/**
 * The @font-face CSS made last, by the set of characters it was made for (the same set gives the
 * same subsets): a preview rebuilt after an edit that brings no new character, or the same page
 * built again, does not subset the font again. A few entries only (each holds two subsets).
 */
const FACE_CACHE_LIMIT = 4;
const faceCss = new Map<string, string>();

function fontFaceCssUncached(text: string): string {
  return ([400, 700] as const)
    .map(
      (weight) =>
        `@font-face {\n` +
        `  font-family: "${REPORT_FONT_FAMILY}";\n` +
        `  font-style: normal;\n` +
        `  font-weight: ${weight};\n` +
        `  font-display: block;\n` +
        `  src: url(data:font/ttf;base64,${subsetFont(text, weight).toString('base64')}) format("truetype");\n` +
        `}\n`,
    )
    .join('');
}
