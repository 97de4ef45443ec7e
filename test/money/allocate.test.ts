/**
 * The allocation on small nations computed by hand: the expected amounts are written out with
 * their arithmetic, so a reader can check them without the code.
 */
import { describe, expect, it } from 'vitest';
import { allocate, hamilton, pointsGainYen, yenPerPoint, yenToSenFloor, yenToSenRounded } from '../../src/derive/money/allocate.ts';

const amounts = (r: ReturnType<typeof allocate>) => Object.fromEntries(r.allocations.map((a) => [a.code, a.amountYen]));

// A: S 10 × N 3 = 30; B: S 20 × N 2 = 40; C: S 5 × N 6 = 30; W = 100
const ABC = [
  { code: '100001', score: 10, insured: 3 },
  { code: '100002', score: 20, insured: 2 },
  { code: '100003', score: 5, insured: 6 },
];

describe('allocate without caps', () => {
  it('shares exactly when the quotas are whole', () => {
    // 1000 × 30/100 = 300, 1000 × 40/100 = 400, 1000 × 30/100 = 300
    const r = allocate(1000, ABC);
    expect(amounts(r)).toEqual({ '100001': 300, '100002': 400, '100003': 300 });
    expect(r.weightSum).toBe(100);
    expect([r.allocatedYen, r.unallocatedYen, r.cappedCount, r.rounds]).toEqual([1000, 0, 0, 1]);
    expect(r.allocations.map((a) => a.weight)).toEqual([30, 40, 30]);
  });

  it('gives the missing yen to the largest remainder', () => {
    // 1001 × 30/100 = 300.3, × 40/100 = 400.4, × 30/100 = 300.3: floors 300 + 400 + 300 = 1000,
    // 1 yen left, largest remainder .4 (B) → 300, 401, 300
    expect(amounts(allocate(1001, ABC))).toEqual({ '100001': 300, '100002': 401, '100003': 300 });
  });

  it('breaks ties of the remainder by code, whatever the input order', () => {
    // 1002: 300.6, 400.8, 300.6 → floors 1000, 2 yen left: B (.8), then A and C tie at .6 → A (lower code)
    const shuffled = [ABC[2]!, ABC[0]!, ABC[1]!];
    expect(amounts(allocate(1002, shuffled))).toEqual({ '100001': 301, '100002': 401, '100003': 300 });
    // three equal weights, 1000 yen: 333.33 each → 999, 1 yen to the lowest code "1"
    const r = allocate(1000, [
      { code: '3', score: 1, insured: 1 },
      { code: '1', score: 1, insured: 1 },
      { code: '2', score: 1, insured: 1 },
    ]);
    expect(r.allocations.map((a) => [a.code, a.amountYen])).toEqual([
      ['3', 333],
      ['1', 334],
      ['2', 333],
    ]);
  });

  it('gives a zero score nothing, and allocates nothing when nobody scored', () => {
    // D: S 0 × N 1000 = 0 → 0; the others as before
    const r = allocate(1000, [...ABC, { code: '100004', score: 0, insured: 1000 }]);
    expect(amounts(r)).toEqual({ '100001': 300, '100002': 400, '100003': 300, '100004': 0 });
    const none = allocate(1000, [
      { code: '1', score: 0, insured: 5 },
      { code: '2', score: 0, insured: 7 },
    ]);
    expect([none.allocatedYen, none.unallocatedYen, none.rounds]).toEqual([0, 1000, 0]);
    expect(none.allocations.map((a) => a.amountYen)).toEqual([0, 0]);
  });

  it('treats a missing need as no cap', () => {
    const r = allocate(1000, ABC.map((c) => ({ ...c, needYen: null })));
    expect(amounts(r)).toEqual({ '100001': 300, '100002': 400, '100003': 300 });
  });
});

describe('allocate with caps (所要見込額) and redistribution (追加交付)', () => {
  it('caps one municipality and shares the rest among the others', () => {
    // round 1: 300 / 400 / 300; B needs 250 → capped, 150 left over
    // round 2: the 750 not taken by B shared by A and C (30 : 30) → 375 each (300 + 75)
    const r = allocate(1000, [ABC[0]!, { ...ABC[1]!, needYen: 250 }, ABC[2]!]);
    expect(amounts(r)).toEqual({ '100001': 375, '100002': 250, '100003': 375 });
    expect([r.allocatedYen, r.unallocatedYen, r.cappedCount, r.rounds]).toEqual([1000, 0, 1, 2]);
    expect(r.allocations.map((a) => a.shareYen)).toEqual([300, 400, 300]); // before caps
    expect(r.allocations.map((a) => a.capped)).toEqual([false, true, false]);
  });

  it('cascades when the redistribution pushes another over its need', () => {
    // round 1: A 300 (need 360, fine), B 400 > 250 → capped
    // round 2: 750 for A and C → 375 each; A 375 > 360 → capped
    // round 3: 1000 − 250 − 360 = 390 all to C
    const r = allocate(1000, [{ ...ABC[0]!, needYen: 360 }, { ...ABC[1]!, needYen: 250 }, ABC[2]!]);
    expect(amounts(r)).toEqual({ '100001': 360, '100002': 250, '100003': 390 });
    expect([r.cappedCount, r.rounds, r.unallocatedYen]).toEqual([2, 3, 0]);
  });

  it('reports what is left when everyone is capped', () => {
    // round 1: A 300 > 100, B 400 > 200 → capped; C 300 = its need 300, not above it
    // round 2: 1000 − 100 − 200 = 700 all to C → 700 > 300 → capped; nobody left
    // allocated 100 + 200 + 300 = 600, unallocated 400
    const r = allocate(1000, [
      { ...ABC[0]!, needYen: 100 },
      { ...ABC[1]!, needYen: 200 },
      { ...ABC[2]!, needYen: 300 },
    ]);
    expect(amounts(r)).toEqual({ '100001': 100, '100002': 200, '100003': 300 });
    expect([r.allocatedYen, r.unallocatedYen, r.cappedCount, r.rounds]).toEqual([600, 400, 3, 2]);
  });

  it('an amount exactly at its need is not capped, and a need of 0 caps at 0', () => {
    // C's 300 equals its need 300: stays uncapped. A's need 0: capped at 0, its 300 goes to B and C (40 : 30):
    // 1000 for B and C → 571.43 / 428.57; C 428.57 > 300 → capped; B gets 1000 − 0 − 300 = 700
    const r = allocate(1000, [{ ...ABC[0]!, needYen: 0 }, ABC[1]!, { ...ABC[2]!, needYen: 300 }]);
    expect(amounts(r)).toEqual({ '100001': 0, '100002': 700, '100003': 300 });
    const exact = allocate(1000, [ABC[0]!, ABC[1]!, { ...ABC[2]!, needYen: 300 }]);
    expect(exact.allocations.map((a) => a.capped)).toEqual([false, false, false]);
  });

  it('rounds the redistribution once, by largest remainder with ties to the lower code', () => {
    // weights 1 : 1 : 1, 101 yen; "a" needs 10 → capped (33.67 > 10)
    // 91 yen for "b" and "c": 45.5 each → 45 + 45, 1 yen left, tie → "b"
    const r = allocate(101, [
      { code: 'a', score: 1, insured: 1, needYen: 10 },
      { code: 'c', score: 1, insured: 1 },
      { code: 'b', score: 1, insured: 1 },
    ]);
    expect(amounts(r)).toEqual({ a: 10, b: 46, c: 45 });
  });

  it('is exact beyond 2^53 (200億円 × 400点 × 950,000人)', () => {
    // B × w = 2e10 × 3.8e8 = 7.6e18 > 2^53 ≈ 9.0e15; shares 3.8e8 : 1.2e8 → 15,200,000,000 and 4,800,000,000
    const r = allocate(20_000_000_000, [
      { code: '1', score: 400, insured: 950_000 },
      { code: '2', score: 120, insured: 1_000_000 },
    ]);
    expect(r.allocations.map((a) => a.amountYen)).toEqual([15_200_000_000, 4_800_000_000]);
  });

  it('rejects what is not a whole number', () => {
    expect(() => allocate(10.5, ABC)).toThrow(RangeError);
    expect(() => allocate(10, [{ code: 'x', score: -1, insured: 1 }])).toThrow(RangeError);
  });
});

describe('hamilton', () => {
  it('sums to the total', () => {
    // 10 in 1 : 2 : 4 → 1.43, 2.86, 5.71 → floors 1 + 2 + 5 = 8, 2 left: .86 (2nd), .71 (3rd) → 1, 3, 6
    expect(hamilton(10n, [{ code: 'a', weight: 1n }, { code: 'b', weight: 2n }, { code: 'c', weight: 4n }])).toEqual([1n, 3n, 6n]);
  });
});

describe('what a point is worth', () => {
  // A: S 10, N 3 → 30 of W = 100 (others 70), budget 10,000 yen
  it('is the exact difference A(S+1) − A(S), the others fixed', () => {
    // A(10) = 10000 × 30/100 = 3000; A(11) = 10000 × 33/103 = 3203.883…; difference 203.883… → 204
    // formula: B × N × W₋ᵢ / (W (W + N)) = 10000 × 3 × 70 / (100 × 103) = 2,100,000 / 10,300
    expect(yenPerPoint(10_000, 100, { score: 10, insured: 3 })).toBe(204);
  });

  it('for k points is A(S+k) − A(S), not k × one point', () => {
    // A(15) = 10000 × 45/115 = 3913.04…; − 3000 = 913.04… → 913 (5 × 204 would be 1020)
    expect(pointsGainYen(10_000, 100, { score: 10, insured: 3 }, 5)).toBe(913);
    expect(pointsGainYen(10_000, 100, { score: 10, insured: 3 }, 0)).toBe(0);
  });

  it('is the whole budget when nobody has scored, and nothing when only the municipality has', () => {
    expect(yenPerPoint(10_000, 0, { score: 0, insured: 3 })).toBe(10_000);
    // W₋ᵢ = 0: A(S) = B for every S > 0
    expect(yenPerPoint(10_000, 30, { score: 10, insured: 3 })).toBe(0);
  });
});

describe('千円 presentation', () => {
  it('rounds amounts down and differences half up', () => {
    expect(yenToSenFloor(138_834_999)).toBe(138_834);
    expect(yenToSenRounded(2_470_621)).toBe(2_471);
    expect(yenToSenRounded(499)).toBe(0);
    expect(yenToSenRounded(500)).toBe(1);
    expect(yenToSenRounded(-1_500)).toBe(-2);
  });
});
