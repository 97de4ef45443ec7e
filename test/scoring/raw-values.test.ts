import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScoringRules } from '../../src/load/scoring-rules.ts';
import { loadSeriesFile, readRawValuesCsvText } from '../../src/scoring/raw-file.ts';
import {
  analyseRawValues,
  checkSeriesFile,
  nextTierText,
  rankedSeriesOfRules,
  rawWhatIfNotes,
  standingOf,
  type RawValues,
  type SeriesFile,
} from '../../src/scoring/raw-values.ts';
import type { Rule, RulesFile } from '../../src/scoring/rules.ts';
import { repoRoot } from '../helpers/seeds.ts';

const rules = loadScoringRules(2024)!;
const { infos, data: seriesData } = loadSeriesFile(rules);
const FIXTURE = `${repoRoot}test/fixtures/raw/fictional-20.csv`;
const fixture = readRawValuesCsvText(readFileSync(FIXTURE, 'utf8'), FIXTURE, rules, infos);

/**
 * Ten made-up municipalities:
 * - suishin.II.ii.1 (higher is better, 0 earns no tier): 50 40 30 30 30 20 10 5 0 0 — the 上位5割
 *   and 上位3割 cut-offs are both 30 (a tie at the cut-off);
 * - suishin.IV.5/ア (lower is better): the 5th and 4th best tie at 12.5, the 上位5割 cut-off;
 * - suishin.IV.5/イ (lower is better), the other part of 推進 Ⅳ5's bestOf.
 */
const SMALL = [
  'code,suishin.II.ii.1,suishin.IV.5/ア,suishin.IV.5/イ',
  '990101,50,12.0,-1.0',
  '990102,40,13.5,0.5',
  '990103,30,11.0,2.0',
  '990104,30,14.2,-0.2',
  '990105,30,12.5,1.1',
  '990106,20,13.0,0.0',
  '990107,10,15.1,3.0',
  '990108,5,10.2,0.8',
  '990109,0,12.5,-2.5',
  '990110,0,16.0,1.5',
].join('\n');
const small = readRawValuesCsvText(SMALL, 'small.csv', rules, infos);
const smallAnalysis = analyseRawValues(small, infos, rules);
const codes = small.municipalities.map((m) => m.code);
const tiersOf = (key: string) => codes.map((c) => standingOf(smallAnalysis, c, infos)!.series.find((s) => s.info.key === key)!.tier);

describe('cut-offs and tiers from raw values', () => {
  it('higher is better, ties at a cut-off all get the better tier', () => {
    const s = smallAnalysis.byKey.get('suishin.II.ii.1')!;
    expect(s.thresholds!.cutoffs.map((c) => [c.label, c.rankLimit, c.value])).toEqual([
      ['上位7割', 7, 10],
      ['上位5割', 5, 30],
      ['上位3割', 3, 30],
      ['上位1割', 1, 50],
    ]);
    // the three 30s share rank 3 and are all 上位3割; 0 earns nothing
    expect(tiersOf('suishin.II.ii.1')).toEqual([4, 3, 3, 3, 3, 1, 1, 0, 0, 0]);
  });

  it('lower is better (要介護2以上の認定率), with a tie at the 上位5割 cut-off', () => {
    const s = smallAnalysis.byKey.get('suishin.IV.5/ア')!;
    expect(s.thresholds!.higherIsBetter).toBe(false);
    expect(s.thresholds!.cutoffs.map((c) => c.value)).toEqual([13.5, 12.5, 12.0, 10.2]);
    expect(tiersOf('suishin.IV.5/ア')).toEqual([3, 1, 3, 0, 2, 1, 0, 4, 2, 0]);
    expect(tiersOf('suishin.IV.5/イ')).toEqual([3, 2, 0, 3, 1, 2, 0, 1, 4, 0]);
  });

  it('ranks are competition ranks among the municipalities with a value', () => {
    const st = standingOf(smallAnalysis, '990105', infos)!;
    expect(st.series.find((s) => s.info.key === 'suishin.II.ii.1')).toMatchObject({ value: 30, rank: 3, n: 10, tierLabel: '上位3割' });
    expect(st.series.find((s) => s.info.key === 'suishin.IV.5/ア')).toMatchObject({ value: 12.5, rank: 4, tierLabel: '上位5割' });
  });

  it('series absent from the file have no value and no tier; empty cells leave a municipality out', () => {
    const st = standingOf(smallAnalysis, '990101', infos)!;
    expect(st.series.find((s) => s.info.key === 'shien.I.ii.4/ア')).toMatchObject({ value: null, tier: 0, rank: null, next: null });
    expect(st.indicators.find((i) => i.indicatorId === 'shien.I.ii.4')).toMatchObject({ score: 0, complete: false });
    const f = analyseRawValues(fixture, infos, rules);
    expect(f.byKey.get('shien.I.ii.6')!.n).toBe(19);
    expect(standingOf(f, '990020', infos)!.series.find((s) => s.info.key === 'shien.I.ii.6')).toMatchObject({ value: null, next: null });
    expect(standingOf(f, '123456', infos)).toBeNull();
  });
});

/** Independent evaluation of a rule from tiers per series key (options count as not achieved). */
function evalRule(rule: Rule, indicatorId: string, tiers: ReadonlyMap<string, number>, multi: boolean): number {
  switch (rule.kind) {
    case 'options':
      return 0;
    case 'tiers': {
      const t = tiers.get(multi ? `${indicatorId}/${rule.series}` : indicatorId) ?? 0;
      return rule.levels.slice(0, t).reduce((a, l) => a + l.points, 0);
    }
    case 'sum':
      return rule.parts.reduce((a, p) => a + evalRule(p, indicatorId, tiers, multi), 0);
    case 'bestOf':
      return Math.max(...rule.parts.map((p) => evalRule(p, indicatorId, tiers, multi)));
    case 'fallback': {
      const p = evalRule(rule.primary, indicatorId, tiers, multi);
      return p > 0 ? p : evalRule(rule.fallback, indicatorId, tiers, multi);
    }
  }
}

describe('scores from raw values', () => {
  it('推進 Ⅳ5 (bestOf of ア and イ): the better series counts', () => {
    const scores = codes.map((c) => standingOf(smallAnalysis, c, infos)!.indicators.find((i) => i.indicatorId === 'suishin.IV.5')!.score);
    // tiers ア 3 1 3 0 2 1 0 4 2 0 / イ 3 2 0 3 1 2 0 1 4 0 → 5 × max
    expect(scores).toEqual([15, 10, 15, 15, 10, 10, 0, 20, 20, 0]);
    expect(codes.map((c) => standingOf(smallAnalysis, c, infos)!.indicators.find((i) => i.indicatorId === 'suishin.II.ii.1')!.score)).toEqual([
      16, 12, 12, 12, 12, 4, 4, 0, 0, 0,
    ]);
  });

  it('every indicator of every fixture municipality scores what its rule gives for the tiers', () => {
    const analysis = analyseRawValues(fixture, infos, rules);
    const ranked = rankedSeriesOfRules(rules);
    const multi = new Set(ranked.filter((r) => r.key.includes('/')).map((r) => r.indicatorId));
    let checked = 0;
    for (const m of fixture.municipalities) {
      const st = standingOf(analysis, m.code, infos)!;
      const tiers = new Map(st.series.map((s) => [s.info.key, s.tier as number]));
      for (const ind of st.indicators) {
        expect(ind.score, `${m.code} ${ind.indicatorId}`).toBe(evalRule(rules.rules[ind.indicatorId]!.rule, ind.indicatorId, tiers, multi.has(ind.indicatorId)));
        checked++;
      }
    }
    expect(checked).toBe(20 * 32);
  });

  it('the fixture reproduces 架空町 (990001)’s reported scores of every ranked indicator', () => {
    const town = JSON.parse(readFileSync(`${repoRoot}data/samples/fictional-town/municipality.json`, 'utf8')) as { scores: Record<string, number> };
    const st = standingOf(analyseRawValues(fixture, infos, rules), '990001', infos)!;
    expect(st.indicators).toHaveLength(32);
    for (const ind of st.indicators) expect(ind.score, ind.indicatorId).toBe(town.scores[ind.indicatorId]);
    // 支援 Ⅰ(ii)9: ア scores, so the fallback エ (not in raw values) cannot change the score
    expect(st.indicators.find((i) => i.indicatorId === 'shien.I.ii.9')!.complete).toBe(true);
  });

  it('支援 Ⅰ(ii)9 without any series tier is incomplete: エ (人口1万人未満) is unknown from raw values', () => {
    const csv = ['code,shien.I.ii.9/ア,shien.I.ii.9/イ,shien.I.ii.9/ウ', ...Array.from({ length: 10 }, (_, i) => `99020${i},${50 - i},${40 - i},${30 - i}`)].join('\n');
    const a = analyseRawValues(readRawValuesCsvText(csv, 'nine.csv', rules, infos), infos, rules);
    const last = standingOf(a, '990209', infos)!.indicators.find((i) => i.indicatorId === 'shien.I.ii.9')!;
    expect(last).toMatchObject({ score: 0, max: 4, complete: false });
    const first = standingOf(a, '990200', infos)!.indicators.find((i) => i.indicatorId === 'shien.I.ii.9')!;
    expect(first).toMatchObject({ score: 4, complete: true });
  });
});

describe('the value needed for the next tier', () => {
  const seriesOf = (code: string, key: string, analysis = smallAnalysis) => standingOf(analysis, code, infos)!.series.find((s) => s.info.key === key)!;

  it('higher is better: the next cut-off, "以上"; equal cut-offs reach the higher tier at once', () => {
    // 20 is 上位7割; 上位5割 and 上位3割 are both cut at 30 → 30以上 reaches 上位3割: 4 → 12 points
    expect(seriesOf('990106', 'suishin.II.ii.1').next).toEqual({ level: 2, reaches: 3, label: '上位3割', value: 30, direction: '以上', scoreAfter: 12, points: 8 });
    expect(seriesOf('990108', 'suishin.II.ii.1').next).toMatchObject({ level: 1, reaches: 1, value: 10, direction: '以上', points: 4 });
    expect(nextTierText(seriesOf('990108', 'suishin.II.ii.1'))).toBe('ケアプラン点検の実施割合 5% → 10%以上で上位7割（+4点）');
    expect(seriesOf('990101', 'suishin.II.ii.1').next).toBeNull(); // 上位1割
  });

  it('lower is better: the next cut-off, "以下"; in a bestOf the points count only above the other series', () => {
    // 990105: ア 12.5 (上位5割), イ 1.1 (上位7割): score 10
    expect(seriesOf('990105', 'suishin.IV.5/ア').next).toEqual({ level: 3, reaches: 3, label: '上位3割', value: 12, direction: '以下', scoreAfter: 15, points: 5 });
    expect(seriesOf('990105', 'suishin.IV.5/イ').next).toEqual({ level: 2, reaches: 2, label: '上位5割', value: 0.5, direction: '以下', scoreAfter: 10, points: 0 });
    expect(nextTierText(seriesOf('990105', 'suishin.IV.5/ア'))).toBe('要介護2以上の認定率（2023年1月） 12.5% → 12%以下で上位3割（+5点）');
  });

  it('a 0 that earns no tier: any value above 0 ("0超"), reaching every tier cut at 0', () => {
    const f = analyseRawValues(fixture, infos, rules);
    // PFS委託事業数: 16 of 20 have 0, so 上位7割/5割/3割 are all cut at 0; 0 itself earns nothing
    expect(seriesOf('990001', 'suishin.I.ii.3', f).next).toEqual({ level: 1, reaches: 3, label: '上位3割', value: 0, direction: '超', scoreAfter: 9, points: 9 });
    expect(nextTierText(seriesOf('990001', 'suishin.I.ii.3', f))).toBe('PFS（成果連動型民間委託契約方式）による委託事業数 0事業 → 0事業超で上位3割（+9点）');
    expect(seriesOf('990001', 'shien.I.ii.5', f).next).toMatchObject({ reaches: 1, value: 0, direction: '超', points: 1 });
  });

  it('reaching the value is necessary and sufficient, recomputing the cut-offs (every fixture municipality and series)', () => {
    const analysis = analyseRawValues(fixture, infos, rules);
    const with_ = (code: string, key: string, value: number): RawValues => ({
      ...fixture,
      municipalities: fixture.municipalities.map((m) => (m.code === code ? { ...m, values: { ...m.values, [key]: value } } : m)),
    });
    let checked = 0;
    for (const m of fixture.municipalities) {
      for (const s of standingOf(analysis, m.code, infos)!.series) {
        if (!s.next) continue;
        const { value, direction } = s.next;
        const eps = 1e-9;
        const atCutoff = direction === '超' ? value + eps : direction === '未満' ? value - eps : value;
        const worse = direction === '以上' ? value - eps : direction === '以下' ? value + eps : value;
        const reached = standingOf(analyseRawValues(with_(m.code, s.info.key, atCutoff), infos, rules), m.code, infos)!;
        const reachedSeries = reached.series.find((x) => x.info.key === s.info.key)!;
        expect(reachedSeries.tier, `${m.code} ${s.info.key}`).toBe(s.next.reaches);
        expect(reached.indicators.find((i) => i.indicatorId === s.info.indicatorId)!.score).toBe(s.next.scoreAfter);
        const missed = standingOf(analyseRawValues(with_(m.code, s.info.key, worse), infos, rules), m.code, infos)!;
        expect(missed.series.find((x) => x.info.key === s.info.key)!.tier, `${m.code} ${s.info.key} just short`).toBeLessThan(s.next.level);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});

describe('what-if notes', () => {
  it('lists the series whose next tier adds points, and flags a score that differs from the reported one', () => {
    const st = standingOf(analyseRawValues(fixture, infos, rules), '990001', infos)!;
    const notes = rawWhatIfNotes(st, { 'suishin.II.ii.1': 8, 'suishin.IV.5': 15 });
    expect(notes.get('suishin.II.ii.1')!.text).toBe('ケアプラン点検の実施割合 39.8% → 60.9%以上で上位3割（+4点）');
    // 推進 Ⅳ1: ア (上位3割) → 上位1割 adds 5; イ (上位7割) → 上位5割 adds nothing under bestOf
    expect(notes.get('suishin.IV.1')!.steps.map((s) => s.info.key)).toEqual(['suishin.IV.1/ア']);
    expect(notes.get('suishin.IV.5')!.text).toBe('（実績値からの得点 20点、報告 15点）');
  });
});

describe('data/catalog/fy2024.series.json', () => {
  it('lists every ranked series of the rules, and nothing else', () => {
    expect(checkSeriesFile(seriesData, rules, 'series.json')).toEqual([]);
    expect(infos).toHaveLength(45);
    expect(rankedSeriesOfRules(rules).filter((r) => r.indicatorId === 'suishin.II.i.2')).toEqual([]); // 3事業/4事業/5事業 is not ranked
  });

  it('lower is better exactly for the outcome measures of 目標Ⅳ (tiers.ts conventions)', () => {
    expect(infos.filter((i) => !i.higherIsBetter).map((i) => i.key)).toEqual(infos.filter((i) => /\.IV\.\d/.test(i.key)).map((i) => i.key));
    expect(infos.find((i) => i.key === 'suishin.I.ii.3')).toMatchObject({ measure: expect.stringContaining('PFS'), zeroEarnsNoTier: true });
    expect(infos.find((i) => i.key === 'suishin.IV.5/ア')).toMatchObject({ measure: expect.stringContaining('要介護2以上の認定率'), higherIsBetter: false });
  });

  it('reports a missing and an unknown series', () => {
    const bad: SeriesFile = { ...seriesData, series: { ...seriesData.series } };
    delete bad.series['shien.I.ii.4/イ'];
    bad.series['suishin.I.i.1'] = { measure: 'x', higherIsBetter: true, zeroEarnsNoTier: false };
    const problems = checkSeriesFile(bad, rules as RulesFile, 'series.json');
    expect(problems.map((p) => [p.location.place, p.rule])).toEqual([
      ['$.series', expect.stringContaining('"shien.I.ii.4/イ"')],
      ['$.series["suishin.I.i.1"]', expect.stringContaining('not a ranked series')],
    ]);
  });
});
