/**
 * Schema of an indicator catalog: one fiscal year's municipal evaluation framework
 * (seed 003 参考資料1). A new fiscal year is a new data file under data/catalog/, not new code.
 *
 * Indicator ids are `<grant>.<goal>.<group>.<no>` for goals Ⅰ–Ⅲ (e.g. `suishin.I.i.1`,
 * `shien.II.ii.3`) and `<grant>.IV.<no>` for the outcome goal (e.g. `shien.IV.5`).
 */
import { z } from 'zod';

export const GRANT_IDS = ['suishin', 'shien'] as const;
export const GrantId = z.enum(GRANT_IDS);
export type GrantId = z.infer<typeof GrantId>;

export const GOAL_IDS = ['I', 'II', 'III', 'IV'] as const;
export const GoalId = z.enum(GOAL_IDS);
export type GoalId = z.infer<typeof GoalId>;

/** 体制・取組指標群 (process), 活動指標群 (activity), 成果指標群 (outcome). */
export const GROUP_KINDS = ['process', 'activity', 'outcome'] as const;
export const GroupKind = z.enum(GROUP_KINDS);
export type GroupKind = z.infer<typeof GroupKind>;

const nonEmpty = z.string().min(1);

/** A sub-item of an option: ① ② … */
export const SubItem = z.strictObject({
  key: nonEmpty, // "①"
  text: nonEmpty,
});
export type SubItem = z.infer<typeof SubItem>;

/** An answer option: ア イ ウ … (with optional sub-items ①…). */
export const IndicatorOption = z.strictObject({
  key: nonEmpty, // "ア"
  text: nonEmpty,
  subItems: z.array(SubItem).default([]),
});
export type IndicatorOption = z.infer<typeof IndicatorOption>;

export const Indicator = z.strictObject({
  /** e.g. "suishin.I.i.1"; must agree with its position in the catalog. */
  id: nonEmpty,
  /** Number within its group, 1-based. */
  no: z.number().int().positive(),
  /** Short title used in the framework list (seed 003 §2), e.g. "地域の介護保険事業の特徴の把握". */
  shortTitle: nonEmpty,
  /** Full question text (評価指標), e.g. "地域の介護保険事業の特徴を把握しているか。" */
  question: nonEmpty,
  options: z.array(IndicatorOption),
  /** 項目数 as printed in seed 003 §3. */
  itemCount: z.number().int().positive(),
  maxPoints: z.number().int().positive(),
  /** 配点 column text, e.g. "ア～エ 各4点（最大16点）". */
  scoringText: nonEmpty,
  /** 時点 column text, e.g. "2023年度実施（予定を含む）の状況を評価". */
  period: nonEmpty,
  /** "ministry": computed by the ministry from statistics (網掛け); "self": self-reported. */
  source: z.enum(['ministry', 'self']),
});
export type Indicator = z.infer<typeof Indicator>;

export const IndicatorGroup = z.strictObject({
  kind: GroupKind,
  /** "(i)", "(ii)" for goals Ⅰ–Ⅲ; "" for the outcome group of goal Ⅳ. */
  label: z.string(),
  maxPoints: z.number().int().positive(),
  indicators: z.array(Indicator).min(1),
});
export type IndicatorGroup = z.infer<typeof IndicatorGroup>;

export const Goal = z.strictObject({
  id: GoalId,
  /** "Ⅰ" … "Ⅳ" */
  numeral: nonEmpty,
  title: nonEmpty,
  maxPoints: z.number().int().positive(),
  groups: z.array(IndicatorGroup).min(1),
});
export type Goal = z.infer<typeof Goal>;

export const Grant = z.strictObject({
  id: GrantId,
  /** "保険者機能強化推進交付金" */
  name: nonEmpty,
  /** "推進交付金" */
  shortName: nonEmpty,
  /** "推進" */
  abbr: nonEmpty,
  maxPoints: z.number().int().positive(),
  /** 制度概要 paragraphs (seed 003 §1). */
  overview: z.array(nonEmpty).min(1),
  goals: z.array(Goal).length(4),
});
export type Grant = z.infer<typeof Grant>;

export const Catalog = z.strictObject({
  /** Western fiscal year, e.g. 2024 (令和6年度). */
  fiscalYear: z.number().int().min(2018).max(2100),
  /** Title of the framework, e.g. "令和6年度保険者機能強化推進交付金及び介護保険保険者努力支援交付金に係る評価指標（市町村分）". */
  title: nonEmpty,
  /** Notes printed under the title (配点合計…, 網掛け…). */
  notes: z.array(nonEmpty).default([]),
  grants: z.array(Grant).length(2),
});
export type Catalog = z.infer<typeof Catalog>;
