import { describe, expect, it } from 'vitest';
import { IndicatorRuleSchema, itemIds, RuleSchema, RulesFileSchema, type Rule } from '../../src/scoring/rules.ts';

const each4: Rule = { kind: 'options', options: ['ア', 'イ', 'ウ', 'エ'].map((key) => ({ key, points: 4 })) };

describe('rule schema', () => {
  it('accepts every combinator, nested', () => {
    const rule = {
      kind: 'fallback',
      primary: {
        kind: 'bestOf',
        parts: [
          { kind: 'tiers', series: 'ア', levels: [{ key: '①', label: '上位7割', points: 1 }] },
          { kind: 'sum', parts: [each4, { kind: 'options', options: [{ key: 'オ', subItems: [{ key: '①', points: 2 }] }] }] },
        ],
      },
      fallback: { kind: 'options', options: [{ key: 'カ', points: 1 }] },
      condition: '人口1万人未満の市町村',
    };
    expect(RuleSchema.parse(rule)).toEqual(rule);
    expect(itemIds(rule as Rule)).toEqual(['ア①', 'ア', 'イ', 'ウ', 'エ', 'オ①', 'カ']);
  });

  it('rejects unknown kinds, unknown fields, zero or fractional points, empty series', () => {
    expect(RuleSchema.safeParse({ kind: 'product', parts: [] }).success).toBe(false);
    expect(RuleSchema.safeParse({ ...each4, extra: 1 }).success).toBe(false);
    expect(RuleSchema.safeParse({ kind: 'options', options: [{ key: 'ア', points: 0 }] }).success).toBe(false);
    expect(RuleSchema.safeParse({ kind: 'options', options: [{ key: 'ア', points: 1.5 }] }).success).toBe(false);
    expect(RuleSchema.safeParse({ kind: 'tiers', levels: [] }).success).toBe(false);
    expect(RuleSchema.safeParse({ kind: 'sum', parts: [each4] }).success).toBe(false);
  });

  it('checks maxPoints against the rule and item ids for uniqueness', () => {
    expect(IndicatorRuleSchema.safeParse({ maxPoints: 16, rule: each4 }).success).toBe(true);
    const wrongMax = IndicatorRuleSchema.safeParse({ maxPoints: 17, rule: each4 });
    expect(wrongMax.success).toBe(false);
    expect(wrongMax.error!.issues[0]!.message).toBe('maxPoints is 17 but the rule can give at most 16');
    const dup = IndicatorRuleSchema.safeParse({ maxPoints: 8, rule: { kind: 'sum', parts: [each4, { kind: 'tiers', levels: [{ key: 'ア', points: 1 }] }] } });
    expect(dup.success).toBe(false);
    expect(dup.error!.issues.map((i) => i.message)).toContain('item id "ア" appears more than once in the rule');
  });

  it('rules files are keyed by indicator id', () => {
    const ok = { fiscalYear: 2024, rules: { 'suishin.I.i.1': { maxPoints: 16, rule: each4 }, 'shien.IV.5': { maxPoints: 16, rule: each4 } } };
    expect(RulesFileSchema.safeParse(ok).success).toBe(true);
    for (const bad of ['suishin.IV.i.1', 'suishin.I.1', 'kyoto.I.i.1', 'shien.I.iii.1'])
      expect(RulesFileSchema.safeParse({ fiscalYear: 2024, rules: { [bad]: { maxPoints: 16, rule: each4 } } }).success).toBe(false);
  });
});
