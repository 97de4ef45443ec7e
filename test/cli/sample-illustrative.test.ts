/**
 * The bundled Kyoto sample is honest about its header: its 資料番号, 担当課, 日付 and 委員会名
 * appear in neither seed, so its narrative marks them illustrative and the printed first page
 * says so; a narrative that marks nothing (a real user's) prints no such note.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { sampleBuild } from '../helpers/fixtures.ts';
import { readSeed, samplePath, SEED_KYOTO, SEED_NATIONAL } from '../helpers/seeds.ts';
import { SLOW_TEST_MS } from '../helpers/time-limits.ts';

const work = mkdtempSync(join(tmpdir(), 'kofukin-sample-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const NOTE = '※資料番号・担当課・日付・委員会名は記入例です。';
const firstPage = (pdf: string) => execFileSync('pdftotext', ['-f', '1', '-l', '1', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

describe('the sample header is marked illustrative', () => {
  it('narrative.json lists the header fields that appear in neither seed', () => {
    const n = JSON.parse(readFileSync(samplePath('narrative.json'), 'utf8'));
    expect(n.report.illustrative).toEqual(['documentNumber', 'department', 'date', 'committee']);
    const seeds = readSeed(SEED_KYOTO) + readSeed(SEED_NATIONAL);
    for (const value of [n.report.documentNumber, n.report.department, n.report.committee, '12月10日']) expect(seeds).not.toContain(value);
    expect(seeds).toContain('保険者機能強化推進交付金'); // the seeds are read
  });

  it('the printed sample says on its first page that those fields are examples; an unmarked narrative prints no note', async () => {
    // the sample as printed once for the test run (test/helpers/fixtures.ts)
    expect(firstPage((await sampleBuild('kyoto-2024')).pdf)).toContain(NOTE.replace(/\s+/g, ''));

    const n = JSON.parse(readFileSync(samplePath('narrative.json'), 'utf8'));
    delete n.report.illustrative;
    const plain = join(work, 'narrative.json');
    writeFileSync(plain, JSON.stringify(n));
    const out2 = join(work, 'plain');
    const p = await runMain(['build', samplePath('municipality.json'), '--narrative', plain, '--out', out2]);
    expect(p.code, p.stderr).toBe(0);
    const page = firstPage(join(out2, 'kofukin-2024-261009.pdf'));
    expect(page).toContain('令和6年12月10日');
    expect(page).not.toContain('記入例');
    expect(readFileSync(join(out2, 'kofukin-2024-261009.html'), 'utf8')).not.toContain('記入例');
  }, SLOW_TEST_MS);

  it('an unknown field name is refused where it is given', async () => {
    const n = JSON.parse(readFileSync(samplePath('narrative.json'), 'utf8'));
    n.report.illustrative = ['documentNumber', 'title'];
    const bad = join(work, 'bad-narrative.json');
    writeFileSync(bad, JSON.stringify(n, null, 2));
    const r = await runMain(['summary', samplePath('municipality.json'), '--narrative', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad-narrative\.json: \$\.report\.illustrative\[1\]/);
  });

  it('the fill-in workbook carries the list as 記入例の項目, and an unknown name there is refused at its cell', async () => {
    const xlsx = join(work, 'kyoto.xlsx');
    expect((await runMain(['init', samplePath('municipality.json'), '--out', xlsx])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const info = wb.getWorksheet('基本情報')!;
    let row = 0;
    info.eachRow((r, i) => {
      if (r.getCell(1).value === '記入例の項目') row = i;
    });
    expect(row).toBeGreaterThan(0);
    expect(info.getRow(row).getCell(2).value).toBe('資料番号・担当課・日付・委員会名');
    info.getRow(row).getCell(2).value = '資料番号・表題';
    const bad = join(work, 'kyoto-bad.xlsx');
    await wb.xlsx.writeFile(bad);
    const r = await runMain(['summary', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${bad}: 基本情報!B${row}: "表題" is not a header field (choose from 資料番号・担当課・日付・資料日付・委員会名・会議名)`);
  });
});
