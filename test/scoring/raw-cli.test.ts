import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { repoRoot } from '../helpers/seeds.ts';

const RAW = `${repoRoot}test/fixtures/raw/fictional-20.csv`;
const BAD = `${repoRoot}test/fixtures/raw/bad-rows.csv`;
const TOWN = `${repoRoot}data/samples/fictional-town/municipality.json`;
const KYOTO = `${repoRoot}data/samples/kyoto-2024/municipality.json`;

describe('kofukin tiers', () => {
  it('prints the cut-offs of every series', async () => {
    const r = await runMain(['tiers', RAW]);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('20市町村、45系列（架空のデータ）');
    expect(r.stdout).toMatch(/suishin\.II\.ii\.1 .*ケアプラン点検の実施割合 .*高いほど上位・0は区分なし +20 +17\.1% +34\.1% +60\.9% +75\.6%/);
    expect(r.stdout).toMatch(/suishin\.IV\.5\/ア .*要介護2以上の認定率（2023年1月） .*低いほど上位 +20 +14\.6% +13\.7% +12% +11\.3%/);
    expect(r.stdout).toMatch(/shien\.I\.ii\.6 .* 19 /);
  });

  it('--code: the municipality’s tiers, the value needed for the next tier and the points it adds', async () => {
    const r = await runMain(['tiers', RAW, '--code', '990001']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('990001 架空町（架空）');
    expect(r.stdout).toMatch(/suishin\.II\.ii\.1 +ケアプラン点検の実施割合 +39\.8% +9\/20 +上位5割 +60\.9%以上で上位3割 +\+4/);
    expect(r.stdout).toMatch(/suishin\.IV\.5\/ア +要介護2以上の認定率（2023年1月） +13\.1% +9\/20 +上位5割 +12%以下で上位3割 +\+0/);
    expect(r.stdout).toMatch(/suishin\.I\.ii\.3 .* 0事業 +5\/20 +区分なし +0事業超で上位3割 +\+9/);
    expect(r.stdout).toMatch(/推進 目標Ⅱ－\(ii\)－1 +ケアプラン点検の実施状況 +8\/16/);
  });

  it('--json', async () => {
    const r = await runMain(['tiers', RAW, '--code', '990001', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ format: 'kofukin-tiers/1', fiscalYear: 2024, fictional: true, municipalityCount: 20 });
    expect(j.series).toHaveLength(45);
    expect(j.series.find((s: { key: string }) => s.key === 'suishin.II.ii.1').cutoffs.map((c: { value: number }) => c.value)).toEqual([17.1, 34.1, 60.9, 75.6]);
    const s = j.municipality.series.find((x: { key: string }) => x.key === 'suishin.II.ii.1');
    expect(s).toMatchObject({ value: 39.8, rank: 9, n: 20, tier: 2, tierLabel: '上位5割', next: { label: '上位3割', value: 60.9, direction: '以上', points: 4 } });
    expect(j.municipality.indicators.find((i: { indicator: string }) => i.indicator === 'suishin.IV.5')).toEqual({ indicator: 'suishin.IV.5', score: 20, max: 20, complete: true });
  });

  it('errors: a code not in the file, a bad --code, a bad file with located problems', async () => {
    const missing = await runMain(['tiers', RAW, '--code', '123456']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no row for municipality code 123456');
    expect((await runMain(['tiers', RAW, '--code', '12ab'])).code).toBe(64);
    const bad = await runMain(['tiers', BAD]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad-rows.csv: line 3, column 4 (suishin.II.ii.1): "abc" is not a number');
    expect(bad.stderr).toContain('line 4, column 1 (code): municipality code 990001 appears more than once');
    expect(bad.stderr.trim().split('\n')).toHaveLength(4);
  });

  it('is listed in the help', async () => {
    expect((await runMain(['help'])).stdout).toMatch(/\n {2}tiers +tier cut-offs/);
  });
});

describe('kofukin whatif --raw', () => {
  it('adds the value needed for the next tier to each ranked what-if entry', async () => {
    const r = await runMain(['whatif', TOWN, '--raw', RAW]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('実績値 → 次の区分');
    expect(r.stdout).toMatch(/ケアプラン点検の実施状況 .*上位3割に到達（ウ） .*ケアプラン点検の実施割合 39\.8% → 60\.9%以上で上位3割（\+4点）/);
    expect(r.stdout).toContain('PFS（成果連動型民間委託契約方式）による委託事業数 0事業 → 0事業超で上位3割（+9点）');
    expect(r.stdout).toContain('平均要介護度の変化率（要介護1・2、2019年1月→2023年1月） -0.38% → -1.28%以下で上位3割（+5点）');
  });

  it('--json: rawNextTier per item (absent without --raw)', async () => {
    const j = JSON.parse((await runMain(['whatif', TOWN, '--raw', RAW, '--json'])).stdout);
    const item = j.items.find((i: { indicator: string }) => i.indicator === 'suishin.II.ii.1');
    expect(item.rawNextTier).toMatchObject({
      text: 'ケアプラン点検の実施割合 39.8% → 60.9%以上で上位3割（+4点）',
      derivedScore: 8,
      complete: true,
      steps: [{ series: 'suishin.II.ii.1', value: 39.8, tierLabel: '上位5割', needed: { value: 60.9, direction: '以上', label: '上位3割', points: 4 } }],
    });
    expect(j.items.find((i: { indicator: string }) => i.indicator === 'suishin.III.i.2').rawNextTier).toBeNull();
    const plain = JSON.parse((await runMain(['whatif', TOWN, '--json'])).stdout);
    expect(plain.items[0]).not.toHaveProperty('rawNextTier');
  });

  it('a municipality whose code is not in the raw file is a clear error', async () => {
    const r = await runMain(['whatif', KYOTO, '--raw', RAW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fictional-20.csv: no row for municipality code 261009 (京都市, from');
    expect(r.stdout).toBe('');
  });
});
