/**
 * `kofukin compare`: the bundled designated-city comparison as XLSX (read back with an
 * independent reader and with LibreOffice) and as CSV; every score and rank equals the table of
 * seed 003 参考資料2; the per-indicator sheet; bad input writes nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { dataPath, readSeed, repoRoot, samplePath, SEED_KYOTO } from '../helpers/seeds.ts';
import { SLOW_TEST_MS } from '../helpers/time-limits.ts';
import { readXlsx, ref, type Xlsx, type XlsxSheet } from '../helpers/zip.ts';
import { CSV_UTF8, parseCsv, sofficeConvert, sofficePath, SOFFICE_MISSING } from './soffice.ts';

const peersFile = dataPath('peers/designated-cities-fy2024.json');
const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), `kofukin-${prefix}-`));

interface SeedRow {
  name: string;
  suishin: number;
  suishinRank: number;
  shien: number;
  shienRank: number;
  total: number;
  totalRank: number;
}

/** The table 各政令市の得点状況 of seed 003 (参考資料2), parsed from the seed text. */
function seedRows(): SeedRow[] {
  const text = readSeed(SEED_KYOTO);
  const table = text.slice(text.indexOf('各政令市の得点状況'));
  return [...table.matchAll(/^(\S+市)\t(\d+)点\t(\d+)位\t(\d+)点\t(\d+)位\t(\d+)点\t(\d+)位$/gm)].map((m) => {
    const [suishin, suishinRank, shien, shienRank, total, totalRank] = m.slice(2).map(Number) as [number, number, number, number, number, number];
    return { name: m[1]!, suishin, suishinRank, shien, shienRank, total, totalRank };
  });
}

/** Percent with one decimal, half up, in integers (independent of src/common/rate.ts). */
const rate = (score: number, max: number) => Math.floor((score * 2000 + max) / (2 * max)) / 10;
/** One decimal, half away from zero, in integers of tenths (x20 = exact for the means of 20 cities). */
const oneDecimal = (numerator: number, denominator: number) => {
  const tenths = (Math.abs(numerator) * 10 * 2 + denominator) / (2 * denominator);
  return (Math.sign(numerator) * Math.floor(tenths)) / 10;
};

describe('kofukin compare: bundled designated cities as XLSX', () => {
  const dir = tmp('compare');
  const out = join(dir, 'designated.xlsx');
  let book: Xlsx;
  let sheet: XlsxSheet;
  const v = (col: number, row: number) => sheet.cells.get(ref(col, row))?.value ?? null;

  beforeAll(async () => {
    const r = await runMain(['compare', peersFile, '--highlight', '261009', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(out);
    book = readXlsx(readFileSync(out));
    sheet = book.sheets[0]!;
  });

  it('has one sheet 比較表 (the bundled group has no per-indicator data)', () => {
    expect(book.sheets.map((s) => s.name)).toEqual(['比較表']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('every score and rank equals seed 003 参考資料2, ties included (read without exceljs)', () => {
    const seed = seedRows();
    expect(seed).toHaveLength(20);
    const rows = seed.map((_, i) => 5 + i);
    const table = rows.map((r) => ({
      name: v(2, r),
      suishin: v(3, r),
      suishinRank: v(4, r),
      shien: v(7, r),
      shienRank: v(8, r),
      total: v(11, r),
      totalRank: v(12, r),
    }));
    expect(table).toEqual(seed);
    // the row after the members is the mean, nothing else in between
    expect(v(2, 25)).toBe('平均');
    // ties as printed: 仙台市 and 静岡市 share 3rd in all three; three cities share 10th in 総合
    expect(table.filter((t) => t.totalRank === 10).map((t) => t.name)).toEqual(['さいたま市', '横浜市', '神戸市']);
  });

  it('rates, differences from the mean and the mean row agree with the seed scores', () => {
    const seed = seedRows();
    const sums = { suishin: 0, shien: 0, total: 0 };
    for (const s of seed) {
      sums.suishin += s.suishin;
      sums.shien += s.shien;
      sums.total += s.total;
    }
    seed.forEach((s, i) => {
      const r = 5 + i;
      const parts = [
        [s.suishin, 400, sums.suishin, 3],
        [s.shien, 400, sums.shien, 7],
        [s.total, 800, sums.total, 11],
      ] as const;
      for (const [score, max, sum, col] of parts) {
        expect(Math.round((v(col + 2, r) as number) * 1000) / 10, `${s.name} rate`).toBe(rate(score, max));
        expect(v(col + 3, r), `${s.name} diff`).toBe(oneDecimal(score * 20 - sum, 20));
      }
    });
    expect(v(3, 25)).toBe(oneDecimal(sums.suishin, 20));
    expect(v(7, 25)).toBe(oneDecimal(sums.shien, 20));
    expect(v(11, 25)).toBe(oneDecimal(sums.total, 20));
  });

  it('codes stay 6-digit text; title, note and source are there', () => {
    expect(v(1, 5)).toBe('011002');
    expect(v(1, 16)).toBe('261009');
    expect(v(1, 1)).toBe('令和6年度 政令指定都市（20市） 評価得点比較');
    expect(String(v(1, 2))).toContain('1, 2, 3, 3, 5');
    const group = JSON.parse(readFileSync(peersFile, 'utf8'));
    const texts = [...sheet.cells.values()].map((c) => c.value);
    expect(texts).toContain(`出典：${group.source}`);
    expect([v(1, 3), v(2, 3), v(3, 3), v(7, 3), v(11, 3)]).toEqual(['団体コード', '市名', '推進交付金（400点満点）', '支援交付金（400点満点）', '総合（800点満点）']);
    expect([3, 4, 5, 6].map((c) => v(c, 4))).toEqual(['得点', '順位', '得点率', '平均との差']);
  });

  it('the highlighted city (京都市, row 16) is filled and bold; the others are not', () => {
    for (let r = 5; r <= 24; r++) {
      for (let c = 1; c <= 14; c++) {
        const cell = sheet.cells.get(ref(c, r))!;
        const style = book.style(cell.style);
        const expected = r === 16;
        expect(style.bold, `${ref(c, r)} bold`).toBe(expected);
        expect(style.fill !== null, `${ref(c, r)} fill`).toBe(expected);
      }
    }
    expect(v(2, 16)).toBe('京都市');
  });

  it('number formats, frozen header, widths, A4 landscape one page wide, print titles', () => {
    const fmt = (c: number, r: number) => book.style(sheet.cells.get(ref(c, r))!.style).numFmt;
    expect(fmt(3, 5)).toBe('0');
    expect(fmt(4, 5)).toBe('0"位"');
    expect(fmt(5, 5)).toBe('0.0%');
    expect(fmt(6, 5)).toBe('+0.0;"−"0.0;0.0');
    expect(fmt(3, 25)).toBe('0.0');
    expect(sheet.xml).toMatch(/<pane\b[^>]*ySplit="4"[^>]*state="frozen"/);
    expect([...sheet.xml.matchAll(/<col\b[^>]*customWidth="1"/g)].length).toBeGreaterThanOrEqual(14);
    const setup = /<pageSetup\b[^>]*>/.exec(sheet.xml)?.[0] ?? '';
    expect(setup).toContain('paperSize="9"');
    expect(setup).toContain('orientation="landscape"');
    expect(setup).toContain('fitToWidth="1"');
    expect(setup).toContain('fitToHeight="0"');
    expect(sheet.xml).toMatch(/<pageSetUpPr\b[^>]*fitToPage="1"/);
    expect(book.workbookXml).toMatch(/<definedName name="_xlnm.Print_Titles"[^>]*>[^<]*\$3:\$4<\/definedName>/);
  });

  it.skipIf(!sofficePath())(`opens in LibreOffice headless; its CSV shows the seed figures as formatted${sofficePath() ? '' : ` (skipped: ${SOFFICE_MISSING})`}`, () => {
    const csvDir = join(dir, 'lo');
    mkdirSync(csvDir);
    const r = sofficeConvert(out, CSV_UTF8, csvDir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/\berror\b/i);
    const csvFile = join(csvDir, 'designated.csv');
    expect(existsSync(csvFile)).toBe(true);
    const rows = parseCsv(readFileSync(csvFile, 'utf8'));
    const members = rows.filter((row) => /^\d{6}$/.test(row[0] ?? ''));
    expect(members).toHaveLength(20);
    const seed = seedRows();
    members.forEach((row, i) => {
      const s = seed[i]!;
      expect([row[1], row[2], row[3], row[6], row[7], row[10], row[11]]).toEqual([
        s.name,
        String(s.suishin),
        `${s.suishinRank}位`,
        String(s.shien),
        `${s.shienRank}位`,
        String(s.total),
        `${s.totalRank}位`,
      ]);
      expect(row[4]).toBe(`${rate(s.suishin, 400).toFixed(1)}%`);
      expect(row[13]).toMatch(/^([+−]\d+\.\d|0\.0)$/);
    });
    const kyoto = members.find((row) => row[1] === '京都市')!;
    expect(kyoto.slice(2, 14)).toEqual(['277', '9位', '69.3%', '+11.8', '283', '3位', '70.8%', '+18.0', '560', '5位', '70.0%', '+29.8']);
  }, SLOW_TEST_MS);
});

describe('kofukin compare --csv', () => {
  it('writes the same main table as UTF-8 CSV with BOM and CRLF', async () => {
    const dir = tmp('compare-csv');
    const out = join(dir, 'designated.csv');
    const r = await runMain(['compare', peersFile, '--highlight', '京都市', '--csv', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const rows = parseCsv(text.replace(/\r\n$/, ''));
    expect(rows[0]).toEqual([
      '団体コード', '市名',
      '推進交付金 得点', '推進交付金 順位', '推進交付金 得点率', '推進交付金 平均との差',
      '支援交付金 得点', '支援交付金 順位', '支援交付金 得点率', '支援交付金 平均との差',
      '総合 得点', '総合 順位', '総合 得点率', '総合 平均との差',
    ]);
    expect(rows).toHaveLength(22);
    const seed = seedRows();
    rows.slice(1, 21).forEach((row, i) => {
      const s = seed[i]!;
      expect([row[1], row[2], row[3], row[6], row[7], row[10], row[11]].map((x) => (x === row[1] ? x : Number(x)))).toEqual([
        s.name, s.suishin, s.suishinRank, s.shien, s.shienRank, s.total, s.totalRank,
      ]);
      expect(row[4]).toBe(`${rate(s.suishin, 400).toFixed(1)}%`);
      expect(row[12]).toBe(`${rate(s.total, 800).toFixed(1)}%`);
    });
    expect(rows[12]).toEqual(['261009', '京都市', '277', '9', '69.3%', '+11.8', '283', '3', '70.8%', '+18.0', '560', '5', '70.0%', '+29.8']);
    expect(rows[21]!.slice(0, 3)).toEqual(['', '平均', '265.3']);
  });

  it('CSV and XLSX hold the same figures', async () => {
    const dir = tmp('compare-same');
    expect((await runMain(['compare', peersFile, '--csv', '--out', join(dir, 'a.csv')])).code).toBe(0);
    expect((await runMain(['compare', peersFile, '--out', join(dir, 'a.xlsx')])).code).toBe(0);
    const csv = parseCsv(readFileSync(join(dir, 'a.csv'), 'utf8').slice(1).replace(/\r\n$/, ''));
    const sheet = readXlsx(readFileSync(join(dir, 'a.xlsx'))).sheets[0]!;
    for (let i = 1; i <= 21; i++) {
      const xlsxRow = Array.from({ length: 14 }, (_, c) => sheet.cells.get(ref(c + 1, 4 + i))?.value ?? '');
      const csvRow = csv[i]!.map((x, c) => {
        if (c < 2 || x === '') return x;
        if (x.endsWith('%')) return Math.round(Number(x.slice(0, -1)) * 10) / 1000;
        return Number(x);
      });
      expect(csvRow).toEqual(xlsxRow);
    }
  });

  it('default output: out/<peer file name>-compare.xlsx (.csv with --csv) under the working directory', () => {
    const cwd = tmp('compare-cwd');
    for (const args of [[], ['--csv']]) {
      const r = spawnSync(process.execPath, [join(repoRoot, 'bin/kofukin.js'), 'compare', peersFile, ...args], { cwd, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    }
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(['designated-cities-fy2024-compare.csv', 'designated-cities-fy2024-compare.xlsx']);
  }, SLOW_TEST_MS);
});

describe('kofukin compare: per-indicator peer data', () => {
  const kyotoScores = JSON.parse(readFileSync(samplePath('municipality.json'), 'utf8')).scores as Record<string, number>;
  const withScores = (f: (group: any) => void) => {
    const dir = tmp('compare-ind');
    const group = JSON.parse(readFileSync(peersFile, 'utf8'));
    f(group);
    const file = join(dir, 'peers.json');
    writeFileSync(file, JSON.stringify(group, null, 2));
    const outDir = join(dir, 'out');
    mkdirSync(outDir);
    return { file, outDir };
  };

  it('adds the sheet 指標別比較: indicators × cities with scores, plus the mean', async () => {
    const { file, outDir } = withScores((g) => {
      g.members[11].scores = kyotoScores; // 京都市, complete
      g.members[12].scores = { 'suishin.I.i.1': 16, 'suishin.I.i.2': 12 }; // 大阪市, partial
    });
    const out = join(outDir, 'c.xlsx');
    const r = await runMain(['compare', file, '--highlight', '261009', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const book = readXlsx(readFileSync(out));
    expect(book.sheets.map((s) => s.name)).toEqual(['比較表', '指標別比較']);
    const s = book.sheets[1]!;
    const v = (c: number, row: number) => s.cells.get(ref(c, row))?.value ?? null;
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => v(c, 3))).toEqual(['交付金', '指標', '項目名', '満点', '京都市', '大阪市', '平均']);
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => v(c, 4))).toEqual(['推進', '目標Ⅰ－(i)－1', '地域の介護保険事業の特徴の把握', 16, 16, 16, 16]);
    expect([2, 4, 5, 6, 7].map((c) => v(c, 5))).toEqual(['目標Ⅰ－(i)－2', 16, 16, 12, 14]);
    expect([2, 4, 5, 6, 7].map((c) => v(c, 6))).toEqual(['目標Ⅰ－(i)－3', 16, 16, null, 16]);
    // 21 推進 indicators, 合計, 32 支援 indicators, 合計
    expect([v(2, 25), v(4, 25), v(5, 25), v(6, 25), v(7, 25)]).toEqual(['合計', 400, 277, 285, 281]);
    expect([v(1, 26), v(2, 26)]).toEqual(['支援', '目標Ⅰ－(i)－1']);
    expect([v(2, 58), v(5, 58), v(6, 58)]).toEqual(['合計', 283, 299]);
    // Kyoto's column is highlighted
    expect(book.style(s.cells.get('E3')!.style).fill).not.toBeNull();
    expect(book.style(s.cells.get('E10')!.style).bold).toBe(true);
    expect(book.style(s.cells.get('F10')!.style).bold).toBe(false);
  });

  it('rejects per-indicator scores that break the catalog, naming the JSON path; writes nothing', async () => {
    const { file, outDir } = withScores((g) => {
      g.members[11].scores = { ...kyotoScores, 'suishin.I.i.1': 15 };
      g.members[12].scores = { 'suishin.I.i.1': 17, 'suishin.I.i.9': 1 };
    });
    const r = await runMain(['compare', file, '--out', join(outDir, 'c.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: $.members[11].suishin: stated 推進 score of 京都市 277 does not equal the 276 derived`);
    expect(r.stderr).toContain(`${file}: $.members[12].scores["suishin.I.i.1"]: score 17 of "suishin.I.i.1" is above its maximum 16`);
    expect(r.stderr).toContain(`${file}: $.members[12].scores["suishin.I.i.9"]: unknown indicator`);
    expect(readdirSync(outDir)).toEqual([]);
  });
});

describe('kofukin compare: bad input writes nothing', () => {
  it('a stated rank that disagrees with the scores', async () => {
    const dir = tmp('compare-bad');
    const group = JSON.parse(readFileSync(peersFile, 'utf8'));
    group.members[0].stated.totalRank = 7;
    const file = join(dir, 'peers.json');
    writeFileSync(file, JSON.stringify(group));
    const outDir = join(dir, 'out');
    mkdirSync(outDir);
    for (const extra of [[], ['--csv']]) {
      const r = await runMain(['compare', file, ...extra, '--out', join(outDir, extra.length ? 'c.csv' : 'c.xlsx')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${file}: $.members[0].stated.totalRank: stated 総合 rank of 札幌市 is 7 but the scores give 8`);
    }
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('an unknown --highlight is a usage error', async () => {
    const outDir = tmp('compare-hl');
    const r = await runMain(['compare', peersFile, '--highlight', '999999', '--out', join(outDir, 'c.xlsx')]);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('--highlight 999999: no member');
    expect(readdirSync(outDir)).toEqual([]);
  });
});
