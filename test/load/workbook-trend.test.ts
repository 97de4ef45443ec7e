/**
 * The fill-in workbook carries the grant history's evaluation results (評価結果の推移) in the
 * 交付金 sheet's columns G–J: written by `init`, read back equal; a workbook without those
 * columns (written before them) stays valid.
 */
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { repoRoot } from '../helpers/seeds.ts';

const dir = mkdtempSync(join(tmpdir(), 'kofukin-trend-'));
const sample = `${repoRoot}data/samples/kyoto-2024/`;
for (const f of ['municipality.json', 'narrative.json']) cpSync(join(sample, f), join(dir, f));
const m = JSON.parse(readFileSync(join(dir, 'municipality.json'), 'utf8'));
m.files = { ...m.files, national: join(sample, m.files.national), peers: join(sample, m.files.peers) };
writeFileSync(join(dir, 'municipality.json'), JSON.stringify(m));
const grants = JSON.parse(readFileSync(join(sample, 'grants.json'), 'utf8'));
for (const y of grants.years)
  if (y.fiscalYear >= 2022 && y.fiscalYear <= 2023) y.evaluation = { suishin: { score: 600 + y.fiscalYear - 2022, max: 1025 }, shien: { score: 550, max: 1000 } };
writeFileSync(join(dir, 'grants.json'), JSON.stringify(grants));

describe('評価結果の推移 in the fill-in workbook', () => {
  it('init writes the evaluation columns and summary reads them back', async () => {
    const xlsx = join(dir, 'kyoto.xlsx');
    const init = await runMain(['init', join(dir, 'municipality.json'), '--out', xlsx]);
    expect(init.code).toBe(0);
    const fromJson = JSON.parse((await runMain(['summary', join(dir, 'municipality.json'), '--json'])).stdout);
    const fromXlsx = JSON.parse((await runMain(['summary', xlsx, '--json'])).stdout);
    expect(fromJson.grantHistory.trend.rows.map((r: { fiscalYear: number }) => r.fiscalYear)).toEqual([2022, 2023, 2024]);
    expect(fromXlsx.grantHistory.trend).toEqual(fromJson.grantHistory.trend);
    expect(fromJson.grantHistory.trend.maxChanges).toEqual([
      { grant: 'suishin', fiscalYear: 2024, from: 1025, to: 400 },
      { grant: 'shien', fiscalYear: 2024, from: 1000, to: 400 },
    ]);
  });

  it('a score above its maximum is named by its cell', async () => {
    const xlsx = join(dir, 'bad.xlsx');
    await runMain(['init', join(dir, 'municipality.json'), '--out', xlsx]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('交付金')!;
    let row = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(1).value === 2023) row = n;
    });
    ws.getRow(row).getCell(7).value = 2000;
    await wb.xlsx.writeFile(xlsx);
    const r = await runMain(['summary', xlsx]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`交付金!G${row}`);
  });

  it('a workbook without the evaluation columns stays valid and has no trend', async () => {
    const xlsx = join(dir, 'old.xlsx');
    await runMain(['init', join(sample, 'municipality.json'), '--out', xlsx]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('交付金')!;
    ws.spliceColumns(7, 4);
    await wb.xlsx.writeFile(xlsx);
    const r = await runMain(['summary', xlsx, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).grantHistory.trend).toBeUndefined();
  });
});
