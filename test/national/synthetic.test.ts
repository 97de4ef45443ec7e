/**
 * The synthetic national dataset (kofukin synth) and the derivations on it: 1,741 fictional
 * municipalities with a fixed seed, written as the national file format, read back, derived, and
 * checked against an independent computation straight from the file's rows; the means against
 * seed 000's published ones; the per-prefecture distribution; determinism.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/load/catalog.ts';
import { loadJson } from '../../src/load/json.ts';
import { loadScoringRules } from '../../src/load/scoring-rules.ts';
import { checkNational } from '../../src/load/rules.ts';
import { NationalAggregates } from '../../src/load/schemas/inputs.ts';
import { achievableScores } from '../../src/scoring/engine.ts';
import { deriveScoreSheet } from '../../src/derive/scores.ts';
import { deriveNationalComparison } from '../../src/derive/national.ts';
import { formatCsv } from '../../src/output/csv.ts';
import { readNationalFile } from '../../src/national/read.ts';
import { deriveNational, sizeClassOf, type NationalDerived } from '../../src/national/derive.ts';
import { PREFECTURES, hasValidCheckDigit } from '../../src/common/prefectures.ts';
import { mulberry32 } from '../../src/common/random.ts';
import { synthTable, synthesizeNational } from '../../src/national/synth.ts';
import { resultsWorkbook } from '../../src/national/xlsx.ts';
import type { NationalDataset } from '../../src/load/schemas/national.ts';
import { dataPath } from '../helpers/seeds.ts';

const SEED = 20240401;
const catalog = loadCatalog(2024);
const rules = loadScoringRules(2024)!;
const targets = loadJson(NationalAggregates, dataPath('national/fy2024-summary.json'));
const dir = mkdtempSync(join(tmpdir(), 'kofukin-national-'));
const csvFile = join(dir, 'synthetic.csv');

let csv = '';
let ds: NationalDataset;
let derived: NationalDerived;
/** The file's rows as plain objects, parsed here without the project's reader. */
let rows: Array<Record<string, string>> = [];

beforeAll(async () => {
  const ms = synthesizeNational({ seed: SEED, count: 1741, catalog, rules, targets });
  csv = formatCsv(synthTable(ms, catalog, true), { bom: true });
  writeFileSync(csvFile, csv);
  ds = await readNationalFile(csvFile, { catalog, rules });
  derived = deriveNational(ds, catalog);
  // independent parse: the synthetic file has no quoted fields
  const lines = readFileSync(csvFile, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  const header = lines[0]!.split(',');
  rows = lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [header[i]!, v])));
});

/** Indicator ids of a national column, from the catalog directly. */
function idsOf(key: string): string[] {
  const all = catalog.grants.flatMap((g) =>
    g.goals.flatMap((goal) => goal.groups.flatMap((grp) => grp.indicators.map((i) => ({ id: i.id, grant: g.id, goal: goal.id, kind: grp.kind })))),
  );
  const [a, b, c] = key.split('.');
  if (a === 'all') return b === 'total' ? all.map((i) => i.id) : all.filter((i) => i.kind === b).map((i) => i.id);
  if (b === 'total') return all.filter((i) => i.grant === a).map((i) => i.id);
  if (b === 'IV') return all.filter((i) => i.grant === a && i.goal === 'IV').map((i) => i.id);
  return all.filter((i) => i.grant === a && i.goal === b && (c === 'subtotal' || i.kind === c)).map((i) => i.id);
}

describe('the synthetic dataset', () => {
  it('has 1,741 fictional rows, valid codes of 47 prefectures, and every class filled', () => {
    expect(rows).toHaveLength(1741);
    expect(ds.fictional).toBe(true);
    expect(ds.level).toBe('indicators');
    expect(rows.every((r) => r.fictional === 'true')).toBe(true);
    expect(rows.every((r) => /^架空[市町村]\d{4}$/.test(r.name!))).toBe(true);
    expect(rows.every((r) => hasValidCheckDigit(r.code!) && PREFECTURES.find((p) => p.code === r.code!.slice(0, 2))?.name === r.prefecture)).toBe(true);
    expect(new Set(rows.map((r) => r.code)).size).toBe(1741);
    expect(new Set(rows.map((r) => r.prefecture)).size).toBe(47);
    const classes = new Map<string, number>();
    for (const r of rows) classes.set(sizeClassOf(Number(r.insuredType1)), (classes.get(sizeClassOf(Number(r.insuredType1))) ?? 0) + 1);
    for (const c of ['over100k', '50kTo100k', '10kTo50k', '3kTo10k', 'under3k']) expect(classes.get(c) ?? 0, c).toBeGreaterThanOrEqual(30);
    expect(classes.get('over100k')!).toBeLessThan(120);
    expect(classes.get('under3k')! + classes.get('3kTo10k')!).toBeGreaterThan(600); // many small towns
  });

  it('every score is one its 配点 rule can produce, and within its maximum', () => {
    for (const [id, rule] of Object.entries(rules.rules)) {
      const ok = new Set(achievableScores(rule.rule));
      const bad = rows.filter((r) => !ok.has(Number(r[id])));
      expect(bad, id).toEqual([]);
    }
    // e.g. 各3点 tiers: multiples of 3 only
    expect(rows.every((r) => Number(r['suishin.I.ii.1']) % 3 === 0)).toBe(true);
  });

  it('goal Ⅳ scores are identical in 推進 and 支援', () => {
    for (let n = 1; n <= 5; n++) expect(rows.every((r) => r[`suishin.IV.${n}`] === r[`shien.IV.${n}`]), `Ⅳ-${n}`).toBe(true);
    const col = (k: string) => derived.columns.find((c) => c.key === k)!;
    expect(col('suishin.IV')).toEqual({ ...col('shien.IV'), key: 'suishin.IV' });
  });

  it('the same seed gives byte-identical files; another seed does not', async () => {
    const again = formatCsv(synthTable(synthesizeNational({ seed: SEED, count: 1741, catalog, rules, targets }), catalog, true), { bom: true });
    expect(again).toBe(csv);
    const other = formatCsv(synthTable(synthesizeNational({ seed: SEED + 1, count: 1741, catalog, rules, targets }), catalog, true), { bom: true });
    expect(other).not.toBe(csv);
    const small = synthesizeNational({ seed: SEED, count: 300, catalog, rules, targets });
    const a = await resultsWorkbook(synthTable(small, catalog, false));
    await new Promise((r) => setTimeout(r, 1100)); // ZIP times have two-second resolution
    const b = await resultsWorkbook(synthTable(small, catalog, false));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const r1 = mulberry32(7);
    const r2 = mulberry32(7);
    expect(Array.from({ length: 5 }, r1)).toEqual(Array.from({ length: 5 }, r2));
  });

  it('an XLSX file of the same rows reads back to the same dataset', async () => {
    const small = synthesizeNational({ seed: SEED, count: 200, catalog, rules, targets });
    const table = synthTable(small, catalog, true);
    const x = join(dir, 'small.xlsx');
    const c = join(dir, 'small.csv');
    writeFileSync(x, await resultsWorkbook(table));
    writeFileSync(c, formatCsv(table));
    const fromX = await readNationalFile(x, { catalog, rules, source: 's' });
    const fromC = await readNationalFile(c, { catalog, rules, source: 's' });
    expect(fromX).toEqual(fromC);
    expect(fromX.municipalities).toHaveLength(200);
  });
});

describe('the aggregate table on the synthetic dataset', () => {
  it('has the 26 columns of seed 000 in its order, with the catalog maxima', () => {
    expect(derived.columns.map((c) => c.key)).toEqual(targets.columns.map((c) => c.key));
    expect(derived.columns.map((c) => c.max)).toEqual(targets.columns.map((c) => c.max));
  });

  it('means, rates and medians agree with an independent computation from the rows', () => {
    for (const col of derived.columns) {
      const ids = idsOf(col.key);
      const values = rows.map((r) => ids.reduce((s, id) => s + Number(r[id]), 0));
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      expect(Math.abs(col.mean - mean), col.key).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(Math.abs(col.rate - (mean / col.max) * 100), col.key).toBeLessThanOrEqual(0.05 + 1e-9);
      const sorted = [...values].sort((a, b) => a - b);
      expect(col.median, col.key).toBe(sorted[(sorted.length - 1) / 2]); // 1,741 is odd
    }
    // the stated totals of the file agree with the indicator sums
    expect(rows.every((r) => Number(r.total) === Number(r.suishin) + Number(r.shien))).toBe(true);
  });

  it('its means are within a few points of seed 000 in every column', () => {
    for (const col of derived.columns) {
      const published = targets.columns.find((c) => c.key === col.key)!;
      expect(Math.abs(col.mean - published.mean), `${col.key}: ${col.mean} vs ${published.mean}`).toBeLessThanOrEqual(3);
    }
    const total = derived.columns.find((c) => c.key === 'all.total')!;
    expect(Math.abs(total.rate - 52.8)).toBeLessThanOrEqual(1);
  });

  it('is a NationalAggregates the municipality report can use instead of the bundled one', () => {
    const aggregates = NationalAggregates.parse(derived.aggregates);
    expect(checkNational(aggregates, 'live')).toEqual([]);
    expect(Object.keys(aggregates.indicatorMeans)).toHaveLength(53);
    expect(aggregates.rankings.map((t) => t.label)).toEqual(targets.rankings.map((t) => t.label));
    const m = ds.municipalities[0]!;
    const comparison = deriveNationalComparison(deriveScoreSheet(catalog, m.scores!), aggregates);
    expect(comparison.unmatched).toEqual([]);
    expect(comparison.rows).toHaveLength(26);
    expect(comparison.municipalityCount).toBe(1741);
  });
});

describe('per-prefecture distribution and standings on the synthetic dataset', () => {
  it('lists the 47 prefectures in code order (北海道 01 … 沖縄県 47)', () => {
    expect(derived.prefectures.map((p) => p.code)).toEqual(Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(derived.prefectures[0]!.name).toBe('北海道');
    expect(derived.prefectures[12]!.name).toBe('東京都');
    expect(derived.prefectures[46]!.name).toBe('沖縄県');
    expect(derived.prefectures.reduce((s, p) => s + p.count, 0)).toBe(1741);
  });

  it('each prefecture: mean, median, min, max of total and each grant as computed from the rows', () => {
    for (const p of derived.prefectures) {
      const mine = rows.filter((r) => r.code!.startsWith(p.code));
      expect(p.count).toBe(mine.length);
      for (const k of ['total', 'suishin', 'shien'] as const) {
        const v = mine.map((r) => Number(r[k])).sort((a, b) => a - b);
        const d = p[k]!;
        const mean = v.reduce((a, b) => a + b, 0) / v.length;
        expect(Math.abs(d.mean - mean), `${p.name} ${k}`).toBeLessThanOrEqual(0.05 + 1e-9);
        const mid = v.length >> 1;
        expect(d.median, `${p.name} ${k}`).toBe(v.length % 2 ? v[mid] : (v[mid - 1]! + v[mid]!) / 2);
        expect([d.min, d.max]).toEqual([v[0], v[v.length - 1]]);
      }
    }
  });

  it('every municipality has its national competition rank and percentile', () => {
    const totals = rows.map((r) => Number(r.total));
    expect(derived.standings).toHaveLength(1741);
    for (const s of derived.standings.slice(0, 200)) {
      expect(s.rank).toBe(1 + totals.filter((t) => t > s.total).length);
      expect(Math.abs(s.percentile - (100 * totals.filter((t) => t < s.total).length) / 1740)).toBeLessThanOrEqual(0.05 + 1e-9);
    }
    const best = derived.standings.reduce((a, b) => (b.total > a.total ? b : a));
    expect(best.rank).toBe(1);
    expect(best.percentile).toBe(100);
    expect(derived.rankings[0]!.rows[0]!.score).toBe(best.total);
    expect(derived.rankings.every((t) => t.rows.length >= 30 && t.rows.every((r) => r.rank <= 30))).toBe(true);
  });
});
