import { describe, expect, it } from 'vitest';
import { competitionRanks, rankBy } from '../../src/common/rank.ts';
import { ratePercent, roundHalfUp } from '../../src/common/rate.ts';
import { dateJa, fiscalYearJa, groupDigits, signed, yearJa } from '../../src/common/era.ts';

describe('competition ranking', () => {
  it('gives 1,2,3,3,5 with ties', () => {
    expect(competitionRanks([10, 9, 8, 8, 7])).toEqual([1, 2, 3, 3, 5]);
    expect(competitionRanks([5, 5, 5])).toEqual([1, 1, 1]);
    expect(competitionRanks([1, 3, 2], 'asc')).toEqual([1, 3, 2]);
  });
  it('rankBy sorts best first, stable among ties', () => {
    const ranked = rankBy([{ n: 'a', s: 1 }, { n: 'b', s: 3 }, { n: 'c', s: 3 }, { n: 'd', s: 2 }], (x) => x.s);
    expect(ranked.map((r) => `${r.item.n}${r.rank}`)).toEqual(['b1', 'c1', 'd3', 'a4']);
  });
});

describe('rates', () => {
  it('rounds half up as the ministry prints', () => {
    expect(ratePercent(277, 400)).toBe(69.3);
    expect(ratePercent(283, 400)).toBe(70.8);
    expect(ratePercent(663, 800)).toBe(82.9); // 82.875
    expect(ratePercent(0, 12)).toBe(0);
    expect(ratePercent(8, 9)).toBe(88.9);
    expect(roundHalfUp(0.05, 1)).toBe(0.1);
    expect(roundHalfUp(-1.25, 1)).toBe(-1.3);
  });
});

describe('era and number formats', () => {
  it('formats fiscal years, years and dates in 和暦', () => {
    expect(fiscalYearJa(2024)).toBe('令和6年度');
    expect(fiscalYearJa(2019)).toBe('令和元年度');
    expect(fiscalYearJa(2018)).toBe('平成30年度');
    expect(yearJa(2025)).toBe('令和7年');
    expect(dateJa('2024-12-10')).toBe('令和6年12月10日');
    expect(dateJa('2019-04-30')).toBe('平成31年4月30日');
    expect(dateJa('2019-05-01')).toBe('令和元年5月1日');
  });
  it('groups digits and signs differences', () => {
    expect(groupDigits(245650)).toBe('245,650');
    expect(groupDigits(1234567.5)).toBe('1,234,567.5');
    expect(signed(3.25)).toBe('+3.3');
    expect(signed(-1.5)).toBe('−1.5');
    expect(signed(0)).toBe('±0');
  });
});
