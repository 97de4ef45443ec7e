/**
 * End to end: `kofukin synth` writes a fictional national file (same seed → same bytes, CSV and
 * XLSX); `kofukin national` turns it into the XLSX tables, the NationalAggregates JSON, and the
 * HTML + PDF summary, which is read back as a reader would (fonts, text, tags, outline).
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/load/catalog.ts';
import { loadScoringRules } from '../../src/load/scoring-rules.ts';
import { checkNational } from '../../src/load/rules.ts';
import { NationalAggregates } from '../../src/load/schemas/inputs.ts';
import { readNationalFile } from '../../src/national/read.ts';
import { deriveNational } from '../../src/national/derive.ts';
import { runMain } from '../helpers/cli.ts';
import { pageCount, pdfFontRows, pdfInfo, pdfOutline, pdfText } from '../helpers/pdf.ts';

const dir = mkdtempSync(join(tmpdir(), 'kofukin-national-cli-'));
const out = join(dir, 'out');
const out2 = join(dir, 'out2');
const csv = join(dir, 'synth.csv');
const base = join(out, 'kofukin-national-2024');

beforeAll(async () => {
  const s = await runMain(['synth', '--seed', '11', '--count', '1741', '--per-indicator', '--out', csv]);
  expect(s.stderr).toBe('');
  expect(s.code).toBe(0);
  for (const o of [out, out2]) {
    const r = await runMain(['national', csv, '--out', o, '--date', '2025-01-15'], { env: { SOURCE_DATE_EPOCH: '' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }
});

describe('kofukin synth', () => {
  it('the same seed writes byte-identical CSV and XLSX files', async () => {
    const again = join(dir, 'again.csv');
    expect((await runMain(['synth', '--seed', '11', '--count', '1741', '--per-indicator', '--out', again])).code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(csv))).toBe(true);
    const x1 = join(dir, 'a.xlsx');
    const x2 = join(dir, 'b.xlsx');
    expect((await runMain(['synth', '--seed', '11', '--count', '300', '--out', x1])).code).toBe(0);
    expect((await runMain(['synth', '--seed', '11', '--count', '300', '--out', x2])).code).toBe(0);
    expect(readFileSync(x1).equals(readFileSync(x2))).toBe(true);
  });

  it('writes CSV to standard output without --out, totals only without --per-indicator', async () => {
    const r = await runMain(['synth', '--seed', '3', '--count', '5']);
    expect(r.code).toBe(0);
    const lines = r.stdout.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('code,prefecture,name,insuredType1,suishin,shien,total,fictional');
    expect(lines).toHaveLength(6);
    expect(lines.slice(1).every((l) => l.endsWith(',true') && l.includes('架空'))).toBe(true);
  });

  it('refuses bad options', async () => {
    expect((await runMain(['synth', '--count', '0'])).code).toBe(64);
    expect((await runMain(['synth', '--out', join(dir, 'x.json')])).code).toBe(64);
  });
});

describe('kofukin national on 1,741 synthetic municipalities', () => {
  it('writes the XLSX, the JSON, the HTML and the PDF', () => {
    expect(readdirSync(out).sort()).toEqual(['kofukin-national-2024-aggregates.json', 'kofukin-national-2024.html', 'kofukin-national-2024.pdf', 'kofukin-national-2024.xlsx']);
  });

  it('the JSON is the derived NationalAggregates, consistent by the loader rules', async () => {
    const json = NationalAggregates.parse(JSON.parse(readFileSync(`${base}-aggregates.json`, 'utf8')));
    expect(checkNational(json, 'json')).toEqual([]);
    const catalog = loadCatalog(2024);
    const ds = await readNationalFile(csv, { catalog, rules: loadScoringRules(2024) });
    expect(json).toEqual(NationalAggregates.parse(deriveNational(ds, catalog).aggregates));
    expect(json.columns).toHaveLength(26);
    expect(json.municipalityCount).toBe(1741);
  });

  it('the workbook has the aggregate sheet, six top-30 sheets, the prefecture sheet and the standings', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(`${base}.xlsx`) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '全国集計',
      '指標別平均点',
      '上位_総合',
      '上位_10万人以上',
      '上位_5万人以上10万人未満',
      '上位_1万人以上5万人未満',
      '上位_3千人以上1万人未満',
      '上位_3千人未満',
      '都道府県別',
      '市町村別順位',
    ]);
    const agg = wb.getWorksheet('全国集計')!;
    expect(agg.getCell('A6').value).toBe('配点');
    expect(agg.getCell('B6').value).toBe(64);
    expect(agg.getCell('AA6').value).toBe(800);
    const pref = wb.getWorksheet('都道府県別')!;
    expect(pref.getCell('B4').value).toBe('北海道');
    expect(pref.getCell('B50').value).toBe('沖縄県');
    expect(wb.getWorksheet('市町村別順位')!.rowCount).toBe(1742);
  });

  it('the same input and date give the same XLSX, JSON and PDF bytes', () => {
    for (const f of ['kofukin-national-2024.xlsx', 'kofukin-national-2024-aggregates.json', 'kofukin-national-2024.pdf', 'kofukin-national-2024.html'])
      expect(readFileSync(join(out, f)).equals(readFileSync(join(out2, f))), f).toBe(true);
  });

  it('the PDF embeds the Japanese font, is tagged, has an outline and Japanese text', () => {
    const fonts = pdfFontRows(`${base}.pdf`);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.emb === 'yes')).toBe(true);
    expect(fonts.some((f) => /BIZUDPGothic/.test(f.name))).toBe(true);
    const info = pdfInfo(`${base}.pdf`);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Page size:\s+841\.\d+ x 59\d\.\d+ pts \(A4\)/); // landscape
    expect(info).toMatch(/Title:\s+2024年度（市町村分）保険者機能強化推進交付金等に係る評価結果の概要/);
    expect(pageCount(`${base}.pdf`)).toBe(8);
    const text = pdfText(`${base}.pdf`).replace(/\s+/g, '');
    for (const s of ['評価結果の概要', '架空のデータ', '全国集計結果', '平均得点率', '北海道', '沖縄県', '第1号被保険者規模別総合得点上位30市町村①', '3千人未満', '全国平均'])
      expect(text, s).toContain(s);
    expect(pdfOutline(`${base}.pdf`)).toEqual(
      expect.arrayContaining(['全国集計結果', '都道府県別市町村得点の分布', '第1号被保険者規模別総合得点上位30市町村①', '（総合）']),
    );
  });

  it('the HTML stands alone: the font inline, nothing loaded from elsewhere', () => {
    const html = readFileSync(`${base}.html`, 'utf8');
    expect(html).toContain('@font-face');
    expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//);
    expect(html).toContain('この資料の市町村名・得点はすべて架空のデータです');
    expect((html.match(/<svg\b/g) ?? []).length).toBe(3);
  });
});
