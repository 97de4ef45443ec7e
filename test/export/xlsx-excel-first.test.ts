/**
 * Excel first: every sheet of every workbook we write prints on A4 one page wide with its header
 * rows repeated; wrapped text gets rows tall enough; percentages are fractions under a % format;
 * the fill-in workbook offers exactly the achievable scores of each indicator; national indicator
 * means are labelled as the catalog names them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { dataPath, samplePath } from '../helpers/seeds.ts';
import { loadScoringRules } from '../../src/load/scoring-rules.ts';
import { achievableScores } from '../../src/scoring/engine.ts';

let dir: string;
const books: Record<string, ExcelJS.Workbook> = {};

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

async function run(args: string[]): Promise<void> {
  const r = await runMain(args);
  expect(r.code, r.stderr).toBe(0);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kofukin-excel-first-'));
  await run(['init', samplePath('municipality.json'), '--out', join(dir, 'fill-in.xlsx')]);
  await run(['compare', dataPath('peers/designated-cities-fy2024.json'), '--highlight', '261009', '--out', join(dir, 'compare.xlsx')]);
  await run(['synth', '--count', '120', '--per-indicator', '--out', join(dir, 'nation.csv')]);
  await run(['national', join(dir, 'nation.csv'), '--out', join(dir, 'national'), '--no-pdf']);
  await run(['grants', join(dir, 'nation.csv'), '--out', join(dir, 'grants')]);
  await run(['synth', '--count', '20', '--out', join(dir, 'nation.xlsx')]);
  books['fill-in'] = await load(join(dir, 'fill-in.xlsx'));
  books['compare'] = await load(join(dir, 'compare.xlsx'));
  books['national'] = await load(join(dir, 'national', 'kofukin-national-2024.xlsx'));
  books['grants'] = await load(join(dir, 'grants', 'kofukin-grants-2024.xlsx'));
  books['synth'] = await load(join(dir, 'nation.xlsx'));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('print setup on every sheet of every workbook', () => {
  it('A4, fit to one page wide, header rows repeated', () => {
    for (const [name, wb] of Object.entries(books))
      for (const ws of wb.worksheets) {
        const where = `${name}: ${ws.name}`;
        expect(ws.pageSetup.paperSize, where).toBe(9);
        expect(ws.pageSetup.fitToPage, where).toBe(true);
        expect(ws.pageSetup.fitToWidth, where).toBe(1);
        expect(ws.pageSetup.fitToHeight, where).toBe(0);
        if (!(name === 'grants' && ws.name === '概要')) expect(ws.pageSetup.printTitlesRow, where).toMatch(/^\d+:\d+$/);
      }
  });
});

describe('row heights fit wrapped text', () => {
  it('a row whose wrapped cell holds several lines is taller than one line, and one-line rows are not', () => {
    const ws = books['fill-in']!.getWorksheet('推進')!;
    let tall = 0;
    let short = 0;
    ws.eachRow((row, n) => {
      if (n < 4) return;
      const texts = [2, 3, 4, 7, 8].map((c) => String(row.getCell(c).value ?? ''));
      // 評価指標 (column D, 56 wide) holds about 38 full-width characters a line
      if (texts[2]!.length > 45) {
        expect(row.height, `推進 row ${n}`).toBeGreaterThan(28);
        tall++;
      } else if (texts.every((t) => t.length <= 12)) {
        expect(row.height ?? 15, `推進 row ${n}`).toBeLessThan(22);
        short++;
      }
    });
    expect(tall).toBeGreaterThan(0);
    expect(short).toBeGreaterThan(0);
    // the 未得点理由 sheet: reasons of several paragraphs get one line each at least
    const unscored = books['fill-in']!.getWorksheet('未得点理由')!;
    unscored.eachRow((row, n) => {
      if (n < 4) return;
      const paragraphs = String(row.getCell(4).value ?? '').split('\n').length;
      expect(row.height ?? 15, `未得点理由 row ${n}`).toBeGreaterThanOrEqual(paragraphs * 13);
    });
  });
});

describe('the fill-in workbook offers exactly the achievable scores', () => {
  it('a list of the achievable scores where the rule skips values, a whole-number range where it does not', () => {
    const rules = loadScoringRules(2024)!;
    const ws = books['fill-in']!.getWorksheet('推進')!;
    let lists = 0;
    let ranges = 0;
    ws.eachRow((row, n) => {
      const id = String(row.getCell(1).value ?? '');
      const rule = rules.rules[id];
      if (n < 4 || !rule) return;
      const achievable = achievableScores(rule.rule);
      const v = row.getCell(5).dataValidation;
      if (achievable.length === rule.maxPoints + 1) {
        expect(v.type, id).toBe('whole');
        expect(v.formulae, id).toEqual([0, rule.maxPoints]);
        ranges++;
      } else {
        expect(v.type, id).toBe('list');
        expect(v.formulae, id).toEqual([`"${achievable.join(',')}"`]);
        lists++;
      }
    });
    expect(lists).toBeGreaterThan(0);
    // e.g. 目標Ⅰ(ii)1 今年度の評価点: 各3点 → 0, 3, 6, 9, 12 only
    const row = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((r) => r.getCell(1).value === 'suishin.I.ii.1')!;
    expect(row.getCell(5).dataValidation.formulae).toEqual(['"0,3,6,9,12"']);
    expect(lists + ranges).toBe(21);
  });
});

describe('national workbook', () => {
  it('percentages are fractions under a % format', () => {
    const agg = books['national']!.getWorksheet('全国集計')!;
    const rateRow = [...Array(agg.rowCount).keys()].map((i) => agg.getRow(i + 1)).find((r) => r.getCell(1).value === '平均得点率')!;
    const cell = rateRow.getCell(2);
    expect(cell.numFmt).toBe('0.0%');
    expect(typeof cell.value).toBe('number');
    expect(cell.value as number).toBeGreaterThan(0);
    expect(cell.value as number).toBeLessThanOrEqual(1);
    const top = books['national']!.getWorksheet('上位_総合')!;
    expect(top.getCell('G4').numFmt).toBe('0.0%');
    expect(top.getCell('G4').value as number).toBeLessThanOrEqual(1);
    const standings = books['national']!.getWorksheet('市町村別順位')!;
    expect(standings.getCell('H2').numFmt).toBe('0.0%');
    expect(standings.getCell('H2').value as number).toBeLessThanOrEqual(1);
  });
  it('indicator means are labelled with the grant, the 指標 reference and the item name, not ids', () => {
    const ws = books['national']!.getWorksheet('指標別平均点')!;
    expect(ws.getRow(3).values).toEqual([undefined, '交付金', '指標', '項目名', '配点', '平均点', '平均得点率']);
    expect(ws.getCell('A4').value).toBe('推進');
    expect(String(ws.getCell('B4').value)).toMatch(/^目標Ⅰ/);
    expect(String(ws.getCell('C4').value)).toBe('地域の介護保険事業の特徴の把握');
    expect(ws.rowCount).toBe(3 + 53);
    let ids = 0;
    ws.eachRow((row) => row.eachCell((c) => (/^(suishin|shien)\./.test(String(c.value)) ? ids++ : 0)));
    expect(ids).toBe(0);
  });
});
