import { statSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { BASELINE_CHARS, fontFaceCss, fontPath, reportFont, subsetFont } from '../../src/fonts/font.ts';
import { readTables } from '../../src/fonts/sfnt.ts';

const SENTENCE = '令和6年度の保険者機能強化推進交付金（介護予防・日常生活支援総合事業）の評価結果を報告します。';

function parse(bytes: Uint8Array): Font {
  const f = fontkit.create(bytes);
  if (!('unitsPerEm' in f)) throw new Error('collection');
  return f;
}

describe('report font files', () => {
  it('resolves both weights from the npm package', () => {
    expect(fontPath(400)).toMatch(/BIZUDPGothic_400Regular\.ttf$/);
    expect(fontPath(700)).toMatch(/BIZUDPGothic_700Bold\.ttf$/);
    expect(statSync(fontPath(400)).size).toBeGreaterThan(4_000_000);
    expect(reportFont(400).familyName).toBe('BIZ UDPGothic');
    expect(reportFont(400)).toBe(reportFont(400)); // opened once per process
  });
});

describe('subsetFont', () => {
  for (const weight of [400, 700] as const) {
    it(`subsets weight ${weight} to a font that parses again and draws every character`, () => {
      const bytes = subsetFont(SENTENCE, weight);
      expect(bytes.length).toBeLessThan(150_000); // full font: 4.5 MB
      const sub = parse(bytes);
      const full = reportFont(weight);
      for (const ch of SENTENCE) {
        const cp = ch.codePointAt(0)!;
        expect(sub.hasGlyphForCodePoint(cp), ch).toBe(true);
        const glyph = sub.glyphForCodePoint(cp);
        expect(glyph.id, ch).toBeGreaterThan(0);
        expect(glyph.advanceWidth, ch).toBe(full.glyphForCodePoint(cp).advanceWidth);
      }
      expect(sub.postscriptName).toBe(full.postscriptName);
    });
  }

  it('has the tables a browser requires', () => {
    const tables = [...readTables(subsetFont('介護', 400)).keys()];
    for (const t of ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'glyf', 'loca']) expect(tables).toContain(t);
  });

  it('always holds ASCII and common Japanese punctuation', () => {
    const sub = parse(subsetFont('', 400));
    for (const ch of 'AZaz09-%()「」、。・ー（）％※') expect(sub.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(true);
    expect(sub.hasGlyphForCodePoint('介'.codePointAt(0)!)).toBe(false);
    expect(BASELINE_CHARS).toContain('〒');
  });

  it('depends only on the set of characters (deterministic)', () => {
    const a = subsetFont('介護予防', 400);
    expect(subsetFont('予防介護介護', 400).equals(a)).toBe(true);
    expect(subsetFont('介護予防', 700).equals(a)).toBe(false);
  });

  it('has a valid whole-file checksum adjustment', () => {
    const b = subsetFont(SENTENCE, 400);
    const padded = Buffer.concat([b, Buffer.alloc((4 - (b.length % 4)) % 4)]);
    let sum = 0;
    for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
  });

  it('skips characters the font lacks', () => {
    const sub = parse(subsetFont('𠮷😀介', 400));
    expect(sub.hasGlyphForCodePoint('介'.codePointAt(0)!)).toBe(true);
    expect(sub.hasGlyphForCodePoint('😀'.codePointAt(0)!)).toBe(false);
  });
});

describe('fontFaceCss', () => {
  it('gives self-contained @font-face rules for both weights', () => {
    const css = fontFaceCss(SENTENCE);
    const rules = css.match(/@font-face\s*\{[^}]*\}/g) ?? [];
    expect(rules).toHaveLength(2);
    expect(rules[0]).toContain('font-weight: 400');
    expect(rules[1]).toContain('font-weight: 700');
    for (const rule of rules) {
      expect(rule).toContain('font-family: "Report Gothic"');
      expect(rule).not.toMatch(/https?:|file:/);
      const b64 = /url\(data:font\/ttf;base64,([A-Za-z0-9+/=]+)\)/.exec(rule)?.[1];
      expect(b64).toBeDefined();
      const sub = parse(Buffer.from(b64!, 'base64'));
      expect(sub.hasGlyphForCodePoint('評'.codePointAt(0)!)).toBe(true);
    }
    expect(css.length).toBeLessThan(400_000);
  });

  it('the same set of characters gives the same rules (remembered), another set other subsets', () => {
    const faces = (css: string) => [...css.matchAll(/base64,([A-Za-z0-9+/=]+)\)/g)].map((m) => parse(Buffer.from(m[1]!, 'base64')));
    const first = fontFaceCss('京都市の評価𠮷');
    expect(fontFaceCss('𠮷価評の市都京京')).toBe(first); // order and repeats do not matter
    const more = fontFaceCss('京都市の評価𠮷、横浜');
    expect(more).not.toBe(first);
    for (const f of faces(more)) expect(f.hasGlyphForCodePoint('横'.codePointAt(0)!)).toBe(true);
    for (const f of faces(first)) expect(f.hasGlyphForCodePoint('横'.codePointAt(0)!)).toBe(false);
    expect(fontFaceCss('京都市の評価𠮷')).toBe(first);
  });
});
