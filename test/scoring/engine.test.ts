import { describe, expect, it } from 'vitest';
import {
  achievableScores,
  describeAnswers,
  explainScore,
  explanations,
  isAchievable,
  maxOf,
  scoreAnswers,
} from '../../src/scoring/engine.ts';
import type { Rule, TiersRule } from '../../src/scoring/rules.ts';

const TL = ['上位7割', '上位5割', '上位3割', '上位1割'];
const tiers = (points: number, series?: string, keys = series ? ['①', '②', '③', '④'] : ['ア', 'イ', 'ウ', 'エ']): TiersRule => ({
  kind: 'tiers',
  ...(series ? { series } : {}),
  levels: keys.map((key, i) => ({ key, label: TL[i]!, points })),
});
const a = (...achieved: string[]) => ({ achieved });

describe('options', () => {
  const each4: Rule = { kind: 'options', options: ['ア', 'イ', 'ウ', 'エ'].map((key) => ({ key, points: 4 })) };
  const unequal: Rule = {
    kind: 'options',
    options: [
      { key: 'ア', points: 1 },
      { key: 'イ', points: 2 },
      { key: 'ウ', points: 2 },
      { key: 'エ', points: 2 },
    ],
  };

  it('ア～エ 各4点: max 16, scores are multiples of 4', () => {
    expect(maxOf(each4)).toBe(16);
    expect(achievableScores(each4)).toEqual([0, 4, 8, 12, 16]);
    expect(scoreAnswers(each4, a('ア', 'ウ'))).toBe(8);
    expect(isAchievable(each4, 17)).toBe(false);
    expect(isAchievable(each4, 5)).toBe(false);
    expect(explainScore(each4, 17)).toEqual([]);
  });

  it('ア1点・イ～エ各2点: every score 0..7', () => {
    expect(maxOf(unequal)).toBe(7);
    expect(achievableScores(unequal)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(scoreAnswers(unequal, a('ア', 'エ'))).toBe(3);
  });

  it('ア、ウ～オ 各5点 イ 6点 (支援 Ⅲ(i)1)', () => {
    const r: Rule = {
      kind: 'options',
      options: [
        { key: 'ア', points: 5 },
        { key: 'イ', points: 6 },
        { key: 'ウ', points: 5 },
        { key: 'エ', points: 5 },
        { key: 'オ', points: 5 },
      ],
    };
    expect(maxOf(r)).toBe(26);
    expect(isAchievable(r, 21)).toBe(true); // イ missing
    expect(isAchievable(r, 20)).toBe(true); // ア・ウ・エ・オ (イ's 6 would make it 21 or 16+…)
    expect(isAchievable(r, 25)).toBe(false);
    expect(explainScore(r, 20).map((e) => e.achieved)).toEqual([['ア', 'ウ', 'エ', 'オ']]);
  });

  it('explains 12 of 16 as "ア〜ウ達成、エ未達成" first, and lists every combination', () => {
    const ex = explainScore(each4, 12, { limit: 100 });
    expect(ex).toHaveLength(4);
    expect(ex[0]).toEqual({ score: 12, achieved: ['ア', 'イ', 'ウ'], text: 'ア〜ウ達成、エ未達成' });
    expect(ex.map((e) => e.text)).toContain('ア・イ・エ達成、ウ未達成');
    for (const e of ex) expect(scoreAnswers(each4, e)).toBe(12);
  });

  it('rejects unknown item ids', () => {
    expect(() => scoreAnswers(each4, a('オ'))).toThrow(/unknown item id "オ"/);
  });
});

describe('options with sub-items', () => {
  const sixteen: Rule = {
    kind: 'options',
    options: ['ア', 'イ', 'ウ', 'エ'].map((key) => ({
      key,
      subItems: ['①', '②', '③', '④'].map((k) => ({ key: k, points: 1 })),
    })),
  };
  // 推進 Ⅲ(i)2: ア、イ、エ、オ 各6点, ウのうち①～⑤ 各2点
  const mixed: Rule = {
    kind: 'options',
    options: [
      { key: 'ア', points: 6 },
      { key: 'イ', points: 6 },
      { key: 'ウ', subItems: ['①', '②', '③', '④', '⑤'].map((k) => ({ key: k, points: 2 })) },
      { key: 'エ', points: 6 },
      { key: 'オ', points: 6 },
    ],
  };
  // 支援 Ⅰ(i)2: ア及びウのうち①～④ 各1点, イ・エ 各2点
  const shien2: Rule = {
    kind: 'options',
    options: [
      { key: 'ア', points: 1 },
      { key: 'イ', points: 2 },
      { key: 'ウ', subItems: ['①', '②', '③', '④'].map((k) => ({ key: k, points: 1 })) },
      { key: 'エ', points: 2 },
    ],
  };

  it('ア～エのうち①～④ 各1点: 16 items, every score 0..16, without enumerating 2^16 sets', () => {
    expect(maxOf(sixteen)).toBe(16);
    expect(achievableScores(sixteen)).toEqual([...Array(17).keys()]);
    expect(scoreAnswers(sixteen, a('ア①', 'ア④', 'エ②'))).toBe(3);
    expect(isAchievable(sixteen, 17)).toBe(false);
  });

  it('explanations are lazy and limited', () => {
    // C(16,8) = 12,870 answer sets produce 8; only the first 5 are built.
    const ex = explainScore(sixteen, 8, { limit: 5 });
    expect(ex).toHaveLength(5);
    expect(ex[0]!.text).toBe('ア①〜④・イ①〜④達成、ウ①〜④・エ①〜④未達成');
    let n = 0;
    for (const _ of explanations(sixteen, 8)) n++;
    expect(n).toBe(12870);
  });

  it('mixes plain options and sub-items (推進 Ⅲ(i)2, max 34)', () => {
    expect(maxOf(mixed)).toBe(34);
    expect(achievableScores(mixed)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34]);
    expect(scoreAnswers(mixed, a('ア', 'ウ①', 'ウ⑤'))).toBe(10);
  });

  it('支援 Ⅰ(i)2: 8 of 9 means exactly one 1-point item (ア or a ウ sub-item) is missing', () => {
    expect(maxOf(shien2)).toBe(9);
    const ex = explainScore(shien2, 8, { limit: 100 });
    expect(ex.map((e) => e.achieved)).toContainEqual(['ア', 'イ', 'ウ①', 'ウ②', 'ウ③', 'エ']);
    expect(ex).toHaveLength(5);
    expect(describeAnswers(shien2, ['ア', 'イ', 'ウ①', 'ウ②', 'ウ③', 'エ'])).toBe('ア・イ・ウ①〜③・エ達成、ウ④未達成');
  });
});

describe('tiers (cumulative)', () => {
  const t = tiers(3);
  it('reaching エ gives ア～ウ too', () => {
    expect(maxOf(t)).toBe(12);
    expect(achievableScores(t)).toEqual([0, 3, 6, 9, 12]);
    expect(scoreAnswers(t, a('エ'))).toBe(12);
    expect(scoreAnswers(t, a('ウ'))).toBe(9);
    expect(scoreAnswers(t, a('ア', 'イ', 'ウ'))).toBe(9); // lower levels may be listed too
    expect(scoreAnswers(t, a())).toBe(0);
    expect(isAchievable(t, 4)).toBe(false);
  });
  it('explains a tier score by the level reached', () => {
    expect(explainScore(t, 9)).toEqual([{ score: 9, achieved: ['ウ'], text: '上位3割（ウ）' }]);
    expect(explainScore(t, 0)[0]!.text).toBe('上位7割に未到達');
  });
  it('levels may carry different points', () => {
    const r: Rule = { kind: 'tiers', levels: [{ key: '①', points: 1 }, { key: '②', points: 3 }] };
    expect(achievableScores(r)).toEqual([0, 1, 4]);
  });
  it('a count threshold series (推進 Ⅱ(i)2 ア: 3事業/4事業/5事業, ③に該当すれば①・②も得点)', () => {
    const r: Rule = {
      kind: 'tiers',
      series: 'ア',
      levels: [
        { key: '①', label: '3事業', points: 2 },
        { key: '②', label: '4事業', points: 2 },
        { key: '③', label: '5事業', points: 2 },
      ],
    };
    expect(scoreAnswers(r, a('ア③'))).toBe(6);
    expect(explainScore(r, 4)[0]!.text).toBe('ア: 4事業（ア②）');
  });
});

describe('bestOf', () => {
  // 目標Ⅳ1: アとイを比較し、より上位となった方で得点
  const r: Rule = { kind: 'bestOf', parts: [tiers(5, 'ア'), tiers(5, 'イ')] };
  it('only the better series counts', () => {
    expect(maxOf(r)).toBe(20);
    expect(achievableScores(r)).toEqual([0, 5, 10, 15, 20]);
    expect(scoreAnswers(r, a('ア②', 'イ③'))).toBe(15);
    expect(scoreAnswers(r, a('ア④', 'イ①'))).toBe(20);
  });
  it('explains 10 by either series at ②, the other no higher, minimal sets first', () => {
    const ex = explainScore(r, 10, { limit: 100 });
    expect(ex[0]).toMatchObject({ achieved: ['ア②'], text: 'ア: 上位5割（ア②）／イ: 上位7割に未到達' });
    // ア=② with イ∈{0,①,②}, and イ=② with ア∈{0,①}: 5 sets
    expect(ex).toHaveLength(5);
    for (const e of ex) expect(scoreAnswers(r, e)).toBe(10);
  });
});

describe('sum', () => {
  // 支援 Ⅰ(ii)2: ア～ウ each a cumulative series of 1 point per level
  const r: Rule = { kind: 'sum', parts: [tiers(1, 'ア'), tiers(1, 'イ'), tiers(1, 'ウ')] };
  it('adds the parts', () => {
    expect(maxOf(r)).toBe(12);
    expect(achievableScores(r)).toEqual([...Array(13).keys()]);
    expect(scoreAnswers(r, a('ア④', 'イ③', 'ウ①'))).toBe(8);
  });
  it('推進 Ⅱ(i)2: two 3-level series of 2 points plus ウ～オ 各8点 = 36', () => {
    const r2: Rule = {
      kind: 'sum',
      parts: [
        { kind: 'tiers', series: 'ア', levels: ['①', '②', '③'].map((key) => ({ key, points: 2 })) },
        { kind: 'tiers', series: 'イ', levels: ['①', '②', '③'].map((key) => ({ key, points: 2 })) },
        { kind: 'options', options: ['ウ', 'エ', 'オ'].map((key) => ({ key, points: 8 })) },
      ],
    };
    expect(maxOf(r2)).toBe(36);
    expect(scoreAnswers(r2, a('ア③', 'イ②', 'ウ', 'オ'))).toBe(26);
    expect(isAchievable(r2, 35)).toBe(false);
    expect(isAchievable(r2, 34)).toBe(true);
    for (const e of explainScore(r2, 30, { limit: 50 })) expect(scoreAnswers(r2, e)).toBe(30);
  });
});

describe('fallback', () => {
  // 支援 Ⅰ(ii)9: best of ア～ウ; エ 1点 only when ア～ウ give nothing
  const r: Rule = {
    kind: 'fallback',
    primary: { kind: 'bestOf', parts: [tiers(1, 'ア'), tiers(1, 'イ'), tiers(1, 'ウ')] },
    fallback: { kind: 'options', options: [{ key: 'エ', points: 1 }] },
    condition: '人口1万人未満の市町村',
  };
  it('エ counts only when ア～ウ score 0, and never adds to them', () => {
    expect(maxOf(r)).toBe(4);
    expect(achievableScores(r)).toEqual([0, 1, 2, 3, 4]);
    expect(scoreAnswers(r, a('エ'))).toBe(1);
    expect(scoreAnswers(r, a('エ', 'イ②'))).toBe(2);
    expect(scoreAnswers(r, a('エ', 'ア④'))).toBe(4);
    expect(scoreAnswers(r, a())).toBe(0);
  });
  it('explains 1 by a series at ① or by エ', () => {
    const ex = explainScore(r, 1, { limit: 100 });
    expect(ex.map((e) => e.achieved)).toContainEqual(['エ']);
    expect(ex.map((e) => e.achieved)).toContainEqual(['ア①']);
    const viaE = ex.find((e) => e.achieved.join() === 'エ')!;
    expect(viaE.text).toContain('エ達成（人口1万人未満の市町村）');
  });
  it('a fallback worth more than the primary can give is still achievable', () => {
    const r2: Rule = { kind: 'fallback', primary: tiers(1), fallback: { kind: 'options', options: [{ key: 'オ', points: 7 }] } };
    expect(achievableScores(r2)).toEqual([0, 1, 2, 3, 4, 7]);
    expect(maxOf(r2)).toBe(7);
  });
});
