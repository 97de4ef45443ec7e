/**
 * End to end: `kofukin build` prints the bundled Kyoto sample to a real PDF and HTML; both are
 * read back (text, fonts, tags, outline, metadata), built twice for byte equality, and the HTML
 * is checked with axe-core in headless Chromium.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/print/browser.ts';
import { runCli } from '../helpers/cli.ts';
import { pageCount, pdfFontRows, pdfInfo, pdfOutline, pdfText } from '../helpers/pdf.ts';
import { readSeed, samplePath, SEED_KYOTO, seedsAvailable } from '../helpers/seeds.ts';

const outA = mkdtempSync(join(tmpdir(), 'kofukin-e2e-a-'));
const outB = mkdtempSync(join(tmpdir(), 'kofukin-e2e-b-'));
const pdfA = join(outA, 'kofukin-2024-261009.pdf');
const htmlA = join(outA, 'kofukin-2024-261009.html');
let text = '';
const flat = () => text.replace(/\s+/g, '');

beforeAll(() => {
  for (const out of [outA, outB]) {
    const r = runCli(['build', samplePath('municipality.json'), '--out', out, '--strict'], { env: { SOURCE_DATE_EPOCH: '' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }
  text = pdfText(pdfA);
}, 240_000);

describe('the printed Kyoto report', () => {
  it('writes exactly the PDF and the HTML', () => {
    expect(readdirSync(outA).sort()).toEqual(['kofukin-2024-261009.html', 'kofukin-2024-261009.pdf']);
  });

  it('embeds every font, the Japanese one included, and no system font', () => {
    const fonts = pdfFontRows(pdfA);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.emb === 'yes')).toBe(true);
    expect(fonts.every((f) => /BIZUDPGothic/.test(f.name))).toBe(true);
  });

  it('is tagged, titled, in Japanese, A4, of a sane length', () => {
    const info = pdfInfo(pdfA);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toContain('令和6年度における保険者機能強化推進交付金等の評価結果について');
    expect(info).toMatch(/Author:\s+保健福祉局/);
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+/);
    expect(pageCount(pdfA)).toBeGreaterThanOrEqual(12);
    expect(pageCount(pdfA)).toBeLessThanOrEqual(40);
    expect(readFileSync(pdfA, 'latin1')).toMatch(/\/Lang\s*\(ja\)/);
  });

  it('numbers the pages "- n -" in the report font', () => {
    const page2 = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', pdfA, '-'], { encoding: 'utf8' });
    expect(page2).toMatch(/-\s*2\s*-/);
  });

  it('has an outline from the headings', () => {
    const outline = pdfOutline(pdfA);
    for (const h of ['1 制度概要', '2 評価指標', '3 本市の指標該当状況について', '4 各指標の得点状況', '(2) 未得点の項目', '7 交付金受け入れ状況', '8 今後のスケジュール'])
      expect(outline).toContain(h);
  });

  it('gives back the figures of seed 003 §3–5', () => {
    for (const s of ['277', '283', '69.3%', '70.8%', '196/196点', '46/104点', '35/100点', '183/184点', '65/116点', '379/380点', '111/220点', '70/200点', '560/800点'])
      expect(flat()).toContain(s);
    expect(flat()).toContain('推進交付金は9位、支援交付金は3位、合計は5位');
    for (const s of ['245,650千円', '236,814千円', '209,760千円', '261,575千円', '259,132千円', '180,415千円', '113,155千円', '217,098千円', '推進100億円／支援200億円'])
      expect(flat()).toContain(s);
    expect(flat()).toContain('(3)得点向上の余地');
    for (const s of ['PFS（成果連動型民間委託契約方式）による委託事業数', 'ケアプラン点検の実施割合', '※推進交付金の「目標Ⅳ－5」と同様', 'いきいきシニア'])
      expect(flat()).toContain(s);
  });

  it.skipIf(!seedsAvailable())('gives back every row of seed 003 参考資料2', () => {
    const seed = readSeed(SEED_KYOTO);
    const rows = [...seed.matchAll(/^(\S+市)\t(\d+点)\t(\d+位)\t(\d+点)\t(\d+位)\t(\d+点)\t(\d+位)$/gm)];
    expect(rows).toHaveLength(20);
    for (const m of rows) expect(flat()).toContain(m.slice(1).join(''));
  });

  it('is byte-identical when built twice (PDF and HTML)', () => {
    expect(readFileSync(join(outB, 'kofukin-2024-261009.pdf')).equals(readFileSync(pdfA))).toBe(true);
    expect(readFileSync(join(outB, 'kofukin-2024-261009.html'), 'utf8')).toBe(readFileSync(htmlA, 'utf8'));
  });

  it('dates the PDF from the report date', () => {
    expect(readFileSync(pdfA, 'latin1')).toMatch(/\/CreationDate \(D:20241209150000Z\)/);
  });
});

describe('the publishable HTML', () => {
  const session = new BrowserSession();
  afterAll(() => session.close());

  it('is self-contained: lang="ja", no external URL', () => {
    const html = readFileSync(htmlA, 'utf8');
    expect(html).toMatch(/<html lang="ja">/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/url\((?!data:)/);
  });

  it('is valid HTML (html-validate, the rules of the HTML standard)', async () => {
    const { HtmlValidate } = await import('html-validate');
    const report = await new HtmlValidate({ extends: ['html-validate:standard'] }).validateString(readFileSync(htmlA, 'utf8'));
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
    expect(messages).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('has zero axe-core violations', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const result = await session.withPage(async (page) => {
      await page.goto(pathToFileURL(htmlA).href, { waitUntil: 'load' });
      await page.addScriptTag({ content: axeSource });
      return page.evaluate(async () => {
        const r = await (window as unknown as { axe: { run: () => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe.run();
        return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
    });
    expect(result).toEqual([]);
  }, 120_000);
});
