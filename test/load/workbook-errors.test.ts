/**
 * Malformed fill-in workbooks: every problem is located by sheet and cell (`推進!E4`), all
 * problems are collected before failing, and the CLI writes nothing to --out.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/errors.ts';
import { readWorkbook } from '../../src/workbook/read.ts';
import { runMain } from '../helpers/cli.ts';
import { samplePath } from '../helpers/seeds.ts';

const dir = mkdtempSync(join(tmpdir(), 'kofukin-wb-errors-'));
const good = join(dir, 'good.xlsx');

beforeAll(async () => {
  const r = await runMain(['init', samplePath('municipality.json'), '--out', good]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
});

/** A copy of the good workbook (same directory, so companion paths resolve) changed by `mutate`. */
async function broken(name: string, mutate: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(good);
  mutate(wb);
  const file = join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

const sheet = (wb: ExcelJS.Workbook, name: string) => wb.getWorksheet(name)!;

/** `place: rule` of every problem readWorkbook reports (it must reject). */
async function problems(file: string): Promise<string[]> {
  try {
    await readWorkbook(file);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    for (const p of (err as InputError).problems) expect(p.location.file).toBe(file);
    return (err as InputError).problems.map((p) => (p.location.place ? `${p.location.place}: ${p.rule}` : p.rule));
  }
  throw new Error(`${file} was accepted`);
}

const places = (list: string[]) => list.map((p) => p.slice(0, p.indexOf(': ')));

/** Runs `build` with --out into a fresh empty directory; exit 2 and the directory stays empty. */
async function buildWritesNothing(file: string): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'kofukin-wb-out-'));
  const r = await runMain(['build', file, '--out', out]);
  expect(r.code, r.stderr).toBe(2);
  expect(readdirSync(out)).toEqual([]);
  return r.stderr;
}

describe('malformed workbooks give located errors and write nothing', () => {
  it('the untouched workbook is accepted (control)', async () => {
    const read = await readWorkbook(good);
    expect(Object.keys(read.results.scores)).toHaveLength(53);
  });

  it('a missing sheet', async () => {
    const file = await broken('missing-sheet', (wb) => wb.removeWorksheet(sheet(wb, '支援').id));
    const list = await problems(file);
    expect(places(list)).toEqual(['支援']);
    expect(list[0]).toContain('sheet "支援" is missing');
    expect(await buildWritesNothing(file)).toContain(`${file}: 支援: sheet "支援" is missing`);
  });

  it('text in a score cell', async () => {
    const file = await broken('text-score', (wb) => (sheet(wb, '推進').getCell('E5').value = '十六'));
    const list = await problems(file);
    expect(list).toEqual([
      '推進!E5: "十六" is not a number: the score of 目標Ⅰ－(i)－2 (suishin.I.i.2) must be a whole number from 0 to 16',
    ]);
    expect(await buildWritesNothing(file)).toContain(`${file}: 推進!E5: "十六" is not a number`);
  });

  it('an empty score cell', async () => {
    const file = await broken('empty-score', (wb) => (sheet(wb, '支援').getCell('E10').value = null));
    expect(await problems(file)).toEqual(['支援!E10: no score for 目標Ⅰ－(i)－7 (shien.I.i.7): enter a whole number from 0 to 7']);
  });

  it('a row deleted: the missing indicator is located where its row was', async () => {
    const file = await broken('row-deleted', (wb) => sheet(wb, '推進').spliceRows(6, 1));
    const list = await problems(file);
    expect(list).toEqual([
      '推進!A6: indicator 目標Ⅰ－(i)－3 (suishin.I.i.3) is missing: its row was deleted; every catalog indicator needs a row with a score',
    ]);
    expect(await buildWritesNothing(file)).toContain(`${file}: 推進!A6: indicator 目標Ⅰ－(i)－3 (suishin.I.i.3) is missing`);
  });

  it('an indicator duplicated (a row copied)', async () => {
    const file = await broken('duplicated', (wb) => {
      const ws = sheet(wb, '推進');
      ws.spliceRows(6, 0, (ws.getRow(5).values as ExcelJS.CellValue[]).slice(1));
    });
    const list = await problems(file);
    expect(list).toEqual(['推進!A6: indicator "suishin.I.i.2" appears more than once (first at 推進!A5)']);
    expect(await buildWritesNothing(file)).toContain(`${file}: 推進!A6: indicator "suishin.I.i.2" appears more than once`);
  });

  it('a score above the maximum', async () => {
    const file = await broken('above-max', (wb) => (sheet(wb, '推進').getCell('E4').value = 18));
    expect(await problems(file)).toEqual(['推進!E4: 18 is above the maximum 16 of 目標Ⅰ－(i)－1 (suishin.I.i.1)']);
    expect(await buildWritesNothing(file)).toContain(`error: ${file}: 推進!E4: 18 is above the maximum 16 of 目標Ⅰ－(i)－1 (suishin.I.i.1)`);
  });

  it('an unknown indicator id, and one on the wrong sheet', async () => {
    const file = await broken('unknown-id', (wb) => {
      sheet(wb, '推進').getCell('A7').value = 'suishin.I.i.9';
      sheet(wb, '支援').getCell('A4').value = 'suishin.I.i.4';
    });
    expect(await problems(file)).toEqual([
      '推進!A7: unknown indicator "suishin.I.i.9": it is not in the catalog for this fiscal year',
      '推進!A8: indicator 目標Ⅰ－(i)－4 (suishin.I.i.4) is missing: its row was deleted; every catalog indicator needs a row with a score',
      '支援!A4: indicator "suishin.I.i.4" belongs on sheet "推進"',
      '支援!A5: indicator 目標Ⅰ－(i)－1 (shien.I.i.1) is missing: its row was deleted; every catalog indicator needs a row with a score',
    ]);
  });

  it('collects every problem of every sheet before failing', async () => {
    const file = await broken('several', (wb) => {
      sheet(wb, '推進').getCell('E4').value = 18;
      sheet(wb, '推進').getCell('E9').value = 'なし';
      sheet(wb, '支援').getCell('E20').value = 2.5;
      sheet(wb, '基本情報').getCell('B5').value = '26100';
      sheet(wb, '未得点理由').getCell('A4').value = 'suishin.I.ii.99';
      sheet(wb, '交付金').getCell('A5').value = 2018;
    });
    const list = await problems(file);
    expect(places(list)).toEqual(['推進!E4', '推進!E9', '支援!E20', '基本情報!B5', '未得点理由!A4', '交付金!A5']);
    // one code rule for every reader (src/common/municipality-code.ts): 5 digits are ambiguous here
    expect(list[3]).toMatch(/^基本情報!B5: "26100" has 5 digits: give the 6-digit 全国地方公共団体コード with its check digit/);
    expect(list[5]).toBe('交付金!A5: fiscal year 2018 appears more than once (first at 交付金!A4)');
    const stderr = await buildWritesNothing(file);
    for (const place of places(list)) expect(stderr).toContain(`${file}: ${place}: `);
  });

  it('stated totals that disagree with the scores point at their 基本情報 cell', async () => {
    const file = await broken('stated', (wb) => {
      const ws = sheet(wb, '基本情報');
      ws.getCell('B10').value = 278;
      expect(ws.getCell('A10').value).toBe('公表値 推進交付金 合計点');
    });
    expect(await problems(file)).toEqual(['基本情報!B10: stated 公表値 推進交付金 合計点 278 does not equal the 277 derived from the indicator scores']);
  });

  it('a required 基本情報 value left empty; a bad date', async () => {
    const file = await broken('info', (wb) => {
      const ws = sheet(wb, '基本情報');
      ws.getCell('B6').value = null; // 市町村名
      ws.getCell('B17').value = '12月10日'; // 資料日付
    });
    expect(await problems(file)).toEqual([
      '基本情報!B6: 市町村名 is empty',
      '基本情報!B17: "12月10日" is not a date (write it as 2024-12-10 or 2024/12/10)',
    ]);
  });

  it('a file that is not a workbook', async () => {
    const file = join(dir, 'not-a-workbook.xlsx');
    writeFileSync(file, 'scores,16\n');
    const list = await problems(file);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatch(/^not a readable \.xlsx workbook/);
    const out = mkdtempSync(join(tmpdir(), 'kofukin-wb-out-'));
    const r = await runMain(['init', file, '--out', join(out, 'x.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: not a readable .xlsx workbook`);
    expect(readdirSync(out)).toEqual([]);
  });
});
