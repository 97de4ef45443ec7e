import { describe, expect, it } from 'vitest';
import type { Rule, TiersRule } from '../../src/scoring/rules.ts';
import { nextStep, whatIfOpportunities } from '../../src/scoring/whatif.ts';

const TL = ['上位7割', '上位5割', '上位3割', '上位1割'];
const tiers = (points: number, series?: string): TiersRule => ({
  kind: 'tiers',
  ...(series ? { series } : {}),
  levels: (series ? ['①', '②', '③', '④'] : ['ア', 'イ', 'ウ', 'エ']).map((key, i) => ({ key, label: TL[i]!, points })),
});
const each4: Rule = { kind: 'options', options: ['ア', 'イ', 'ウ', 'エ'].map((key) => ({ key, points: 4 })) };
const sixteen: Rule = {
  kind: 'options',
  options: ['ア', 'イ', 'ウ', 'エ'].map((key) => ({ key, subItems: ['①', '②', '③', '④'].map((k) => ({ key: k, points: 1 })) })),
};

describe('nextStep', () => {
  it('single tier series: the next level', () => {
    expect(nextStep(tiers(3), 6)).toEqual({ nextScore: 9, nextGain: 3, items: ['ウ'], text: '上位3割に到達（ウ）' });
    expect(nextStep(tiers(3), 0)!.text).toBe('上位7割に到達（ア）');
    expect(nextStep(tiers(3), 12)).toBeNull();
  });

  it('options: any missing option', () => {
    expect(nextStep(each4, 12)).toMatchObject({ nextScore: 16, nextGain: 4, text: 'ア〜エのいずれか1項目を追加' });
  });

  it('sub-items: "ア〜エの①〜④のいずれか1項目を追加"', () => {
    expect(nextStep(sixteen, 15)!.text).toBe('ア〜エの①〜④のいずれか1項目を追加');
    const one: Rule = { kind: 'options', options: [{ key: 'ウ', subItems: ['①', '②', '③', '④'].map((k) => ({ key: k, points: 1 })) }] };
    expect(nextStep(one, 2)!.text).toBe('ウ①〜④のいずれか1項目を追加');
  });

  it('bestOf: either series one level higher', () => {
    const r: Rule = { kind: 'bestOf', parts: [tiers(5, 'ア'), tiers(5, 'イ')] };
    expect(nextStep(r, 10)).toMatchObject({ nextScore: 15, items: ['ア③', 'イ③'], text: 'ア・イのいずれかで上位3割に到達（③）' });
  });

  it('fallback: from エ (1点) the next point needs a series at 上位5割', () => {
    const r: Rule = {
      kind: 'fallback',
      primary: { kind: 'bestOf', parts: [tiers(1, 'ア'), tiers(1, 'イ'), tiers(1, 'ウ')] },
      fallback: { kind: 'options', options: [{ key: 'エ', points: 1 }] },
    };
    const step = nextStep(r, 1)!;
    expect(step.nextScore).toBe(2);
    expect(step.items).toEqual(['ア②', 'イ②', 'ウ②']);
    expect(step.text).toBe('ア〜ウのいずれかで上位5割に到達（②）');
  });

  it('sum of series (支援 Ⅰ(ii)2): one level up in any series', () => {
    const r: Rule = { kind: 'sum', parts: [tiers(1, 'ア'), tiers(1, 'イ'), tiers(1, 'ウ')] };
    expect(nextStep(r, 8)).toMatchObject({ nextScore: 9, nextGain: 1, text: 'ア〜ウのいずれかで1段階上位の区分に到達' });
    // From 0 every series starts at ①, so the target level is named.
    expect(nextStep(r, 0)!.text).toBe('ア〜ウのいずれかで上位7割に到達（①）');
  });

  it('unequal options: 支援 Ⅰ(i)1 (ア・イ 1点, ウ・エ 2点) from 2', () => {
    const r: Rule = {
      kind: 'options',
      options: [
        { key: 'ア', points: 1 },
        { key: 'イ', points: 1 },
        { key: 'ウ', points: 2 },
        { key: 'エ', points: 2 },
      ],
    };
    // 2 = ア+イ (then nothing adds exactly 1) or ウ or エ (then ア or イ adds 1).
    expect(nextStep(r, 2)).toMatchObject({ nextScore: 3, items: ['ア', 'イ'], text: 'ア・イのいずれか1項目を追加' });
  });

  it('an unachievable current score falls back to an example of the next score', () => {
    const step = nextStep(each4, 5)!;
    expect(step.nextScore).toBe(8);
    expect(step.text).toBe('ア・イ達成、ウ・エ未達成で8点');
  });
});

describe('whatIfOpportunities', () => {
  const rules: Record<string, Rule> = {
    'suishin.I.i.1': each4,
    'suishin.I.ii.1': tiers(3),
    'suishin.II.ii.1': tiers(4),
    'suishin.IV.2': tiers(5),
    'suishin.IV.4': tiers(5),
  };

  it('ranks by possible points, ties in rule order, and leaves out full scores', () => {
    const out = whatIfOpportunities(rules, { 'suishin.I.i.1': 16, 'suishin.I.ii.1': 3, 'suishin.II.ii.1': 0, 'suishin.IV.2': 10, 'suishin.IV.4': 5 }, {
      'suishin.II.ii.1': '推進 Ⅱ(ii)1 ケアプラン点検の実施状況',
    });
    expect(out.map((e) => [e.indicatorId, e.maxGain])).toEqual([
      ['suishin.II.ii.1', 16],
      ['suishin.IV.4', 15],
      ['suishin.IV.2', 10],
      ['suishin.I.ii.1', 9],
    ]);
    expect(out[0]).toEqual({
      indicatorId: 'suishin.II.ii.1',
      label: '推進 Ⅱ(ii)1 ケアプラン点検の実施状況',
      current: 0,
      max: 16,
      nextScore: 4,
      nextGain: 4,
      maxGain: 16,
      nextStep: '上位7割に到達（ア）',
      currentAchievable: true,
    });
  });

  it('ties keep the order of the rules', () => {
    const out = whatIfOpportunities(rules, { 'suishin.IV.4': 10, 'suishin.IV.2': 10, 'suishin.I.i.1': 8 });
    expect(out.map((e) => e.indicatorId)).toEqual(['suishin.IV.2', 'suishin.IV.4', 'suishin.I.i.1']);
  });

  it('accepts rules as stored in the rules file ({ maxPoints, rule })', () => {
    const out = whatIfOpportunities({ 'suishin.I.i.1': { maxPoints: 16, rule: each4 } }, { 'suishin.I.i.1': 12 });
    expect(out[0]).toMatchObject({ nextScore: 16, maxGain: 4 });
  });

  it('rejects scores without a rule or out of range', () => {
    expect(() => whatIfOpportunities(rules, { 'shien.I.i.1': 1 })).toThrow(/no scoring rule/);
    expect(() => whatIfOpportunities(rules, { 'suishin.I.i.1': 17 })).toThrow(/outside 0…16/);
  });
});
