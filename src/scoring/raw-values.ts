/**
 * Tiers from raw values (pure, no I/O): with every municipality's raw value of a ranked series
 * (the measure the ministry ranks: a rate, a count per population, a change rate), compute the
 * 上位7割/5割/3割/1割 cut-offs (tiers.ts), each municipality's tier, the score each indicator's
 * 配点 rule gives for those tiers (engine.ts), and the value needed for the next tier.
 *
 * Ranked series. A ranked series is a `tiers` node of a rule whose four levels are labelled
 * 上位7割, 上位5割, 上位3割, 上位1割 (tier series such as "3事業/4事業/5事業" are not ranked and
 * have no raw value). Its key is the indicator id for an indicator with a single series
 * (`suishin.II.ii.1`), or `<indicator id>/<series key>` when the rule has several (`shien.I.ii.4/ア`,
 * `suishin.IV.5/イ`). The keys are the column names of a raw values file (raw-file.ts).
 *
 * Series data. What each series measures, its direction and whether a 0 earns a tier are data:
 * data/catalog/fy<year>.series.json (`SeriesFileSchema`), checked against the rules by
 * `checkSeriesFile`.
 *
 * Scores. A municipality's tier of each series of an indicator becomes the achieved level id
 * ("ウ", "ア③") and the indicator's rule scores them with `scoreAnswers`. Items of a rule that are
 * not ranked series (the fallback エ of 支援 Ⅰ(ii)9, 人口1万人未満の市町村) are unknown from raw values
 * and count as not achieved. An indicator is `complete: false` when such items could change its
 * score (エ counts only when ア～ウ score 0), or when a series is missing from the file or has no
 * value for the municipality.
 *
 * Next tier. For a municipality below 上位1割 in a series, the value needed for the next level is
 * that level's cut-off (the value of the k-th best municipality): reaching it is both necessary
 * and sufficient while every other municipality's value stays the same (n and k do not change,
 * and the municipality's own old value is worse than the cut-off, so it does not count among the
 * k best). The direction is "以上" when higher is better and "以下" when lower is better; when a 0
 * earns no tier and the cut-off is 0, it is "超" ("0超": any value above 0) or "未満". Equal
 * cut-offs (ties, or many zeros) mean that reaching the next level can reach a higher one too;
 * `reaches` is the best level the cut-off value gives, and `points` what the indicator gains
 * then, with the other series unchanged (0 in a bestOf when another series scores more).
 */
import { z } from 'zod';
import { dataFileMessages } from '../errors/messages.ts';
import type { Problem } from '../errors/errors.ts';
import { competitionRankOf } from '../common/rank.ts';
import { maxOf, scoreAnswers } from './engine.ts';
import { INDICATOR_ID_PATTERN, itemIds, levelId, type Rule, type RulesFile, type TiersRule } from './rules.ts';
import { TIER_LABELS, tierLabel, tierOf, tierThresholds, type TierLevel, type TierThresholds } from './tiers.ts';

// ---------------------------------------------------------------------------------------------
// Ranked series of the rules

export interface RankedSeries {
  /** `suishin.II.ii.1` or `shien.I.ii.4/ア`. */
  key: string;
  indicatorId: string;
  /** Series key of the rule ("ア"), null for the single series of an indicator. */
  series: string | null;
  node: TiersRule;
}

export function seriesKey(indicatorId: string, series: string | null | undefined): string {
  return series ? `${indicatorId}/${series}` : indicatorId;
}

/** True for a tiers node of four levels 上位7割, 上位5割, 上位3割, 上位1割 (in that order). */
export function isRankedTiers(node: TiersRule): boolean {
  return node.levels.length === TIER_LABELS.length && node.levels.every((l, i) => l.label === TIER_LABELS[i]);
}

function collectRanked(rule: Rule, out: TiersRule[]): TiersRule[] {
  switch (rule.kind) {
    case 'options':
      break;
    case 'tiers':
      if (isRankedTiers(rule)) out.push(rule);
      break;
    case 'sum':
    case 'bestOf':
      for (const p of rule.parts) collectRanked(p, out);
      break;
    case 'fallback':
      collectRanked(rule.primary, out);
      collectRanked(rule.fallback, out);
      break;
  }
  return out;
}

/** Ranked series of one indicator's rule, in document order. */
export function rankedSeriesOfRule(indicatorId: string, rule: Rule): RankedSeries[] {
  const nodes = collectRanked(rule, []);
  return nodes.map((node) => ({ key: seriesKey(indicatorId, nodes.length > 1 ? node.series : null), indicatorId, series: node.series ?? null, node }));
}

/** Ranked series of every indicator, in the order of the rules file. */
export function rankedSeriesOfRules(rules: RulesFile): RankedSeries[] {
  return Object.entries(rules.rules).flatMap(([id, r]) => rankedSeriesOfRule(id, r.rule));
}

/** Item ids of a rule that are not levels of ranked series (e.g. the fallback エ of 支援 Ⅰ(ii)9). */
function unrankedItemIds(rule: Rule, ranked: readonly RankedSeries[]): string[] {
  const rankedIds = new Set(ranked.flatMap((r) => r.node.levels.map((l) => levelId(r.node, l))));
  return itemIds(rule).filter((id) => !rankedIds.has(id));
}

// ---------------------------------------------------------------------------------------------
// Series data file (data/catalog/fy<year>.series.json)

export const SERIES_KEY_PATTERN = new RegExp(`${INDICATOR_ID_PATTERN.source.slice(0, -1)}(/[^/\\s]+)?$`);

export const SeriesSpecSchema = z.strictObject({
  /** What the ministry ranks, in Japanese, e.g. "ケアプラン点検の実施割合", "要介護2以上の認定率（2023年1月）". */
  measure: z.string().min(1),
  /** True: a larger value ranks higher. False for 平均要介護度の変化率, 要介護2以上の認定率 and the like. */
  higherIsBetter: z.boolean(),
  /** True: a value of 0 never earns a tier (it still counts in n), e.g. PFS委託事業数. */
  zeroEarnsNoTier: z.boolean(),
  /** Unit of the values in a raw values file, for display: "%", "日", "点", or "" (none). */
  unit: z.string().optional(),
});
export type SeriesSpec = z.infer<typeof SeriesSpecSchema>;

export const SeriesFileSchema = z.strictObject({
  fiscalYear: z.number().int().min(2018).max(2100),
  source: z.string().min(1).optional(),
  notes: z.array(z.string().min(1)).optional(),
  series: z.record(z.string().regex(SERIES_KEY_PATTERN, { error: () => dataFileMessages.seriesKey() }), SeriesSpecSchema),
});
export type SeriesFile = z.infer<typeof SeriesFileSchema>;

/** The series file must list every ranked series of the rules, and nothing else. */
export function checkSeriesFile(series: SeriesFile, rules: RulesFile, file: string): Problem[] {
  const problems: Problem[] = [];
  const add = (place: string | undefined, rule: string) => problems.push({ location: { file, place }, rule, severity: 'error' });
  if (series.fiscalYear !== rules.fiscalYear) add('$.fiscalYear', dataFileMessages.seriesYear(series.fiscalYear, rules.fiscalYear));
  const ranked = rankedSeriesOfRules(rules);
  const keys = new Set(ranked.map((r) => r.key));
  for (const r of ranked)
    if (!Object.hasOwn(series.series, r.key)) add('$.series', dataFileMessages.seriesMissing(r.key));
  for (const key of Object.keys(series.series))
    if (!keys.has(key)) add(`$.series[${JSON.stringify(key)}]`, dataFileMessages.notRankedSeries(key));
  return problems;
}

/** A ranked series with its data. */
export interface SeriesInfo extends RankedSeries {
  measure: string;
  higherIsBetter: boolean;
  zeroEarnsNoTier: boolean;
  unit: string;
}

/** Joins the ranked series of the rules with the series file (checked with `checkSeriesFile`). */
export function seriesInfos(rules: RulesFile, series: SeriesFile): SeriesInfo[] {
  return rankedSeriesOfRules(rules).map((r) => {
    const spec = series.series[r.key];
    if (!spec) throw new RangeError(`ranked series "${r.key}" has no entry in the series file`);
    return { ...r, measure: spec.measure, higherIsBetter: spec.higherIsBetter, zeroEarnsNoTier: spec.zeroEarnsNoTier, unit: spec.unit ?? '' };
  });
}

// ---------------------------------------------------------------------------------------------
// Raw values and their tiers

export interface RawMunicipality {
  /** 6-digit 全国地方公共団体コード. */
  code: string;
  name?: string;
  fictional: boolean;
  /** Raw value per series key; a series without a value for this municipality is absent. */
  values: Readonly<Record<string, number>>;
}

export interface RawValues {
  /** Series keys of the file's columns, in column order. */
  series: string[];
  municipalities: RawMunicipality[];
  /** True when any row is marked fictional. */
  fictional: boolean;
}

export interface SeriesTiers {
  info: SeriesInfo;
  /** Municipalities with a value. */
  n: number;
  /** Null when no municipality has a value. */
  thresholds: TierThresholds | null;
  /** Values in municipality order (for ranks). */
  values: number[];
}

export interface RawAnalysis {
  rules: RulesFile;
  raw: RawValues;
  /** Series of the file, in the order of the rules. */
  series: SeriesTiers[];
  byKey: ReadonlyMap<string, SeriesTiers>;
  byCode: ReadonlyMap<string, RawMunicipality>;
}

/** Cut-offs of every series in the file. `infos` must cover the file's series. */
export function analyseRawValues(raw: RawValues, infos: readonly SeriesInfo[], rules: RulesFile): RawAnalysis {
  const inFile = new Set(raw.series);
  const series = infos
    .filter((info) => inFile.has(info.key))
    .map((info): SeriesTiers => {
      const values = raw.municipalities.flatMap((m) => (Object.hasOwn(m.values, info.key) ? [m.values[info.key]!] : []));
      const thresholds =
        values.length === 0 ? null : tierThresholds(values, { higherIsBetter: info.higherIsBetter, zeroEarnsNoTier: info.zeroEarnsNoTier });
      return { info, n: values.length, thresholds, values };
    });
  for (const key of raw.series) if (!series.some((s) => s.info.key === key)) throw new RangeError(`series "${key}" of the raw values is not a ranked series`);
  return {
    rules,
    raw,
    series,
    byKey: new Map(series.map((s) => [s.info.key, s])),
    byCode: new Map(raw.municipalities.map((m) => [m.code, m])),
  };
}

export type Direction = '以上' | '以下' | '超' | '未満';

export interface NextTier {
  /** The next level (current tier + 1). */
  level: 1 | 2 | 3 | 4;
  /** Best level reached with the cut-off value (above `level` when cut-offs are equal). */
  reaches: 1 | 2 | 3 | 4;
  label: string;
  /** The cut-off value of the next level. */
  value: number;
  direction: Direction;
  /** Indicator score with this series at `reaches` and every other series unchanged. */
  scoreAfter: number;
  /** scoreAfter − the current score of the indicator (0 when another series of a bestOf counts). */
  points: number;
}

export interface SeriesStanding {
  info: SeriesInfo;
  /** Null when the municipality has no value (or the series is not in the file). */
  value: number | null;
  n: number;
  /** Competition rank among the n values; null without a value. */
  rank: number | null;
  tier: TierLevel;
  /** "上位5割"; null for no tier. */
  tierLabel: string | null;
  /** Null at 上位1割, without a value, or when no higher level can be reached. */
  next: NextTier | null;
}

export interface IndicatorStanding {
  indicatorId: string;
  /** Score the rule gives for the tiers (items that are not ranked series count as not achieved). */
  score: number;
  max: number;
  series: SeriesStanding[];
  /** False when a series has no value, or the rule has items the raw values cannot tell. */
  complete: boolean;
}

export interface MunicipalityStanding {
  code: string;
  name?: string;
  fictional: boolean;
  series: SeriesStanding[];
  indicators: IndicatorStanding[];
}

function achievedIds(levels: ReadonlyMap<string, TierLevel>, series: readonly RankedSeries[]): string[] {
  return series.flatMap((s) => {
    const tier = levels.get(s.key) ?? 0;
    return tier === 0 ? [] : [levelId(s.node, s.node.levels[tier - 1]!)];
  });
}

function directionOf(thresholds: TierThresholds, cutoff: number): Direction {
  const strict = thresholds.zeroEarnsNoTier && cutoff === 0;
  if (thresholds.higherIsBetter) return strict ? '超' : '以上';
  return strict ? '未満' : '以下';
}

/**
 * A municipality's value, rank and tier in every ranked series of the rules (series not in the
 * file have no value), each indicator's score from those tiers, and the next tier per series.
 * Null when the code is not in the raw values.
 */
export function standingOf(analysis: RawAnalysis, code: string, infos: readonly SeriesInfo[]): MunicipalityStanding | null {
  const m = analysis.byCode.get(code);
  if (!m) return null;
  const byIndicator = new Map<string, SeriesInfo[]>();
  for (const info of infos) byIndicator.set(info.indicatorId, [...(byIndicator.get(info.indicatorId) ?? []), info]);

  const series: SeriesStanding[] = [];
  const indicators: IndicatorStanding[] = [];
  for (const [indicatorId, list] of byIndicator) {
    const rule = analysis.rules.rules[indicatorId]?.rule;
    if (!rule) continue;
    const levels = new Map<string, TierLevel>();
    const base = list.map((info) => {
      const st = analysis.byKey.get(info.key);
      const value = st && Object.hasOwn(m.values, info.key) ? m.values[info.key]! : null;
      const tier: TierLevel = value !== null && st?.thresholds ? tierOf(value, st.thresholds) : 0;
      levels.set(info.key, tier);
      const rank = value !== null && st ? competitionRankOf(value, st.values, info.higherIsBetter ? 'desc' : 'asc') : null;
      return { info, st, value, tier, rank };
    });
    const achieved = achievedIds(levels, list);
    const score = scoreAnswers(rule, { achieved });
    // Items the raw values cannot tell matter when achieving them all would change the score.
    const unknownMatters = scoreAnswers(rule, { achieved: [...achieved, ...unrankedItemIds(rule, list)] }) !== score;
    const standings = base.map(({ info, st, value, tier, rank }): SeriesStanding => {
      let next: NextTier | null = null;
      const th = st?.thresholds;
      if (value !== null && th && tier < 4) {
        const cutoff = th.cutoffs[tier]!; // level tier + 1
        if (cutoff.value !== null) {
          const reaches = Math.max(
            cutoff.level,
            ...th.cutoffs.filter((c) => c.value === cutoff.value).map((c) => c.level),
          ) as 1 | 2 | 3 | 4;
          const after = new Map(levels).set(info.key, reaches);
          const scoreAfter = scoreAnswers(rule, { achieved: achievedIds(after, list) });
          next = { level: cutoff.level, reaches, label: TIER_LABELS[reaches - 1]!, value: cutoff.value, direction: directionOf(th, cutoff.value), scoreAfter, points: scoreAfter - score };
        }
      }
      return { info, value, n: st?.n ?? 0, rank, tier, tierLabel: tierLabel(tier), next };
    });
    series.push(...standings);
    indicators.push({
      indicatorId,
      score,
      max: maxOf(rule),
      series: standings,
      complete: standings.every((s) => s.value !== null) && !unknownMatters,
    });
  }
  return { code: m.code, ...(m.name !== undefined ? { name: m.name } : {}), fictional: m.fictional, series, indicators };
}

// ---------------------------------------------------------------------------------------------
// Text

/** A value with its unit: "12.3%", "3事業", "1.169". */
export function formatRawValue(value: number, unit: string): string {
  return `${String(value)}${unit}`;
}

/** "18%以上で上位5割", "0事業超で上位3割". */
export function nextTierPhrase(next: NextTier, unit: string): string {
  return `${formatRawValue(next.value, unit)}${next.direction}で${next.label}`;
}

/** "ケアプラン点検の実施割合 12.3% → 18%以上で上位5割（+4点）". */
export function nextTierText(s: SeriesStanding): string | null {
  if (s.value === null || !s.next) return null;
  return `${s.info.measure} ${formatRawValue(s.value, s.info.unit)} → ${nextTierPhrase(s.next, s.info.unit)}（+${s.next.points}点）`;
}

export interface RawWhatIfNote {
  indicatorId: string;
  /** Score from the raw values' tiers. */
  derivedScore: number;
  complete: boolean;
  /** Series whose next tier adds points (with the reported score as it is). */
  steps: SeriesStanding[];
  /** e.g. "ケアプラン点検の実施割合 12.3% → 18%以上で上位5割（+4点）"; "" when no series adds points. */
  text: string;
}

/**
 * Per indicator with ranked series: the series whose next tier adds points, as one phrase
 * ("／" between series). With `reported` scores, an indicator whose complete raw-value score
 * differs from the reported one says so ("実績値からの得点 8点、報告 6点").
 */
export function rawWhatIfNotes(standing: MunicipalityStanding, reported: Readonly<Record<string, number>> = {}): Map<string, RawWhatIfNote> {
  const out = new Map<string, RawWhatIfNote>();
  for (const ind of standing.indicators) {
    const steps = ind.series.filter((s) => s.next !== null && s.next.points > 0);
    const parts = steps.map(nextTierText).filter((t): t is string => t !== null);
    if (parts.length === 0 && ind.series.every((s) => s.value === null)) parts.push('実績値なし');
    const r = reported[ind.indicatorId];
    const mismatch = ind.complete && r !== undefined && r !== ind.score ? `（実績値からの得点 ${ind.score}点、報告 ${r}点）` : '';
    out.set(ind.indicatorId, { indicatorId: ind.indicatorId, derivedScore: ind.score, complete: ind.complete, steps, text: parts.join('／') + mismatch });
  }
  return out;
}

/** JSON of a what-if note (null for an indicator without ranked series). */
export function rawWhatIfJson(note: RawWhatIfNote | undefined) {
  if (!note) return null;
  return {
    text: note.text,
    derivedScore: note.derivedScore,
    complete: note.complete,
    steps: note.steps.map((s) => ({
      series: s.info.key,
      measure: s.info.measure,
      unit: s.info.unit,
      value: s.value,
      tierLabel: s.tierLabel,
      needed: s.next ? { value: s.next.value, direction: s.next.direction, label: s.next.label, points: s.next.points } : null,
    })),
  };
}
