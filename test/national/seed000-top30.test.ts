/**
 * Seed 000's six top-30 tables (第1号被保険者規模別総合得点上位30市町村), re-derived: the
 * municipalities of the tables (test/fixtures/national/seed000-top30.csv, built from the seed)
 * read through the national file reader and ranked per size class must give every printed row —
 * rank, prefecture, name, 第1号被保険者数, score, rate — ties and their order included.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/load/catalog.ts';
import { loadScoringRules } from '../../src/load/scoring-rules.ts';
import { NationalAggregates } from '../../src/load/schemas/inputs.ts';
import { checkNational } from '../../src/load/rules.ts';
import { loadJson } from '../../src/load/json.ts';
import { readNationalFile } from '../../src/national/read.ts';
import { deriveNational, sizeClassOf, topRanking } from '../../src/national/derive.ts';
import { parseCsv } from '../../src/input/csv.ts';
import { dataPath, readSeed, repoRoot, SEED_NATIONAL } from '../helpers/seeds.ts';
import { parseSeedTop30, SEED_TABLE_LABELS } from '../fixtures/national/seed000-tables.ts';
import { buildSeedTop30Rows } from '../fixtures/national/build-seed000-top30.ts';

const fixture = `${repoRoot}test/fixtures/national/seed000-top30.csv`;
const catalog = loadCatalog(2024);
const rules = loadScoringRules(2024);

describe('seed 000 top-30 tables from a national results file', () => {
  const seedTables = () => parseSeedTop30(readSeed(SEED_NATIONAL));

  it('the seed has six tables of 30 rows', () => {
    const tables = seedTables();
    expect(tables.map((t) => t.label)).toEqual([...SEED_TABLE_LABELS]);
    expect(tables.map((t) => t.rows.length)).toEqual([30, 30, 30, 30, 30, 30]);
  });

  it('the fixture holds exactly the distinct municipalities of the six tables, built from the seed', () => {
    const rows = parseCsv(readFileSync(fixture, 'utf8')).slice(1).map((r) => r.fields.map((f) => f.text));
    const expected = buildSeedTop30Rows(readSeed(SEED_NATIONAL)).map((r) => r.map(String));
    expect(rows).toEqual(expected);
    const distinct = new Set(seedTables().flatMap((t) => t.rows.map((r) => `${r.prefecture}/${r.name}`)));
    expect(rows).toHaveLength(distinct.size);
    expect(distinct.size).toBeGreaterThan(140);
  });

  it('reproduces all six tables row by row, ties included', async () => {
    const ds = await readNationalFile(fixture, { catalog, rules });
    expect(ds.level).toBe('total');
    expect(ds.fictional).toBe(false);
    const derived = deriveNational(ds, catalog);
    const seed = seedTables();
    expect(derived.rankings.map((t) => t.label)).toEqual(seed.map((t) => t.label));
    derived.rankings.forEach((t, i) => {
      const printed = seed[i]!.rows.map((r) => [r.rank, r.prefecture, r.name, r.insuredType1, r.score, r.rate]);
      const ours = t.rows.map((r) => [r.rank, r.prefecture, r.name, r.insuredType1, r.score, r.rate.toFixed(1)]);
      expect(ours, t.label).toEqual(printed);
    });
    // and the same rows as the bundled transcription the municipality report uses
    const bundled = loadJson(NationalAggregates, dataPath('national/fy2024-summary.json'));
    expect(derived.aggregates.rankings).toEqual(bundled.rankings);
    expect(derived.aggregates.top).toEqual(bundled.top);
  });

  it('ties at the cut-off: a top-N table lists everyone whose rank is at most N', async () => {
    const ds = await readNationalFile(fixture, { catalog, rules });
    // 3千人以上1万人未満: 鳩山町, 竜王町, 海田町 share rank 24 (places 24–26): a top-25 cut holds all three
    const t25 = topRanking(ds.municipalities, '3kTo10k', 800, 25);
    expect(t25.rows).toHaveLength(26);
    expect(t25.rows.slice(-3).map((r) => [r.rank, r.name])).toEqual([
      [24, '鳩山町'],
      [24, '竜王町'],
      [24, '海田町'],
    ]);
    const t29 = topRanking(ds.municipalities, '3kTo10k', 800, 29);
    expect(t29.rows).toHaveLength(30); // two share rank 29
    expect(t29.rows.slice(-2).map((r) => r.name)).toEqual(['白鷹町', '野木町']);
    // 総合 top 5 → 5 rows; top 6 → rank 6 is shared by four: 9 rows
    expect(topRanking(ds.municipalities, 'all', 800, 5).rows).toHaveLength(5);
    expect(topRanking(ds.municipalities, 'all', 800, 6).rows).toHaveLength(9);
  });

  it('size classes use the seed boundaries (駒ヶ根市 9,998 → 3千人以上1万人未満; 秦野市 49,373 → 1万人以上5万人未満)', () => {
    expect(sizeClassOf(100_000)).toBe('over100k');
    expect(sizeClassOf(99_999)).toBe('50kTo100k');
    expect(sizeClassOf(50_000)).toBe('50kTo100k');
    expect(sizeClassOf(49_999)).toBe('10kTo50k');
    expect(sizeClassOf(10_000)).toBe('10kTo50k');
    expect(sizeClassOf(9_999)).toBe('3kTo10k');
    expect(sizeClassOf(3_000)).toBe('3kTo10k');
    expect(sizeClassOf(2_999)).toBe('under3k');
    expect(sizeClassOf(9_998)).toBe('3kTo10k');
    expect(sizeClassOf(49_373)).toBe('10kTo50k');
  });

  it('the derived aggregates pass the schema and the national consistency rules', async () => {
    const derived = deriveNational(await readNationalFile(fixture, { catalog, rules }), catalog);
    const parsed = NationalAggregates.parse(derived.aggregates);
    expect(checkNational(parsed, 'derived')).toEqual([]);
    expect(parsed.columns.map((c) => c.key)).toEqual(['all.total']);
    expect(derived.prefectures).toHaveLength(47);
  });
});
