/**
 * Machine-readable scoring rules (配点) of the evaluation indicators (seed 003 参考資料1).
 *
 * A rule is a small tree built from five combinators. Every node can score 0 (nothing
 * achieved), so every rule has a minimum of 0 and a computable maximum.
 *
 * Leaves
 * - `options`: independent yes/no items, each with its own points. An option either has
 *   points itself ("ア～エ 各4点", "ア1点・イ～エ各2点", "ア、ウ～オ 各5点 イ 6点") or consists
 *   of multi-select sub-items that score separately ("ア～エのうち①～④ 各1点",
 *   "ウのうち①～⑤ 各2点"); plain options and options with sub-items can be mixed in one node.
 * - `tiers`: one cumulative series of levels, e.g. 上位7割/5割/3割/1割, or "3事業/4事業/5事業".
 *   Reaching a level gives the points of that level and of every level below it
 *   ("エに該当すればア～ウも得点", "③に該当すれば①・②も得点").
 *
 * Combinators
 * - `sum`: the parts add up (支援 Ⅰ(ii)2: series ア, イ, ウ each scored).
 * - `bestOf`: only the best part counts ("アとイを比較し、より上位となった方で得点").
 * - `fallback`: the fallback part counts only when the primary part scores 0
 *   (支援 Ⅰ(ii)9 エ: "ア～ウに該当しない場合であってもエに該当する場合1点").
 *
 * Item ids. Every scoring item has an id, unique within its rule, used by answers and
 * explanations:
 * - a plain option: its key, "ア";
 * - a sub-item: option key + sub-item key, "ウ①";
 * - a tier level: series key (if any) + level key: "ウ" for the single unnamed series of an
 *   activity indicator (ア 上位7割 … エ 上位1割), "ア③" for level ③ of series ア.
 */
import { z } from 'zod';
import { schemaMessages } from '../errors/messages.ts';

/** An item with points: a plain option, a sub-item, or a tier level. */
export interface ScoredItem {
  key: string;
  /** Short text, e.g. "上位3割", "5事業", "ポイント事業参加者の健康状態等のデータベース化". */
  label?: string;
  points: number;
}

/** An option made only of multi-select sub-items (the option itself has no points). */
export interface OptionWithSubItems {
  key: string;
  label?: string;
  subItems: ScoredItem[];
}

export type OptionEntry = ScoredItem | OptionWithSubItems;

export interface OptionsRule {
  kind: 'options';
  options: OptionEntry[];
}

export interface TiersRule {
  kind: 'tiers';
  /** Series key ("ア") when the indicator has several series; absent for a single series. */
  series?: string;
  /** What the series measures, e.g. "変化率の状況". */
  label?: string;
  /** Levels from lowest (easiest) to highest; reaching one gives all below it too. */
  levels: ScoredItem[];
}

export interface SumRule {
  kind: 'sum';
  parts: Rule[];
}

export interface BestOfRule {
  kind: 'bestOf';
  parts: Rule[];
}

export interface FallbackRule {
  kind: 'fallback';
  primary: Rule;
  /** Scores only when `primary` scores 0. */
  fallback: Rule;
  /** Who may use the fallback, e.g. "人口1万人未満の市町村". */
  condition?: string;
}

export type Rule = OptionsRule | TiersRule | SumRule | BestOfRule | FallbackRule;
export type RuleKind = Rule['kind'];

export function hasSubItems(option: OptionEntry): option is OptionWithSubItems {
  return 'subItems' in option;
}

/** Id of a sub-item ("ウ①") or of a tier level ("ア③", or "ウ" in an unnamed series). */
export function subItemId(option: OptionWithSubItems, sub: ScoredItem): string {
  return option.key + sub.key;
}
export function levelId(series: TiersRule, level: ScoredItem): string {
  return (series.series ?? '') + level.key;
}

/** Ids of all scoring items of a rule, in document order. */
export function itemIds(rule: Rule): string[] {
  switch (rule.kind) {
    case 'options':
      return rule.options.flatMap((o) => (hasSubItems(o) ? o.subItems.map((s) => subItemId(o, s)) : [o.key]));
    case 'tiers':
      return rule.levels.map((l) => levelId(rule, l));
    case 'sum':
    case 'bestOf':
      return rule.parts.flatMap(itemIds);
    case 'fallback':
      return [...itemIds(rule.primary), ...itemIds(rule.fallback)];
  }
}

/**
 * Highest score a rule can give (re-exported as `maxOf` by engine.ts). Every node can score 0,
 * so a fallback can always be reached and its maximum is the larger of its two parts'.
 */
export function ruleMax(rule: Rule): number {
  switch (rule.kind) {
    case 'options':
      return rule.options.reduce((acc, o) => acc + (hasSubItems(o) ? o.subItems.reduce((a, s) => a + s.points, 0) : o.points), 0);
    case 'tiers':
      return rule.levels.reduce((acc, l) => acc + l.points, 0);
    case 'sum':
      return rule.parts.reduce((acc, p) => acc + ruleMax(p), 0);
    case 'bestOf':
      return Math.max(...rule.parts.map(ruleMax));
    case 'fallback':
      return Math.max(ruleMax(rule.primary), ruleMax(rule.fallback));
  }
}

// ---------------------------------------------------------------------------------------------
// zod schemas

const key = z.string().min(1);
const points = z.number().int().positive();

export const ScoredItemSchema = z.strictObject({
  key,
  label: z.string().min(1).optional(),
  points,
});

export const OptionWithSubItemsSchema = z.strictObject({
  key,
  label: z.string().min(1).optional(),
  subItems: z.array(ScoredItemSchema).min(1),
});

export const OptionEntrySchema = z.union([ScoredItemSchema, OptionWithSubItemsSchema]);

export const RuleSchema: z.ZodType<Rule> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('options'), options: z.array(OptionEntrySchema).min(1) }),
    z.strictObject({
      kind: z.literal('tiers'),
      series: key.optional(),
      label: z.string().min(1).optional(),
      levels: z.array(ScoredItemSchema).min(1),
    }),
    z.strictObject({ kind: z.literal('sum'), parts: z.array(RuleSchema).min(2) }),
    z.strictObject({ kind: z.literal('bestOf'), parts: z.array(RuleSchema).min(2) }),
    z.strictObject({
      kind: z.literal('fallback'),
      primary: RuleSchema,
      fallback: RuleSchema,
      condition: z.string().min(1).optional(),
    }),
  ]),
);

/** `suishin.I.i.1`, `shien.II.ii.3`, `shien.IV.5`. */
export const INDICATOR_ID_PATTERN = /^(suishin|shien)\.((I|II|III)\.(i|ii)|IV)\.[1-9][0-9]*$/;

/** One indicator's rule with its stated maximum, which must equal the rule's computed maximum. */
export const IndicatorRuleSchema = z
  .strictObject({
    maxPoints: points,
    rule: RuleSchema,
  })
  .superRefine((value, ctx) => {
    const ids = itemIds(value.rule);
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['rule'], message: schemaMessages.duplicateRuleItem(id) });
      seen.add(id);
    }
    const computed = ruleMax(value.rule);
    if (computed !== value.maxPoints)
      ctx.addIssue({
        code: 'custom',
        path: ['maxPoints'],
        message: schemaMessages.ruleMaxPoints(value.maxPoints, computed),
      });
  });
export type IndicatorRule = z.infer<typeof IndicatorRuleSchema>;

/** data/catalog/fy<year>.rules.json */
export const RulesFileSchema = z.strictObject({
  fiscalYear: z.number().int().min(2018).max(2100),
  /** Where the rules were transcribed from. */
  source: z.string().min(1).optional(),
  rules: z.record(z.string().regex(INDICATOR_ID_PATTERN, 'not an indicator id like "suishin.I.i.1" or "shien.IV.5"'), IndicatorRuleSchema),
});
export type RulesFile = z.infer<typeof RulesFileSchema>;
