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
import { runMain } from '../helpers/cli.ts';
import { sampleBuild } from '../helpers/fixtures.ts';
import { pageCount, pdfFontRows, pdfInfo, pdfOutline, pdfText } from '../helpers/pdf.ts';
import { readSeed, samplePath, SEED_KYOTO } from '../helpers/seeds.ts';

const outB = mkdtempSync(join(tmpdir(), 'kofukin-e2e-b-'));
let outA = '';
let pdfA = '';
let htmlA = '';
let text = '';
const flat = () => text.replace(/\s+/g, '');

beforeAll(async () => {
  // A: the run's shared print of the sample (test/helpers/fixtures.ts, same command and env);
  // B: a second, independent build for the byte equality
  ({ dir: outA, pdf: pdfA, html: htmlA } = await sampleBuild('kyoto-2024'));
  const r = await runMain(['build', samplePath('municipality.json'), '--out', outB, '--strict'], { env: { SOURCE_DATE_EPOCH: '' } });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  text = pdfText(pdfA);
});

describe('the printed Kyoto report', () => {
  it('writes exactly the PDF and the HTML', () => {
    for (const out of [outA, outB]) expect(readdirSync(out).sort()).toEqual(['kofukin-2024-261009.html', 'kofukin-2024-261009.pdf']);
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

  it('gives back the figures of seed 003 §3–5, each in its row', () => {
    // §3: the 合計 row (項目数, 得点, 満点, 得点率) closing each grant's indicator table
    expect(flat()).toContain('合計11927740069.3%(2)支援交付金');
    expect(flat()).toContain('合計17728340070.8%4各指標の得点状況');
    // §4 指標群別の得点状況: a row per grant and the total, 体制・取組 / 活動 / 成果 / 合計
    expect(flat()).toContain('推進交付金196/196点46/104点35/100点277/400点');
    expect(flat()).toContain('支援交付金183/184点65/116点35/100点283/400点');
    expect(flat()).toContain('合計379/380点111/220点70/200点560/800点');
    // §5 全国との比較: each grant's total row (得点, 満点, 得点率)
    expect(flat()).toContain('推進交付金合計27740069.3%');
    expect(flat()).toContain('支援交付金合計28340070.8%');
    expect(flat()).toContain('推進交付金は9位、支援交付金は3位、合計は5位');
    // §7 受け入れ額: 年度, 推進, 支援, 合計, 国予算額 — each figure on its year's row
    for (const row of [
      '平成30年度245,650千円－245,650千円推進200億円',
      '令和元年度236,814千円－236,814千円推進200億円',
      '令和2年度222,547千円209,760千円432,307千円推進200億円／支援200億円',
      '令和4年度261,575千円259,132千円520,707千円推進200億円／支援200億円',
      '令和5年度180,415千円238,946千円419,361千円推進150億円／支援200億円',
      '令和6年度（見込み）113,155千円217,098千円330,253千円推進100億円／支援200億円',
    ])
      expect(flat()).toContain(row);
    expect(flat()).toContain('(3)得点向上の余地');
    for (const s of ['PFS（成果連動型民間委託契約方式）による委託事業数', 'ケアプラン点検の実施割合', '※推進交付金の「目標Ⅳ－5」と同様', 'いきいきシニア'])
      expect(flat()).toContain(s);
  });

  it('gives back every row of seed 003 参考資料2', () => {
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
  });
});
