/**
 * A synthetic national dataset for tests and benchmarks (pure: no I/O). Nothing real is claimed:
 * every name is 架空市0001 / 架空町0002 / 架空村0003 …, every row carries `fictional = true`.
 *
 * - Deterministic: its own PRNG (mulberry32) seeded by `seed`; the same seed and count give the
 *   same rows (and so byte-identical files).
 * - Codes: the prefecture's code (01 … 47), then 101, 102, … within the prefecture (cities first,
 *   largest first; then towns and villages), then the JIS X 0402 check digit. Municipalities
 *   are spread over the prefectures in proportion to the real counts (北海道 179 … of 1,741).
 * - 第1号被保険者数: log-normal (median 8,500, σ = 1.3 in log space, 150 … 950,000), giving about
 *   3% of municipalities at 100,000 or more (≈ 50 of 1,741), 6% 50,000–99,999, 38% 10,000–49,999,
 *   32% 3,000–9,999 and 21% under 3,000: roughly Japan's shape, and every top-30 table fills.
 *   市 / 町 / 村 follow size (every municipality of 15,000 or more is a 市).
 * - Scores: every indicator's score is one its 配点 rule can produce (the scoring engine's
 *   achievable set: multiples of 3 for 各3点 tiers, …). Per indicator, a tilted binomial
 *   distribution over the achievable values is calibrated so its expected value equals a target
 *   mean: the published indicator mean where seed 000 prints one, otherwise the rest of its
 *   group's published mean shared in proportion to the maxima. A municipality's scores are tied
 *   by one latent "capability" (Gaussian copula), so totals spread as real ones do.
 * - Goal Ⅳ (outcome) indicators are the same measures in both grants: 推進 Ⅳ-n = 支援 Ⅳ-n.
 */
import { mulberry32 } from '../common/random.ts';
import type { Catalog, GrantId } from '../load/schemas/catalog.ts';
import type { NationalAggregates } from '../load/schemas/inputs.ts';
import type { RulesFile } from '../scoring/rules.ts';
import { achievableScores } from '../scoring/engine.ts';
import { PREFECTURES, withCheckDigit } from '../common/prefectures.ts';
import type { NationalMunicipality } from '../load/schemas/national.ts';

// ---------------------------------------------------------------------------------------------
// Random numbers


/** A standard normal sample (Box–Muller, one value per call). */
export function normal(rand: () => number): number {
  const u = 1 - rand(); // (0, 1]
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

// ---------------------------------------------------------------------------------------------
// Score distributions

export interface ScoreDistribution {
  values: number[];
  /** Cumulative probabilities, same length as values, last = 1. */
  cdf: number[];
  mean: number;
}

function binomials(k: number): number[] {
  const row = [1];
  for (let j = 1; j <= k; j++) row.push((row[j - 1]! * (k - j + 1)) / j);
  return row;
}

function tilted(values: readonly number[], theta: number): { probs: number[]; mean: number } {
  const k = values.length - 1;
  const base = binomials(k);
  // scale by the largest exponent to avoid overflow
  const logs = base.map((b, j) => Math.log(b) + theta * j);
  const top = Math.max(...logs);
  const w = logs.map((l) => Math.exp(l - top));
  const sum = w.reduce((a, b) => a + b, 0);
  const probs = w.map((x) => x / sum);
  return { probs, mean: probs.reduce((s, p, j) => s + p * values[j]!, 0) };
}

/**
 * A distribution over `values` (sorted achievable scores) whose expected value is `target`:
 * binomial weights C(k, j) tilted by e^(θj), θ found by bisection (the mean grows with θ).
 */
export function calibratedDistribution(values: readonly number[], target: number): ScoreDistribution {
  const lo0 = values[0]!;
  const hi0 = values[values.length - 1]!;
  const goal = Math.min(Math.max(target, lo0 + (hi0 - lo0) * 0.005), hi0 - (hi0 - lo0) * 0.005);
  let lo = -40;
  let hi = 40;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (tilted(values, mid).mean < goal) lo = mid;
    else hi = mid;
  }
  const { probs, mean } = tilted(values, (lo + hi) / 2);
  let acc = 0;
  const cdf = probs.map((p) => (acc += p));
  cdf[cdf.length - 1] = 1;
  return { values: [...values], cdf, mean };
}

/** The value at cumulative probability u. */
export function quantile(d: ScoreDistribution, u: number): number {
  for (let j = 0; j < d.cdf.length; j++) if (u < d.cdf[j]!) return d.values[j]!;
  return d.values[d.values.length - 1]!;
}

// ---------------------------------------------------------------------------------------------
// Calibration targets

export interface IndicatorPlan {
  id: string;
  grant: GrantId;
  goal: string;
  max: number;
  source: 'ministry' | 'self';
  /** Target national mean. */
  target: number;
  /** Weight of the municipality's latent capability in this indicator (0 … 1). */
  loading: number;
  distribution: ScoreDistribution;
  /** For 支援 Ⅳ-n: the 推進 Ⅳ-n it copies. */
  sameAs?: string;
}

/** Loadings of the latent capability, tuned so totals spread about as in seed 000 (top ≈ 80%). */
const LOADING = { self: 0.66, ministry: 0.3, outcome: 0.22 } as const;

/** Per-indicator targets and distributions from the published national table. */
export function planIndicators(catalog: Catalog, rules: RulesFile, targets: NationalAggregates): IndicatorPlan[] {
  const colMean = (key: string) => targets.columns.find((c) => c.key === key)?.mean;
  const plans: IndicatorPlan[] = [];
  for (const grant of catalog.grants)
    for (const goal of grant.goals) {
      const groups = goal.id === 'IV' ? [{ key: `${grant.id}.IV`, indicators: goal.groups.flatMap((g) => g.indicators) }] : goal.groups.map((g) => ({ key: `${grant.id}.${goal.id}.${g.kind}`, indicators: g.indicators }));
      for (const group of groups) {
        let groupTarget = colMean(group.key);
        if (goal.id === 'IV') {
          // the same measures in both grants: one target (the mean of the two published ones)
          const a = colMean('suishin.IV');
          const b = colMean('shien.IV');
          groupTarget = a !== undefined && b !== undefined ? (a + b) / 2 : (a ?? b);
        }
        const groupMax = group.indicators.reduce((s, i) => s + i.maxPoints, 0);
        if (groupTarget === undefined) groupTarget = groupMax / 2;
        const known = group.indicators.filter((i) => targets.indicatorMeans[i.id] !== undefined);
        const unknown = group.indicators.filter((i) => targets.indicatorMeans[i.id] === undefined);
        const knownSum = known.reduce((s, i) => s + targets.indicatorMeans[i.id]!, 0);
        const unknownMax = unknown.reduce((s, i) => s + i.maxPoints, 0);
        const rest = Math.max(0, groupTarget - knownSum);
        // all published: scale them to the group mean (they are rounded to one decimal each)
        const scale = unknown.length === 0 && knownSum > 0 ? groupTarget / knownSum : 1;
        for (const ind of group.indicators) {
          const rule = rules.rules[ind.id];
          if (!rule) throw new Error(`internal: no scoring rule for ${ind.id}`);
          const published = targets.indicatorMeans[ind.id];
          const target = published !== undefined ? published * scale : unknownMax > 0 ? (rest * ind.maxPoints) / unknownMax : 0;
          const values = achievableScores(rule.rule);
          const sameAs = goal.id === 'IV' && grant.id !== catalog.grants[0]!.id ? `${catalog.grants[0]!.id}.IV.${ind.no}` : undefined;
          plans.push({
            id: ind.id,
            grant: grant.id,
            goal: goal.id,
            max: ind.maxPoints,
            source: ind.source,
            target,
            loading: goal.id === 'IV' ? LOADING.outcome : LOADING[ind.source],
            distribution: calibratedDistribution(values, target),
            ...(sameAs ? { sameAs } : {}),
          });
        }
      }
    }
  return plans;
}

// ---------------------------------------------------------------------------------------------
// The dataset

export interface SynthOptions {
  seed: number;
  /** Number of municipalities, 1 … MAX_SYNTH_COUNT (default 1,741). */
  count?: number;
  catalog: Catalog;
  rules: RulesFile;
  /** Published national figures to calibrate against (data/national/fy2024-summary.json). */
  targets: NationalAggregates;
}

/** At most 899 municipalities per prefecture fit the code scheme (101 … 999). */
export const MAX_SYNTH_COUNT = 8000;

/** Municipalities per prefecture for a total count: proportional to the real counts (largest remainder). */
export function prefectureCounts(count: number): number[] {
  const real = PREFECTURES.map((p) => p.municipalities);
  const total = real.reduce((a, b) => a + b, 0);
  const exact = real.map((r) => (r * count) / total);
  const counts = exact.map(Math.floor);
  let left = count - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, frac: e - Math.floor(e) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i]!++;
    left--;
  }
  return counts;
}

type Kind = '市' | '町' | '村';

function kindOf(insured: number, rand: () => number): Kind {
  const u = rand();
  if (insured >= 15_000) return '市';
  if (insured >= 5_000) return u < 0.35 ? '市' : u < 0.95 ? '町' : '村';
  if (insured >= 2_000) return u < 0.05 ? '市' : u < 0.8 ? '町' : '村';
  return u < 0.6 ? '町' : '村';
}

const KIND_ORDER: Record<Kind, number> = { 市: 0, 町: 1, 村: 2 };

/** Generates the synthetic municipalities (every indicator scored; totals are their sums). */
export function synthesizeNational(opts: SynthOptions): NationalMunicipality[] {
  const count = opts.count ?? 1741;
  if (!Number.isInteger(count) || count < 1 || count > MAX_SYNTH_COUNT) throw new RangeError(`count must be a whole number from 1 to ${MAX_SYNTH_COUNT}`);
  const rand = mulberry32(opts.seed);
  const plans = planIndicators(opts.catalog, opts.rules, opts.targets);
  const grantOf = new Map(plans.map((p) => [p.id, p.grant]));

  // identities, prefecture by prefecture
  const drafts: Array<{ pref: (typeof PREFECTURES)[number]; insured: number; kind: Kind }> = [];
  const perPref = prefectureCounts(count);
  PREFECTURES.forEach((pref, pi) => {
    const list: Array<{ insured: number; kind: Kind }> = [];
    for (let i = 0; i < perPref[pi]!; i++) {
      const insured = Math.round(Math.min(950_000, Math.max(150, Math.exp(Math.log(8500) + 1.3 * normal(rand)))));
      list.push({ insured, kind: kindOf(insured, rand) });
    }
    list.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.insured - a.insured);
    for (const d of list) drafts.push({ pref, insured: d.insured, kind: d.kind });
  });

  // scores
  const out: NationalMunicipality[] = [];
  const nextInPref = new Map<string, number>();
  drafts.forEach((d, i) => {
    const local = nextInPref.get(d.pref.code) ?? 101;
    nextInPref.set(d.pref.code, local + 1);
    const z = normal(rand);
    const scores: Record<string, number> = {};
    for (const p of plans) {
      const e = normal(rand); // drawn for every indicator, so the stream does not depend on sameAs
      if (p.sameAs) {
        scores[p.id] = scores[p.sameAs]!;
        continue;
      }
      const x = p.loading * z + Math.sqrt(1 - p.loading * p.loading) * e;
      scores[p.id] = quantile(p.distribution, normalCdf(x));
    }
    let suishin = 0;
    let shien = 0;
    for (const [id, s] of Object.entries(scores)) {
      if (grantOf.get(id) === 'suishin') suishin += s;
      else shien += s;
    }
    out.push({
      code: withCheckDigit(`${d.pref.code}${String(local).padStart(3, '0')}`),
      prefecture: d.pref.name,
      name: `架空${d.kind}${String(i + 1).padStart(String(count).length > 4 ? String(count).length : 4, '0')}`,
      insuredType1: d.insured,
      fictional: true,
      scores,
      suishin,
      shien,
      total: suishin + shien,
    });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// As a national results file

/** Indicator ids in catalog order. */
export function indicatorIds(catalog: Catalog): string[] {
  return catalog.grants.flatMap((g) => g.goals.flatMap((goal) => goal.groups.flatMap((grp) => grp.indicators.map((i) => i.id))));
}

/** Header of a synthetic file: identity, (indicators,) totals, the fictional marker. */
export function synthHeader(catalog: Catalog, perIndicator: boolean): string[] {
  return ['code', 'prefecture', 'name', 'insuredType1', ...(perIndicator ? indicatorIds(catalog) : []), 'suishin', 'shien', 'total', 'fictional'];
}

/** Rows of a synthetic file (header first), as cells. */
export function synthTable(ms: readonly NationalMunicipality[], catalog: Catalog, perIndicator: boolean): Array<Array<string | number | boolean>> {
  const ids = perIndicator ? indicatorIds(catalog) : [];
  return [
    synthHeader(catalog, perIndicator),
    ...ms.map((m) => [m.code, m.prefecture, m.name, m.insuredType1, ...ids.map((id) => m.scores?.[id] ?? 0), m.suishin ?? 0, m.shien ?? 0, m.total, m.fictional]),
  ];
}
