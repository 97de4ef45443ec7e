/**
 * Properties of the allocation on the synthetic nation (kofukin synth, 1,741 municipalities,
 * seed 1): the amounts add up to the budget to the yen, no amount exceeds its need, a larger
 * S × N never gets less before caps; and the exact rounds agree with a plain floating-point
 * run of the municipalities' iterative description (cap, share the rest again).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/load/catalog.ts';
import { loadJson } from '../../src/load/json.ts';
import { loadScoringRules } from '../../src/load/scoring-rules.ts';
import { NationalAggregates } from '../../src/load/schemas/inputs.ts';
import { mulberry32 } from '../../src/common/random.ts';
import { synthesizeNational } from '../../src/national/synth.ts';
import { allocate, yenPerPoint, type Claimant } from '../../src/derive/money/allocate.ts';
import { GRANTS } from '../../src/derive/money/estimate.ts';
import type { GrantId } from '../../src/load/schemas/catalog.ts';
import type { NationalMunicipality } from '../../src/load/schemas/national.ts';
import { dataPath } from '../helpers/seeds.ts';

const BUDGET: Record<GrantId, number> = { suishin: 10_000_000_000, shien: 20_000_000_000 };
let nation: NationalMunicipality[] = [];

beforeAll(() => {
  const catalog = loadCatalog(2024);
  const rules = loadScoringRules(2024)!;
  const targets = loadJson(NationalAggregates, dataPath('national/fy2024-summary.json'));
  nation = synthesizeNational({ seed: 1, count: 1741, catalog, rules, targets });
});

const claimants = (g: GrantId): Claimant[] => nation.map((m) => ({ code: m.code, score: m[g]!, insured: m.insuredType1 }));

/** Needs around the uncapped share: some far below (capped), some above, some none. */
function withNeeds(g: GrantId, seed: number): Claimant[] {
  const rand = mulberry32(seed);
  const W = nation.reduce((s, m) => s + m[g]! * m.insuredType1, 0);
  return claimants(g).map((c) => {
    const share = (BUDGET[g] * c.score * c.insured) / W;
    const u = rand();
    return { ...c, needYen: u < 0.2 ? null : Math.floor(share * (0.3 + 1.2 * rand())) };
  });
}

/** The municipalities' description, in floating point: cap, share the rest again, until done. */
function iterativeFloat(budget: number, cs: readonly Claimant[]): number[] {
  const amount = cs.map(() => 0);
  const capped = cs.map(() => false);
  let pool = budget;
  for (let round = 0; round < cs.length && pool > 1e-6; round++) {
    const active = cs.map((c, i) => i).filter((i) => !capped[i] && cs[i]!.score * cs[i]!.insured > 0);
    if (active.length === 0) break;
    const W = active.reduce((s, i) => s + cs[i]!.score * cs[i]!.insured, 0);
    for (const i of active) amount[i]! += (pool * cs[i]!.score * cs[i]!.insured) / W;
    pool = 0;
    for (const i of active) {
      const need = cs[i]!.needYen;
      if (need !== null && need !== undefined && amount[i]! > need) {
        pool += amount[i]! - need;
        amount[i] = need;
        capped[i] = true;
      }
    }
  }
  return amount;
}

describe.each(GRANTS)('the synthetic nation, grant %s', (g) => {
  it('has 1,741 municipalities with scores', () => {
    expect(nation).toHaveLength(1741);
    expect(nation.every((m) => Number.isInteger(m[g]))).toBe(true);
  });

  it('allocates the budget to the yen, each amount within 1 yen of its exact share', () => {
    const r = allocate(BUDGET[g], claimants(g));
    expect(r.allocations.reduce((s, a) => s + a.amountYen, 0)).toBe(BUDGET[g]);
    expect([r.allocatedYen, r.unallocatedYen, r.cappedCount]).toEqual([BUDGET[g], 0, 0]);
    for (const a of r.allocations) expect(Math.abs(a.amountYen - (BUDGET[g] * a.weight) / r.weightSum)).toBeLessThan(1);
  });

  it('never gives a larger S × N less before caps; equal S × N differ by at most 1 yen', () => {
    const r = allocate(BUDGET[g], claimants(g));
    const sorted = [...r.allocations].sort((a, b) => a.weight - b.weight || (a.code < b.code ? -1 : 1));
    for (let i = 1; i < sorted.length; i++) {
      const [lo, hi] = [sorted[i - 1]!, sorted[i]!];
      if (hi.weight > lo.weight) expect(hi.shareYen).toBeGreaterThanOrEqual(lo.shareYen);
      else expect(Math.abs(hi.shareYen - lo.shareYen)).toBeLessThanOrEqual(1);
    }
  });

  it.each([11, 12, 13])('with needs (seed %i): never above a need, sums to the budget, agrees with the iterative description', (seed) => {
    const cs = withNeeds(g, seed);
    const r = allocate(BUDGET[g], cs);
    expect(r.cappedCount).toBeGreaterThan(100);
    expect(r.rounds).toBeGreaterThan(1);
    r.allocations.forEach((a, i) => {
      const need = cs[i]!.needYen;
      if (need !== null && need !== undefined) expect(a.amountYen).toBeLessThanOrEqual(need);
      if (a.capped) expect(a.amountYen).toBe(need);
    });
    expect(r.unallocatedYen).toBe(0); // about 20% have no cap, so the budget is always spent
    expect(r.allocations.reduce((s, a) => s + a.amountYen, 0)).toBe(BUDGET[g]);
    const reference = iterativeFloat(BUDGET[g], cs);
    r.allocations.forEach((a, i) => expect(Math.abs(a.amountYen - reference[i]!)).toBeLessThan(1.01));
    // uncapped amounts still grow with S × N
    const free = r.allocations.filter((a) => !a.capped).sort((a, b) => a.weight - b.weight);
    for (let i = 1; i < free.length; i++) if (free[i]!.weight > free[i - 1]!.weight) expect(free[i]!.amountYen).toBeGreaterThanOrEqual(free[i - 1]!.amountYen);
  });

  it('leaves the rest unallocated when every need is small', () => {
    const cs = claimants(g).map((c) => ({ ...c, needYen: 1000 }));
    const r = allocate(BUDGET[g], cs);
    const scored = cs.filter((c) => c.score > 0).length;
    expect(r.cappedCount).toBe(scored);
    expect(r.allocatedYen).toBe(1000 * scored);
    expect(r.unallocatedYen).toBe(BUDGET[g] - 1000 * scored);
  });

  it('values a point as the exact difference of two allocations', () => {
    const cs = claimants(g);
    const base = allocate(BUDGET[g], cs);
    for (const i of [0, 100, 1000, 1740]) {
      const more = allocate(BUDGET[g], cs.map((c, j) => (j === i ? { ...c, score: c.score + 1 } : c)));
      const exactDiff =
        (BUDGET[g] * (cs[i]!.score + 1) * cs[i]!.insured) / more.weightSum - (BUDGET[g] * cs[i]!.score * cs[i]!.insured) / base.weightSum;
      const vpp = yenPerPoint(BUDGET[g], base.weightSum, cs[i]!);
      expect(Math.abs(vpp - exactDiff)).toBeLessThanOrEqual(0.5 + 1e-6);
      expect(Math.abs(more.allocations[i]!.amountYen - base.allocations[i]!.amountYen - vpp)).toBeLessThanOrEqual(2);
    }
  });
});
