import { describe, expect, it } from 'vitest';
import { competitionRanks } from '../../src/common/rank.ts';
import { assignTiers, tierLabel, tierOf, tierThresholds } from '../../src/scoring/tiers.ts';

describe('tierThresholds', () => {
  it('10 distinct values, higher is better: 上位7割 = best 7, 上位1割 = best 1', () => {
    const values = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    const t = tierThresholds(values, { higherIsBetter: true });
    expect(t.cutoffs.map((c) => [c.label, c.rankLimit, c.value])).toEqual([
      ['上位7割', 7, 4],
      ['上位5割', 5, 6],
      ['上位3割', 3, 8],
      ['上位1割', 1, 10],
    ]);
    expect(values.map((v) => tierOf(v, t))).toEqual([4, 3, 3, 2, 2, 1, 1, 0, 0, 0]);
  });

  it('rounds the number of municipalities up: n = 11 → 8, 6, 4, 2', () => {
    const values = [...Array(11).keys()];
    const t = tierThresholds(values, { higherIsBetter: true });
    expect(t.cutoffs.map((c) => c.rankLimit)).toEqual([8, 6, 4, 2]);
    expect(tierThresholds(values, { higherIsBetter: true, rounding: 'floor' }).cutoffs.map((c) => c.rankLimit)).toEqual([7, 5, 3, 1]);
  });

  it('ties at a cut-off all get the better tier', () => {
    // Ranks: 100→1, 90→2, 80×4→3, 50→7, 40→8, 30→9, 20→10. 上位3割: rank ≤ 3 → all four 80s.
    const values = [100, 90, 80, 80, 80, 80, 50, 40, 30, 20];
    const { thresholds, ranks, tiers } = assignTiers(values, { higherIsBetter: true });
    expect(ranks).toEqual([1, 2, 3, 3, 3, 3, 7, 8, 9, 10]);
    expect(thresholds.cutoffs.find((c) => c.share === 3)!.value).toBe(80);
    expect(tiers).toEqual([4, 3, 3, 3, 3, 3, 1, 0, 0, 0]);
    // 上位5割 holds the 6 municipalities ranked ≤ 5 (ties make it larger than 5).
    expect(tiers.filter((t) => t >= 2)).toHaveLength(6);
  });

  it('tie at the 上位1割 cut-off', () => {
    const values = [5, 5, 3, 2, 1, 0, 0, 0, 0, 0];
    expect(assignTiers(values, { higherIsBetter: true }).tiers).toEqual([4, 4, 3, 2, 2, 1, 1, 1, 1, 1]);
  });

  it('lower is better (e.g. 要介護2以上の認定率): the smallest values are 上位', () => {
    const values = [0.12, 0.1, 0.15, 0.2, 0.11, 0.18, 0.14, 0.13, 0.16, 0.19];
    const { thresholds, tiers } = assignTiers(values, { higherIsBetter: false });
    expect(thresholds.cutoffs.map((c) => c.value)).toEqual([0.16, 0.14, 0.12, 0.1]);
    expect(tiers).toEqual([3, 4, 1, 0, 3, 0, 2, 2, 1, 0]);
  });

  it('lower is better with ties at a cut-off', () => {
    const values = [1, 2, 2, 2, 5, 6, 7, 8, 9, 10];
    // rank of the 2s is 2; 上位3割 (rank ≤ 3) includes all three.
    expect(assignTiers(values, { higherIsBetter: false }).tiers).toEqual([4, 3, 3, 3, 2, 1, 1, 0, 0, 0]);
  });

  it('a tier is reached iff the competition rank is within ceil(n·x/10), on random data', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 50; round++) {
      const n = 1 + Math.floor(rand() * 40);
      const values = Array.from({ length: n }, () => Math.floor(rand() * 8));
      for (const higherIsBetter of [true, false]) {
        const { tiers } = assignTiers(values, { higherIsBetter });
        const ranks = competitionRanks(values, higherIsBetter ? 'desc' : 'asc');
        const expected = ranks.map((r) => [7, 5, 3, 1].filter((x) => r <= Math.ceil((n * x) / 10)).length);
        expect(tiers).toEqual(expected);
      }
    }
  });

  it('zeroEarnsNoTier: mostly-zero count indicators (PFS委託事業数) give 0 nothing', () => {
    const values = [3, 1, 0, 0, 0, 0, 0, 0, 0, 0];
    // Without the flag the eight 0s share rank 3 and all land in 上位3割.
    expect(assignTiers(values, { higherIsBetter: true }).tiers).toEqual([4, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
    expect(assignTiers(values, { higherIsBetter: true, zeroEarnsNoTier: true }).tiers).toEqual([4, 3, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('tierOf works for a value outside the distribution', () => {
    const t = tierThresholds([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], { higherIsBetter: true });
    expect(tierOf(1000, t)).toBe(4);
    expect(tierOf(35, t)).toBe(0);
    expect(tierOf(45, t)).toBe(1);
  });

  it('floor rounding can leave a tier empty', () => {
    const t = tierThresholds([1, 2, 3, 4, 5], { higherIsBetter: true, rounding: 'floor' });
    expect(t.cutoffs.map((c) => c.value)).toEqual([3, 4, 5, null]);
    expect(tierOf(5, t)).toBe(3);
  });

  it('labels and input checks', () => {
    expect(tierLabel(3)).toBe('上位3割');
    expect(tierLabel(0)).toBeNull();
    expect(() => tierThresholds([], { higherIsBetter: true })).toThrow(RangeError);
    expect(() => tierThresholds([1, Number.NaN], { higherIsBetter: true })).toThrow(/index 1/);
  });
});
