/**
 * 上位7割 / 上位5割 / 上位3割 / 上位1割 cut-offs of an activity or outcome indicator, from the raw
 * values of all municipalities (全保険者), and each municipality's tier.
 *
 * The ministry computes these itself and does not publish its exact procedure; the
 * conventions below are this project's, chosen to be simple, deterministic and documented.
 *
 * Direction. `higherIsBetter` is required (no default), because it differs per indicator:
 * - true: counts and ratios of activity — 研修修了者数, 認知症サポーター数, 通いの場への参加率,
 *   ケアプラン点検・医療情報との突合の実施割合, 地域包括支援センター3職種の人数, 評価得点 …;
 * - false: outcome measures where a smaller value is better — 平均要介護度の変化率 and 変化率の差
 *   (目標Ⅳ 1–4), 要介護2以上の認定率 and its 変化率 (目標Ⅳ 5).
 *
 * Ranking and ties. Values are ranked with competition ranking (1, 2, 2, 4), as in
 * src/common/rank.ts. With n values, a municipality is in 上位x割 if and only if its rank is at
 * most k = ceil(n·x/10) (x = 7, 5, 3, 1). Equivalently: the cut-off of 上位x割 is the value of the
 * k-th best municipality, and a value is in the tier when it is at least as good as the cut-off
 * (≥ when higher is better, ≤ when lower is better). Consequences:
 * - ties at a cut-off all get the better tier, so a tier can hold more than k municipalities;
 * - ceil makes every tier non-empty (k ≥ 1 for n ≥ 1); `rounding: 'floor'` is available, in
 *   which case a tier can be empty (its cut-off is null and nobody reaches it);
 * - tiers are cumulative: 上位1割 ⊂ 上位3割 ⊂ 上位5割 ⊂ 上位7割, and the tier returned is the best
 *   one reached (level 4 = 上位1割 … 1 = 上位7割, 0 = none).
 *
 * Zero activity. When almost everyone has 0 (e.g. PFS委託事業数), the tie rule would put every 0
 * inside 上位7割. Kyoto (0 PFS contracts) scored nothing, so for such count indicators pass
 * `zeroEarnsNoTier: true`: a 0 still counts in n and in the ranking but never earns a tier.
 *
 * Values must be finite numbers; municipalities without a value are left out by the caller.
 */
import { competitionRanks } from '../common/rank.ts';

export const TIER_SHARES = [7, 5, 3, 1] as const;
export type TierShare = (typeof TIER_SHARES)[number];
export const TIER_LABELS = ['上位7割', '上位5割', '上位3割', '上位1割'] as const;

/** 0 = no tier, 1 = 上位7割, 2 = 上位5割, 3 = 上位3割, 4 = 上位1割. */
export type TierLevel = 0 | 1 | 2 | 3 | 4;

export interface TierOptions {
  higherIsBetter: boolean;
  /** A value of 0 never earns a tier (it still counts in n). Default false. */
  zeroEarnsNoTier?: boolean;
  /** k = ceil(n·x/10) (default) or floor(n·x/10). */
  rounding?: 'ceil' | 'floor';
}

export interface TierCutoff {
  level: 1 | 2 | 3 | 4;
  share: TierShare;
  label: (typeof TIER_LABELS)[number];
  /** Worst competition rank inside the tier: ceil(n·share/10). */
  rankLimit: number;
  /** Value of the rankLimit-th best municipality; null when rankLimit is 0 (floor rounding). */
  value: number | null;
}

export interface TierThresholds {
  n: number;
  higherIsBetter: boolean;
  zeroEarnsNoTier: boolean;
  rounding: 'ceil' | 'floor';
  /** In order 上位7割, 上位5割, 上位3割, 上位1割. */
  cutoffs: TierCutoff[];
}

function checkValues(values: readonly number[]): void {
  if (values.length === 0) throw new RangeError('tier thresholds need at least one value');
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new RangeError(`value ${String(values[bad])} at index ${bad} is not a finite number`);
}

/** ceil(n·share/10) or floor(n·share/10), in exact integer arithmetic. */
function rankLimit(n: number, share: TierShare, rounding: 'ceil' | 'floor'): number {
  return rounding === 'ceil' ? Math.floor((n * share + 9) / 10) : Math.floor((n * share) / 10);
}

export function tierThresholds(values: readonly number[], options: TierOptions): TierThresholds {
  checkValues(values);
  const rounding = options.rounding ?? 'ceil';
  const best = [...values].sort((a, b) => (options.higherIsBetter ? b - a : a - b));
  const n = values.length;
  const cutoffs = TIER_SHARES.map((share, i): TierCutoff => {
    const limit = rankLimit(n, share, rounding);
    return {
      level: (i + 1) as 1 | 2 | 3 | 4,
      share,
      label: TIER_LABELS[i]!,
      rankLimit: limit,
      value: limit > 0 ? best[limit - 1]! : null,
    };
  });
  return { n, higherIsBetter: options.higherIsBetter, zeroEarnsNoTier: options.zeroEarnsNoTier ?? false, rounding, cutoffs };
}

/** Best tier a value reaches under the thresholds (the value need not be one of the n values). */
export function tierOf(value: number, thresholds: TierThresholds): TierLevel {
  if (!Number.isFinite(value)) throw new RangeError(`value ${String(value)} is not a finite number`);
  if (thresholds.zeroEarnsNoTier && value === 0) return 0;
  let level: TierLevel = 0;
  for (const c of thresholds.cutoffs) {
    if (c.value === null) continue;
    const inside = thresholds.higherIsBetter ? value >= c.value : value <= c.value;
    if (inside) level = c.level;
  }
  return level;
}

/** "上位3割" for level 3; null for 0. */
export function tierLabel(level: TierLevel): string | null {
  return level === 0 ? null : TIER_LABELS[level - 1]!;
}

/** Cut-offs plus every municipality's tier and competition rank, in input order. */
export function assignTiers(
  values: readonly number[],
  options: TierOptions,
): { thresholds: TierThresholds; ranks: number[]; tiers: TierLevel[] } {
  const thresholds = tierThresholds(values, options);
  const ranks = competitionRanks(values, options.higherIsBetter ? 'desc' : 'asc');
  const tiers = values.map((v) => tierOf(v, thresholds));
  return { thresholds, ranks, tiers };
}
