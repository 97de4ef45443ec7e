/**
 * Fonts for batch printing: one subset for the whole run, loaded once per warm page, holding the
 * characters every report shares (catalog, templates, the wording in the view code, the names in
 * the batch). A report that shows a character outside it carries a small extra face for just
 * those characters (`unicode-range`), so nothing ever falls back to a system font.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASELINE_CHARS, REPORT_FONT_FAMILY, subsetFont } from '../fonts/font.ts';
import { catalogPath } from '../load/catalog.ts';
import { templateSources } from '../render/templates.ts';

const SRC = fileURLToPath(new URL('../', import.meta.url));

/** Characters of the wording produced by code (view model, charts, era formats). */
function codeText(): string {
  const dirs = ['view', 'charts', 'derive', 'common'];
  return dirs
    .flatMap((d) => readdirSync(join(SRC, d)).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).map((f) => readFileSync(join(SRC, d, f), 'utf8')))
    .join('');
}

export function batchCharacterSet(fiscalYear: number, extraText: string): Set<string> {
  const text = BASELINE_CHARS + readFileSync(catalogPath(fiscalYear), 'utf8') + templateSources('report') + codeText() + extraText;
  return new Set([...text].filter((c) => c.codePointAt(0)! > 0x7f));
}

function faceCss(chars: string, weight: 400 | 700, unicodeRange?: string): string {
  return (
    `@font-face { font-family: "${REPORT_FONT_FAMILY}"; font-style: normal; font-weight: ${weight}; font-display: block;` +
    (unicodeRange ? ` unicode-range: ${unicodeRange};` : '') +
    ` src: url(data:font/ttf;base64,${subsetFont(chars, weight).toString('base64')}) format("truetype"); }\n`
  );
}

/** @font-face CSS for the batch's shared subset. */
export function batchFontCss(chars: Set<string>): string {
  const text = [...chars].join('');
  return faceCss(text, 400) + faceCss(text, 700);
}

/** Characters of `html` the shared subset lacks. */
export function missingCharacters(html: string, chars: Set<string>): string[] {
  const missing = new Set<string>();
  for (const c of html) if (c.codePointAt(0)! > 0x7f && !chars.has(c)) missing.add(c);
  return [...missing].sort();
}

/** Extra @font-face rules limited (unicode-range) to the given characters. */
export function extraFontCss(missing: readonly string[]): string {
  if (missing.length === 0) return '';
  const range = missing.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`).join(', ');
  const text = missing.join('');
  return faceCss(text, 400, range) + faceCss(text, 700, range);
}
