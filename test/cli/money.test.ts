/**
 * Money through the real CLI: `kofukin grants` (files, --json, budgets, --needs with located
 * errors) and `--nation` on whatif / summary.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { dataPath, repoRoot, samplePath } from '../helpers/seeds.ts';
import { writeSyntheticNation } from '../money/nation-fixture.ts';

let nation: ReturnType<typeof writeSyntheticNation>;
/** A smaller nation for the runs that print their JSON to standard output. */
let small: ReturnType<typeof writeSyntheticNation>;
beforeAll(() => {
  nation = writeSyntheticNation(1, 1741);
  small = writeSyntheticNation(2, 200);
});

interface GrantsDoc {
  format: string;
  fictional: boolean;
  municipalityCount: number;
  grants: Record<'suishin' | 'shien', { budgetYen: number; allocatedYen: number; unallocatedYen: number; cappedCount: number; displayedSenTotal: number; truncatedYen: number }>;
  municipalities: Array<{ code: string } & Record<'suishin' | 'shien', { amountYen: number; amountSen: number; needYen: number | null; capped: boolean; yenPerPoint: number; shareYen: number }>>;
}

describe('kofukin grants', () => {
  it('writes XLSX, CSV (UTF-8 BOM) and JSON whose amounts add up to the budgets', async () => {
    const out = join(nation.dir, 'out1');
    const r = await runMain(['grants', nation.file, '--budget-suishin', '100億', '--budget-shien', '200億円', '--out', out, '--date', '2025-01-01']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('架空の全国データ');
    expect(r.stdout).toContain('激変緩和措置');
    expect(readdirSync(out).sort()).toEqual(['kofukin-grants-2024.csv', 'kofukin-grants-2024.json', 'kofukin-grants-2024.xlsx']);

    const doc = JSON.parse(readFileSync(join(out, 'kofukin-grants-2024.json'), 'utf8')) as GrantsDoc;
    expect(doc.format).toBe('kofukin-grants/1');
    expect(doc.fictional).toBe(true);
    expect(doc.municipalityCount).toBe(1741);
    for (const [g, budget] of [['suishin', 10_000_000_000], ['shien', 20_000_000_000]] as const) {
      expect(doc.grants[g].budgetYen).toBe(budget);
      expect(doc.municipalities.reduce((s, m) => s + m[g].amountYen, 0)).toBe(budget);
      expect(doc.grants[g].displayedSenTotal * 1000 + doc.grants[g].truncatedYen).toBe(budget);
      expect(doc.grants[g].truncatedYen).toBeLessThan(1000 * 1741);
    }

    const csv = readFileSync(join(out, 'kofukin-grants-2024.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF団体コード,都道府県,市区町村,第1号被保険者数,推進_得点')).toBe(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1742);
    const header = lines[0]!.replace('\uFEFF', '').split(',');
    const col = header.indexOf('支援_交付見込額（円）');
    expect(lines.slice(1).reduce((s, l) => s + Number(l.split(',')[col]), 0)).toBe(20_000_000_000);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, 'kofukin-grants-2024.xlsx')) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概要', '交付見込額']);
    expect(wb.getWorksheet('交付見込額')!.rowCount).toBe(1742);
    expect(String(wb.getWorksheet('概要')!.getCell('A3').value)).toContain('架空の全国データ');
  });

  it('prints JSON with --json and writes nothing without --out; budgets default to FY2024', async () => {
    const outDir = join(repoRoot, 'out');
    const before = existsSync(outDir) ? readdirSync(outDir).sort() : [];
    const r = await runMain(['grants', small.file, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as GrantsDoc;
    expect(doc.municipalityCount).toBe(200);
    expect([doc.grants.suishin.budgetYen, doc.grants.shien.budgetYen]).toEqual([10_000_000_000, 20_000_000_000]);
    expect(existsSync(outDir) ? readdirSync(outDir).sort() : []).toEqual(before);
  });

  it('accepts 1.5兆 and plain yen, and rejects an unreadable budget as bad usage', async () => {
    const ok = await runMain(['grants', small.file, '--json', '--budget-suishin', '1.5兆', '--budget-shien', '10000000000']);
    expect(ok.code).toBe(0);
    const doc = JSON.parse(ok.stdout) as GrantsDoc;
    expect([doc.grants.suishin.budgetYen, doc.grants.shien.budgetYen]).toEqual([1_500_000_000_000, 10_000_000_000]);
    expect(doc.municipalities.reduce((s, m) => s + m.suishin.amountYen, 0)).toBe(1_500_000_000_000);
    const bad = await runMain(['grants', small.file, '--json', '--budget-suishin', '100ドル']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('--budget-suishin "100ドル" is not an amount');
  });

  it('caps at the needs and shares the rest again', async () => {
    const [a, b] = small.rows;
    const needs = join(small.dir, 'needs.csv');
    writeFileSync(needs, `code,suishin,shien\r\n${a!.code},1000,\r\n${b!.code},"2,000",3000\r\n`);
    const r = await runMain(['grants', small.file, '--json', '--needs', needs]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as GrantsDoc;
    const [ma, mb] = [doc.municipalities.find((m) => m.code === a!.code)!, doc.municipalities.find((m) => m.code === b!.code)!];
    expect([ma.suishin.amountYen, ma.suishin.capped, ma.shien.needYen]).toEqual([1_000_000, true, null]);
    expect([mb.suishin.amountYen, mb.shien.amountYen]).toEqual([2_000_000, 3_000_000]);
    expect(doc.grants.suishin.cappedCount).toBe(2);
    expect(doc.municipalities.reduce((s, m) => s + m.suishin.amountYen, 0)).toBe(10_000_000_000);
    // the others got more than their share before caps
    const other = doc.municipalities.find((m) => !m.suishin.capped && m.suishin.shareYen > 0)!;
    expect(other.suishin.amountYen).toBeGreaterThan(other.suishin.shareYen);
  });

  it('names every problem of a needs file by line and column', async () => {
    const needs = join(nation.dir, 'bad-needs.csv');
    writeFileSync(needs, `code,suishin\n261009,100\n${nation.rows[0]!.code},abc\n`);
    const r = await runMain(['grants', nation.file, '--needs', needs]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${needs}: line 2, column 1 (code): municipality 261009 is not in the national results file`);
    expect(r.stderr).toContain(`${needs}: line 3, column 2 (suishin): "abc" is not an amount`);
  });

  it('needs grant scores in the national file', async () => {
    const f = join(nation.dir, 'totals.csv');
    writeFileSync(f, 'code,prefecture,name,insuredType1,total\n261009,京都府,京都市,393443,560\n');
    const r = await runMain(['grants', f, '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has only the overall total');
  });
});

describe('--nation on whatif and summary', () => {
  it('whatif: a money column and JSON fields', async () => {
    const t = await runMain(['whatif', samplePath('municipality.json'), '--nation', nation.file, '--top', '3']);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('架空の全国データによる例示');
    expect(t.stdout).toMatch(/1点当たり 推進 約[\d,]+千円、支援 約[\d,]+千円/);
    expect(t.stdout).toMatch(/\+20\s+≈\+[\d,]+千円/);
    const j = await runMain(['whatif', samplePath('municipality.json'), '--nation', nation.file, '--json']);
    const doc = JSON.parse(j.stdout) as {
      money: { fictional: boolean; addedSelf: boolean; grants: Record<string, { yenPerPoint: number }> };
      items: Array<{ grant: string; nextGain: number; nextGainYen: number; maxGainYen: number }>;
    };
    expect(doc.money.fictional).toBe(true);
    expect(doc.money.addedSelf).toBe(true);
    for (const i of doc.items) {
      expect(i.nextGainYen).toBeGreaterThan(0);
      expect(i.maxGainYen).toBeGreaterThanOrEqual(i.nextGainYen);
      // close to nextGain × yen per point (the exact difference shrinks slightly with more points)
      expect(i.nextGainYen).toBeLessThanOrEqual(i.nextGain * doc.money.grants[i.grant]!.yenPerPoint + 1);
      expect(i.nextGainYen).toBeGreaterThan(i.nextGain * doc.money.grants[i.grant]!.yenPerPoint * 0.99);
    }
    const plain = JSON.parse((await runMain(['whatif', samplePath('municipality.json'), '--json'])).stdout) as { money: null; items: Array<{ nextGainYen: null }> };
    expect(plain.money).toBeNull();
    expect(plain.items[0]!.nextGainYen).toBeNull();
  });

  it('summary: a real-looking nation that has the municipality with other figures gives a warning', async () => {
    const f = join(nation.dir, 'small.csv');
    writeFileSync(
      f,
      'code,prefecture,name,insuredType1,suishin,shien\n261009,京都府,京都市,393443,270,283\n011002,北海道,札幌市,500000,250,260\n131016,東京都,千代田区,12000,300,310\n',
    );
    const r = await runMain(['summary', samplePath('municipality.json'), '--nation', f, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${f}: code 261009: the national results file gives 261009 a suishin score of 270 but the report has 277`);
    const doc = JSON.parse(r.stdout) as { money: { addedSelf: boolean; municipalityCount: number; fictional: boolean }; nationalComparison: { municipalityCount: number; source: string } };
    expect([doc.money.addedSelf, doc.money.municipalityCount, doc.money.fictional]).toEqual([false, 3, false]);
    expect(doc.nationalComparison.municipalityCount).toBe(3);
    expect(doc.nationalComparison.source).not.toContain('架空');
    const strict = await runMain(['summary', samplePath('municipality.json'), '--nation', f, '--strict']);
    expect(strict.code).toBe(2);
  });

  it('an explicit --national still supplies the comparison table', async () => {
    const r = await runMain(['summary', samplePath('municipality.json'), '--nation', nation.file, '--national', dataPath('national/fy2024-summary.json'), '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { money: { municipalityCount: number }; nationalComparison: { municipalityCount: number; source: string } };
    expect(doc.money.municipalityCount).toBe(1742);
    expect(doc.nationalComparison.source).not.toContain('架空');
    expect(existsSync(nation.file)).toBe(true);
  });
});
