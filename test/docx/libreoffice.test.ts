/**
 * The Kyoto .docx laid out by another word processor: LibreOffice Writer converts it to PDF and
 * the result is read back with poppler. On a machine without any Japanese font installed, every
 * glyph must come from the font embedded in the .docx (no fallback font, no missing glyph), and
 * no text may run past the page margins (no overflowing table).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReportInputs } from '../../src/load/report-inputs.ts';
import { prepareReport, renderCharts, renderDocx } from '../../src/pipeline/report.ts';
import { sofficeConvert, sofficePath } from '../export/soffice.ts';
import { pageCount, pdfFontRows } from '../helpers/pdf.ts';
import { samplePath } from '../helpers/seeds.ts';

const soffice = sofficePath();
const writer = soffice !== null && existsSync(join(dirname(realpathSync(soffice)), 'libswlo.so'));
const SKIP = ' (skipped: LibreOffice Writer is not installed: apt-get install -y --no-install-recommends libreoffice-writer-nogui)';

const dir = mkdtempSync(join(tmpdir(), 'kofukin-docx-lo-'));
const pdf = join(dir, 'kyoto.pdf');

beforeAll(async () => {
  if (!writer) return;
  const prepared = prepareReport(await loadReportInputs(samplePath('municipality.json')));
  writeFileSync(join(dir, 'kyoto.docx'), await renderDocx(prepared.view, await renderCharts(prepared.chartDefinitions)));
  const r = sofficeConvert(join(dir, 'kyoto.docx'), 'pdf', dir);
  expect(r.code).toBe(0);
}, 240_000);

const MM = 72 / 25.4;

describe.skipIf(!writer)(`the Kyoto .docx opened in LibreOffice Writer${writer ? '' : SKIP}`, () => {
  it('draws every character with the embedded BIZ UDPGothic', () => {
    const fonts = pdfFontRows(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !/^[A-Z]{6}\+BIZUDPGothic/.test(f.name))).toEqual([]);
    expect(pageCount(pdf)).toBeGreaterThan(15);
  });

  it('keeps all text inside the page margins (16 mm left and right): no table overflows', () => {
    const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    const outside: string[] = [];
    let page = 0;
    let width = 0;
    for (const line of html.split('\n')) {
      const p = /<page width="([\d.]+)"/.exec(line);
      if (p) {
        page++;
        width = Number(p[1]);
        continue;
      }
      const w = /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/.exec(line);
      if (!w) continue;
      const [xMin, xMax] = [Number(w[1]), Number(w[2])];
      // Japanese line breaking may hang a closing 、 or 。 into the margin (句読点のぶら下げ)
      const hang = /[、。，．]$/.test(w[3]!) ? 11 : 0;
      if (xMin < 16 * MM - 1 || xMax > width - 16 * MM + 1 + hang) outside.push(`page ${page}: ${w[3]} (${xMin.toFixed(1)}–${xMax.toFixed(1)} pt)`);
    }
    expect(page).toBeGreaterThan(15);
    expect(outside).toEqual([]);
  });
});
