/**
 * Every figure of seed 003 (Kyoto City's council report) reproduced from data by the derive stage.
 */
import { describe, expect, it } from 'vitest';
import { kyotoReport } from '../helpers/kyoto.ts';

describe('seed 003 §3: per-indicator tables and totals', () => {
  it('推進 277/400 69.3%, 119 items; 支援 283/400 70.8%, 177 items', async () => {
    const r = await kyotoReport();
    const [suishin, shien] = r.scoreSheet.grants;
    expect([suishin!.score, suishin!.max, suishin!.ratePct, suishin!.itemCount]).toEqual([277, 400, 69.3, 119]);
    expect([shien!.score, shien!.max, shien!.ratePct, shien!.itemCount]).toEqual([283, 400, 70.8, 177]);
  });

  it('per-indicator score (max) rows as printed', async () => {
    const r = await kyotoReport();
    const row = (grant: string) =>
      r.scoreSheet.indicators.filter((i) => i.grant === grant).map((i) => `${i.score}(${i.max})`).join(' ');
    expect(row('suishin')).toBe(
      '16(16) 16(16) 16(16) 16(16) 12(12) 3(12) 0(12) 32(32) 36(36) 0(16) 16(16) 30(30) 34(34) 3(12) 3(12) 9(12) 10(20) 10(20) 5(20) 10(20) 0(20)',
    );
    expect(row('shien')).toBe(
      '6(6) 8(9) 7(7) 7(7) 7(7) 9(9) 7(7) 1(4) 8(12) 0(4) 3(8) 1(4) 0(4) 0(4) 4(4) 3(4) 20(20) 19(19) 25(25) 6(12) 3(12) 12(12) 26(26) 21(21) 21(21) 12(16) 12(16) 10(20) 10(20) 5(20) 10(20) 0(20)',
    );
  });

  it('項目数 rows as printed', async () => {
    const r = await kyotoReport();
    const items = (grant: string) => r.scoreSheet.indicators.filter((i) => i.grant === grant).map((i) => i.itemCount).join(' ');
    expect(items('suishin')).toBe('4 4 16 4 4 4 4 4 9 4 4 5 9 4 4 4 8 4 8 4 8');
    expect(items('shien')).toBe('4 7 4 4 4 5 4 4 12 4 8 4 4 4 4 13 4 4 5 4 4 4 5 6 4 8 8 8 4 8 4 8');
  });
});

describe('seed 003 §4(1): group summary', () => {
  it('reproduces the nine cells and three totals', async () => {
    const r = await kyotoReport();
    const cells = r.groupSummary.rows.map((row) =>
      [...r.groupSummary.kinds.map((k) => `${row.cells[k].score}/${row.cells[k].max}`), `${row.total.score}/${row.total.max}`].join(' '),
    );
    expect(r.groupSummary.rows.map((row) => row.label)).toEqual(['推進交付金', '支援交付金', '合計']);
    expect(cells).toEqual(['196/196 46/104 35/100 277/400', '183/184 65/116 35/100 283/400', '379/380 111/220 70/200 560/800']);
  });
});

describe('seed 003 §4(2): unscored indicators', () => {
  it('lists exactly the seed items, in the seed order and sections', async () => {
    const r = await kyotoReport();
    const list = r.unscoredIndicators.map((g) => ({
      grant: g.shortName,
      sections: g.sections.map((s) => [s.kind, s.items.map((i) => i.indicator.ref)]),
    }));
    expect(list).toEqual([
      { grant: '推進交付金', sections: [['activity', ['目標Ⅰ－(ii)－3', '目標Ⅱ－(ii)－1']], ['outcome', ['目標Ⅳ－5']]] },
      {
        grant: '支援交付金',
        sections: [
          ['process', ['目標Ⅰ－(i)－2']],
          ['activity', ['目標Ⅰ－(ii)－3', '目標Ⅰ－(ii)－6', '目標Ⅰ－(ii)－7']],
          ['outcome', ['目標Ⅳ－5']],
        ],
      },
    ]);
  });

  it('joins the narrative: every item has its reason; 支援Ⅳ5 refers to 推進Ⅳ5; points lost add up', async () => {
    const r = await kyotoReport();
    expect(r.warnings).toEqual([]);
    const shien = r.unscoredIndicators[1]!;
    const iv5 = shien.sections.at(-1)!.items[0]!;
    expect(iv5.sameAs).toEqual({ id: 'suishin.IV.5', grantShortName: '推進交付金', ref: '目標Ⅳ－5' });
    expect(shien.sections[0]!.items[0]!.missedOptions).toEqual(['ウ④']);
    expect(r.unscoredIndicators.map((g) => g.pointsLost)).toEqual([12 + 16 + 20, 1 + 4 + 4 + 4 + 20]);
  });
});

describe('seed 003 参考資料2 and §3: peer ranks', () => {
  it('Kyoto is 9th (推進), 3rd (支援), 5th (合計) among 20 designated cities', async () => {
    const r = await kyotoReport();
    expect(r.peerPlacement).toMatchObject({ count: 20, suishinRank: 9, shienRank: 3, totalRank: 5 });
  });
});

describe('seed 003 §5: grant history', () => {
  it('keeps the amounts and budgets, FY2018–FY2024, the last an estimate', async () => {
    const r = await kyotoReport();
    const h = r.grantHistory!;
    expect(h.rows.map((x) => [x.fiscalYear, x.suishin, x.shien, x.budgetSuishin, x.budgetShien])).toEqual([
      [2018, 245650, null, 200, null],
      [2019, 236814, null, 200, null],
      [2020, 222547, 209760, 200, 200],
      [2021, 214976, 199366, 200, 200],
      [2022, 261575, 259132, 200, 200],
      [2023, 180415, 238946, 150, 200],
      [2024, 113155, 217098, 100, 200],
    ]);
    expect(h.latest.estimate).toBe(true);
    expect(h.latest.total).toBe(330253);
  });
});

describe('against the national table (seed 000)', () => {
  it('compares every national column with the city figure', async () => {
    const r = await kyotoReport();
    const n = r.nationalComparison!;
    expect(n.unmatched).toEqual([]);
    expect(n.rows).toHaveLength(26);
    const total = n.rows.find((x) => x.key === 'all.total')!;
    expect([total.city.score, total.national.mean, total.diffFromMean, total.national.median]).toEqual([560, 422.4, 137.6, 428]);
    const s2a = n.rows.find((x) => x.key === 'suishin.II.activity')!;
    expect([s2a.city.score, s2a.city.max, s2a.diffFromMean, s2a.aboveMean]).toEqual([16, 32, -1.5, false]);
    // seed 000 lists Kyoto at 560 points, 70.0%
    expect(r.scoreSheet.ratePct).toBe(70.0);
    expect(r.nationalRateChange).toEqual({ previousRate: 52.9, rate: 52.8, changePt: -0.1 });
  });
});
