/**
 * The FY2024 scoring rules (data/catalog/fy2024.rules.json) against seed 003: the maxima of
 * 参考資料1, the 項目数 and Kyoto City's scores of §3, the unscored item of §4(2), and — when the
 * catalog has been transcribed — data/catalog/fy2024.json.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadJson } from '../../src/load/json.ts';
import { Catalog } from '../../src/load/schemas/catalog.ts';
import { achievableScores, explainScore, isAchievable, maxOf, scoreAnswers } from '../../src/scoring/engine.ts';
import { itemIds, RulesFileSchema } from '../../src/scoring/rules.ts';
import { whatIfOpportunities } from '../../src/scoring/whatif.ts';

const RULES_FILE = fileURLToPath(new URL('../../data/catalog/fy2024.rules.json', import.meta.url));
const CATALOG_FILE = fileURLToPath(new URL('../../data/catalog/fy2024.json', import.meta.url));

const file = loadJson(RulesFileSchema, RULES_FILE);
const rules = file.rules;
const ruleOf = (id: string) => {
  const r = rules[id];
  if (!r) throw new Error(`no rule for ${id}`);
  return r.rule;
};

/** Builds ids "<grant>.<goal>.<group>.<no>" from per-group lists, in catalog order. */
function byId(grant: 'suishin' | 'shien', groups: Record<string, number[]>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [group, list] of Object.entries(groups)) list.forEach((v, i) => (out[`${grant}.${group}.${i + 1}`] = v));
  return out;
}

/** Maxima of 参考資料1 (配点 column). */
const MAX: Record<string, number> = {
  ...byId('suishin', {
    'I.i': [16, 16, 16, 16],
    'I.ii': [12, 12, 12],
    'II.i': [32, 36],
    'II.ii': [16, 16],
    'III.i': [30, 34],
    'III.ii': [12, 12, 12],
    IV: [20, 20, 20, 20, 20],
  }),
  ...byId('shien', {
    'I.i': [6, 9, 7, 7, 7, 9, 7],
    'I.ii': [4, 12, 4, 8, 4, 4, 4, 4, 4],
    'II.i': [20, 19, 25],
    'II.ii': [12, 12, 12],
    'III.i': [26, 21, 21],
    'III.ii': [16, 16],
    IV: [20, 20, 20, 20, 20],
  }),
};

/** 項目数 of seed 003 §3 (推進 119, 支援 177). */
const ITEM_COUNT: Record<string, number> = {
  ...byId('suishin', {
    'I.i': [4, 4, 16, 4],
    'I.ii': [4, 4, 4],
    'II.i': [4, 9],
    'II.ii': [4, 4],
    'III.i': [5, 9],
    'III.ii': [4, 4, 4],
    IV: [8, 4, 8, 4, 8],
  }),
  ...byId('shien', {
    'I.i': [4, 7, 4, 4, 4, 5, 4],
    'I.ii': [4, 12, 4, 8, 4, 4, 4, 4, 13],
    'II.i': [4, 4, 5],
    'II.ii': [4, 4, 4],
    'III.i': [5, 6, 4],
    'III.ii': [8, 8],
    IV: [8, 4, 8, 4, 8],
  }),
};

/** Kyoto City's FY2024 scores, transcribed from seed 003 §3 (推進 277, 支援 283). */
const KYOTO: Record<string, number> = {
  'suishin.I.i.1': 16,
  'suishin.I.i.2': 16,
  'suishin.I.i.3': 16,
  'suishin.I.i.4': 16,
  'suishin.I.ii.1': 12,
  'suishin.I.ii.2': 3,
  'suishin.I.ii.3': 0,
  'suishin.II.i.1': 32,
  'suishin.II.i.2': 36,
  'suishin.II.ii.1': 0,
  'suishin.II.ii.2': 16,
  'suishin.III.i.1': 30,
  'suishin.III.i.2': 34,
  'suishin.III.ii.1': 3,
  'suishin.III.ii.2': 3,
  'suishin.III.ii.3': 9,
  'suishin.IV.1': 10,
  'suishin.IV.2': 10,
  'suishin.IV.3': 5,
  'suishin.IV.4': 10,
  'suishin.IV.5': 0,
  'shien.I.i.1': 6,
  'shien.I.i.2': 8,
  'shien.I.i.3': 7,
  'shien.I.i.4': 7,
  'shien.I.i.5': 7,
  'shien.I.i.6': 9,
  'shien.I.i.7': 7,
  'shien.I.ii.1': 1,
  'shien.I.ii.2': 8,
  'shien.I.ii.3': 0,
  'shien.I.ii.4': 3,
  'shien.I.ii.5': 1,
  'shien.I.ii.6': 0,
  'shien.I.ii.7': 0,
  'shien.I.ii.8': 4,
  'shien.I.ii.9': 3,
  'shien.II.i.1': 20,
  'shien.II.i.2': 19,
  'shien.II.i.3': 25,
  'shien.II.ii.1': 6,
  'shien.II.ii.2': 3,
  'shien.II.ii.3': 12,
  'shien.III.i.1': 26,
  'shien.III.i.2': 21,
  'shien.III.i.3': 21,
  'shien.III.ii.1': 12,
  'shien.III.ii.2': 12,
  'shien.IV.1': 10,
  'shien.IV.2': 10,
  'shien.IV.3': 5,
  'shien.IV.4': 10,
  'shien.IV.5': 0,
};

const total = (map: Record<string, number>, grant: string) =>
  Object.entries(map)
    .filter(([id]) => id.startsWith(`${grant}.`))
    .reduce((acc, [, v]) => acc + v, 0);

describe('FY2024 scoring rules', () => {
  it('cover exactly the 53 indicators, in catalog order', () => {
    expect(Object.keys(rules)).toEqual(Object.keys(MAX));
    expect(Object.keys(rules)).toHaveLength(53);
  });

  it('have the maxima of 参考資料1 (each grant 400)', () => {
    for (const [id, max] of Object.entries(MAX)) expect([id, maxOf(ruleOf(id))]).toEqual([id, max]);
    expect(total(MAX, 'suishin')).toBe(400);
    expect(total(MAX, 'shien')).toBe(400);
  });

  it('have one scoring item per 項目 of seed §3 (推進 119, 支援 177)', () => {
    for (const [id, n] of Object.entries(ITEM_COUNT)) expect([id, itemIds(ruleOf(id)).length]).toEqual([id, n]);
    expect(total(ITEM_COUNT, 'suishin')).toBe(119);
    expect(total(ITEM_COUNT, 'shien')).toBe(177);
  });

  it("produce every one of Kyoto's 53 reported scores (推進 277, 支援 283)", () => {
    expect(Object.keys(KYOTO)).toEqual(Object.keys(MAX));
    expect(total(KYOTO, 'suishin')).toBe(277);
    expect(total(KYOTO, 'shien')).toBe(283);
    for (const [id, score] of Object.entries(KYOTO)) {
      expect([id, isAchievable(ruleOf(id), score)]).toEqual([id, true]);
      const ex = explainScore(ruleOf(id), score, { limit: 3 });
      expect(ex.length).toBeGreaterThan(0);
      for (const e of ex) expect([id, scoreAnswers(ruleOf(id), e)]).toEqual([id, score]);
    }
  });

  it('explain 支援 Ⅰ(i)2 = 8 of 9 by missing ウ④ (seed §4(2): ポイント事業参加者の健康状態等のデータベース化)', () => {
    const rule = ruleOf('shien.I.i.2');
    expect(scoreAnswers(rule, { achieved: ['ア', 'イ', 'ウ①', 'ウ②', 'ウ③', 'エ'] })).toBe(8);
    const ex = explainScore(rule, 8, { limit: 50 });
    const viaU4 = ex.find((e) => !e.achieved.includes('ウ④'));
    expect(viaU4).toMatchObject({ achieved: ['ア', 'イ', 'ウ①', 'ウ②', 'ウ③', 'エ'], text: 'ア・イ・ウ①〜③・エ達成、ウ④未達成' });
    // Missing ウ④ is one of the five ways; the score alone cannot tell which 1-point item is missing.
    expect(ex).toHaveLength(5);
  });

  it('reject 17 on 推進 Ⅰ(i)1 (ア～エ 各4点) and anything off the 4-point grid', () => {
    const rule = ruleOf('suishin.I.i.1');
    expect(isAchievable(rule, 17)).toBe(false);
    expect(explainScore(rule, 17)).toEqual([]);
    expect(achievableScores(rule)).toEqual([0, 4, 8, 12, 16]);
  });

  it("rank Kyoto's what-if opportunities with 推進 Ⅱ(ii)1 (0/16) and Ⅳ5 (0/20) near the top", () => {
    const out = whatIfOpportunities(rules, KYOTO);
    const top = out.slice(0, 3).map((e) => e.indicatorId);
    expect(top).toContain('suishin.IV.5');
    expect(top).toContain('suishin.II.ii.1');
    expect(out[0]).toMatchObject({ indicatorId: 'suishin.IV.5', current: 0, max: 20, nextScore: 5, nextGain: 5, maxGain: 20 });
    expect(out[0]!.nextStep).toBe('ア・イのいずれかで上位7割に到達（①）');
    const ii1 = out.find((e) => e.indicatorId === 'suishin.II.ii.1')!;
    expect(ii1).toMatchObject({ current: 0, max: 16, nextScore: 4, maxGain: 16, nextStep: '上位7割に到達（ア）' });
    expect(out.find((e) => e.indicatorId === 'shien.I.ii.2')).toMatchObject({ current: 8, nextScore: 9, nextStep: 'ア〜ウのいずれかで1段階上位の区分に到達' });
    const u2 = out.find((e) => e.indicatorId === 'shien.I.i.2')!;
    expect(u2).toMatchObject({ current: 8, nextScore: 9, nextGain: 1, maxGain: 1, nextStep: 'ア・ウ①〜④のいずれか1項目を追加' });
    // Every entry is below its maximum and all of Kyoto's scores are achievable.
    expect(out.every((e) => e.current < e.max && e.currentAchievable)).toBe(true);
    expect(out.map((e) => e.maxGain)).toEqual([...out.map((e) => e.maxGain)].sort((a, b) => b - a));
  });

  describe('against data/catalog/fy2024.json', () => {
    const indicators = () => {
      const catalog = loadJson(Catalog, CATALOG_FILE);
      return catalog.grants.flatMap((g) => g.goals.flatMap((goal) => goal.groups.flatMap((grp) => grp.indicators)));
    };

    it("every catalog indicator has a rule whose maximum is the catalog's maxPoints, and vice versa", () => {
      const list = indicators();
      for (const ind of list) {
        expect([ind.id, ind.id in rules]).toEqual([ind.id, true]);
        expect([ind.id, maxOf(ruleOf(ind.id))]).toEqual([ind.id, ind.maxPoints]);
        expect([ind.id, rules[ind.id]!.maxPoints]).toEqual([ind.id, ind.maxPoints]);
      }
      expect(Object.keys(rules)).toEqual(list.map((i) => i.id));
    });

    it("rule items match the catalog's options and sub-items, and its itemCount", () => {
      for (const ind of indicators()) {
        const fromCatalog = ind.options.flatMap((o) => (o.subItems.length > 0 ? o.subItems.map((s) => o.key + s.key) : [o.key]));
        expect([ind.id, itemIds(ruleOf(ind.id))]).toEqual([ind.id, fromCatalog]);
        expect([ind.id, itemIds(ruleOf(ind.id)).length]).toEqual([ind.id, ind.itemCount]);
      }
    });
  });
});
