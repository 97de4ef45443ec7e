/**
 * Round trip of the fill-in workbook: the Kyoto JSON sample → `kofukin init` workbook → read back
 * with src/workbook/read.ts → the same derived report as from the JSON (and the same PDF text
 * from `build`). Also: a workbook saved again by LibreOffice reads the same, and a fresh
 * workbook filled in cell by cell gives the expected totals.
 */
import { deriveFromInputs } from '../../src/pipeline/derive-inputs.ts';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DerivedReport } from '../../src/derive/report.ts';
import { loadReportInputs, type ReportInputs } from '../../src/load/report-inputs.ts';
import { readWorkbook } from '../../src/workbook/read.ts';
import { runMain } from '../helpers/cli.ts';
import { sampleBuild } from '../helpers/fixtures.ts';
import { pdfText } from '../helpers/pdf.ts';
import { SLOW_TEST_MS } from '../helpers/time-limits.ts';
import { samplePath } from '../helpers/seeds.ts';
import { sofficeConvert, sofficePath, SOFFICE_MISSING } from '../export/soffice.ts';

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), `kofukin-${prefix}-`));

function derive(i: ReportInputs): DerivedReport {
  return deriveFromInputs(i);
}

/** The derived report without file names (warnings name the file they are about). */
function withoutFileNames(r: DerivedReport) {
  return { ...r, warnings: r.warnings.map((w) => ({ ...w, location: { ...w.location, file: '' } })) };
}

const readXlsx = (f: string) => readWorkbook(f);

describe('fill-in workbook round trip (Kyoto sample)', () => {
  const dir = tmp('roundtrip');
  const workbook = join(dir, 'kyoto.xlsx');
  let fromJson: ReportInputs;
  let fromXlsx: ReportInputs;

  beforeAll(async () => {
    const r = await runMain(['init', samplePath('municipality.json'), '--out', workbook]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(workbook);
    fromJson = await loadReportInputs(samplePath('municipality.json'));
    fromXlsx = await loadReportInputs(workbook, { readResults: readXlsx });
  });

  it('writes the sheets of the documented layout', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(workbook);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['基本情報', '推進', '支援', '未得点理由', '交付金', 'スケジュール']);
    const suishin = wb.getWorksheet('推進')!;
    expect(suishin.getRow(3).values).toEqual([undefined, '指標ID', '指標', '項目名', '評価指標', '得点', '満点', '配点', '指標群・算定']);
    expect(suishin.getCell('A4').value).toBe('suishin.I.i.1');
    expect(suishin.getCell('B4').value).toBe('目標Ⅰ－(i)－1');
    expect(suishin.getCell('E4').value).toBe(16);
    expect(suishin.getCell('F4').value).toBe(16);
    // 目標Ⅰ(i)1 is scored ア～エ 各4点: the cell offers exactly 0, 4, 8, 12, 16
    expect(suishin.getCell('E4').dataValidation).toMatchObject({ type: 'list', formulae: ['"0,4,8,12,16"'], showInputMessage: true });
    expect(suishin.getCell('E4').protection).toMatchObject({ locked: false });
    expect(suishin.getCell('A4').protection?.locked).not.toBe(false);
    expect((suishin as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection).toMatchObject({ sheet: true });
    expect((suishin as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection.hashValue).toBeUndefined();
    expect(suishin.getCell('A25').value).toBe('合計');
    expect(wb.getWorksheet('未得点理由')!.getCell('A4').value).toBe('suishin.I.ii.3');
  });

  it('reads back the same results, narrative and grant history', () => {
    expect(fromXlsx.results.scores).toEqual(fromJson.results.scores);
    expect(fromXlsx.results.municipality).toEqual(fromJson.results.municipality);
    expect(fromXlsx.results.statedTotals).toEqual(fromJson.results.statedTotals);
    expect(fromXlsx.narrative?.data).toEqual(fromJson.narrative?.data);
    expect(fromXlsx.narrative?.file).toBe(workbook);
    expect(fromXlsx.grants?.data).toEqual(fromJson.grants?.data);
    expect(fromXlsx.grants?.file).toBe(workbook);
    expect(fromXlsx.national?.file).toBe(fromJson.national?.file);
    expect(fromXlsx.peers?.file).toBe(fromJson.peers?.file);
  });

  it('deriveReport gives the same derived figures as from the JSON', () => {
    expect(withoutFileNames(derive(fromXlsx))).toEqual(withoutFileNames(derive(fromJson)));
  });

  it('summary --json: the same document from the JSON and from the workbook', async () => {
    const a = await runMain(['summary', samplePath('municipality.json'), '--json']);
    const b = await runMain(['summary', workbook, '--json']);
    expect(b.stderr).toBe('');
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(JSON.parse(b.stdout)).toEqual(JSON.parse(a.stdout));
  });

  it('init refuses to overwrite an existing workbook without --force', async () => {
    const before = statSync(workbook).mtimeMs;
    const r = await runMain(['init', samplePath('municipality.json'), '--out', workbook]);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('already exists');
    expect(statSync(workbook).mtimeMs).toBe(before);
    expect((await runMain(['init', samplePath('municipality.json'), '--out', workbook, '--force'])).code).toBe(0);
  });

  it('build: the PDF text from the workbook equals the one from the JSON (pdftotext)', async () => {
    const fromJsonPdf = (await sampleBuild('kyoto-2024')).pdf; // the run's print of the JSON sample
    const outXlsx = join(dir, 'build-xlsx');
    const b = await runMain(['build', workbook, '--out', outXlsx, '--strict'], { env: { SOURCE_DATE_EPOCH: '' } });
    expect(b.code, b.stderr).toBe(0);
    const pdfOf = (d: string) => join(d, readdirSync(d).find((f) => f.endsWith('.pdf'))!);
    const ta = pdfText(fromJsonPdf);
    expect(ta).toContain('京都市');
    expect(pdfText(pdfOf(outXlsx))).toBe(ta);
  }, SLOW_TEST_MS);

  it.skipIf(!sofficePath())(`a workbook saved again by LibreOffice reads the same${sofficePath() ? '' : ` (skipped: ${SOFFICE_MISSING})`}`, async () => {
    const lo = join(dir, 'lo');
    mkdirSync(lo);
    const r = sofficeConvert(workbook, 'xlsx:Calc MS Excel 2007 XML', lo);
    expect(r.code, r.stderr).toBe(0);
    // same directory as the original, so the relative companion-file paths still resolve
    const resaved = join(dir, 'kyoto-libreoffice.xlsx');
    copyFileSync(join(lo, 'kyoto.xlsx'), resaved);
    const again = await loadReportInputs(resaved, { readResults: readXlsx });
    expect(withoutFileNames(derive(again))).toEqual(withoutFileNames(derive(fromJson)));
    expect(again.narrative?.data).toEqual(fromJson.narrative?.data);
  }, SLOW_TEST_MS);
});

describe('a fresh workbook (init --code …) filled in cell by cell', () => {
  it('lists every indicator with empty score cells; filled in, it gives the sample totals', async () => {
    const dir = tmp('fresh');
    const file = join(dir, 'fresh.xlsx');
    const r = await runMain(['init', '--code', '261009', '--name', '京都市', '--prefecture', '京都府', '--insured', '393,443', '--year', '2024', '--out', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);

    // unfilled: every score cell is reported, located
    const empty = await runMain(['summary', file]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain(`${file}: 推進!E4: no score for 目標Ⅰ－(i)－1 (suishin.I.i.1): enter a whole number from 0 to 16`);
    expect(empty.stderr).toContain(`${file}: 支援!E35: no score for 目標Ⅳ－5 (shien.IV.5)`);
    expect(empty.stderr.match(/no score for/g)).toHaveLength(53);

    // staff type the scores
    const scores = JSON.parse(readFileSync(samplePath('municipality.json'), 'utf8')).scores as Record<string, number>;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet('基本情報')!.getCell('B5').value).toBe('261009');
    for (const name of ['推進', '支援']) {
      const ws = wb.getWorksheet(name)!;
      ws.eachRow((row) => {
        const id = row.getCell(1).value;
        if (typeof id === 'string' && id in scores) row.getCell(5).value = scores[id]!;
      });
    }
    await wb.xlsx.writeFile(file);
    const filled = await runMain(['summary', file, '--json']);
    expect(filled.code, filled.stderr).toBe(0);
    const j = JSON.parse(filled.stdout);
    expect([j.scoreSheet.grants[0].score, j.scoreSheet.grants[1].score, j.scoreSheet.score]).toEqual([277, 283, 560]);
    // the bundled national table and peer group were found for this code
    expect(j.peerPlacement.totalRank).toBe(5);
    expect(j.nationalComparison.municipalityCount).toBe(1741);
    expect(j.grantHistory).toBeNull();
    expect(j.municipality).toEqual({ code: '261009', name: '京都市', prefecture: '京都府', insuredType1: 393443, fictional: false });
    expect(existsSync(file)).toBe(true);
  });
});
