/**
 * Where a municipality stands among all municipalities of a national results file and within its
 * prefecture: competition ranks (1, 2, 2, 4), 上位x%, percentile, and the prefecture's mean and
 * median, per grant (推進, 支援) and for the total. Pure.
 *
 * The municipality's own scores are the report's: when the file holds the same code with other
 * figures, those are replaced; when it does not hold the code, the municipality is counted as one
 * more (as the grant estimate does). The sorted score lists of the nation and of each prefecture
 * are computed once per dataset (memoised on the dataset object), so a batch of 1,741 reports
 * sorts the nation once, not once per report.
 */
import type { NationalDataset, NationalMunicipality } from '../load/schemas/national.ts';
import { prefectureByCode } from '../common/prefectures.ts';
import { ratePercent } from '../common/rate.ts';
import { meanOneDecimal, median } from '../national/derive.ts';

export const MEASURES = ['suishin', 'shien', 'total'] as const;
export type Measure = (typeof MEASURES)[number];
export type MeasureScores = Record<Measure, number>;

export interface NationalStandingCell {
  score: number;
  /** Competition rank among all municipalities (1 = best). */
  rank: number;
  count: number;
  /** 上位x%: rank / count × 100, one decimal, half up. */
  topPercent: number;
  /** Share of the other municipalities with a strictly lower score, percent, one decimal (100 alone). */
  percentile: number;
}

export interface PrefectureStandingCell {
  score: number;
  rank: number;
  count: number;
  /** The prefecture's mean (one decimal, half up) and median, the municipality included. */
  mean: number;
  median: number;
}

export interface Standing {
  fiscalYear: number;
  source: string;
  fictional: boolean;
  /** Municipalities ranked nationally (the file's, plus this one when it is not in the file). */
  municipalityCount: number;
  /** True when the municipality was not in the file and was counted as one more. */
  addedSelf: boolean;
  prefecture: { code: string; name: string; count: number };
  national: Record<Measure, NationalStandingCell>;
  withinPrefecture: Record<Measure, PrefectureStandingCell>;
}

/** A municipality's three figures; grant totals must be present (levels indicators / grants). */
export function measuresOf(m: Pick<NationalMunicipality, 'suishin' | 'shien' | 'total'>): MeasureScores {
  return { suishin: m.suishin ?? 0, shien: m.shien ?? 0, total: m.total };
}

interface NationIndex {
  byCode: Map<string, NationalMunicipality>;
  /** Ascending scores of the whole nation, per measure. */
  nation: Record<Measure, number[]>;
  /** Members of each prefecture (by the code's first two digits). */
  prefectures: Map<string, NationalMunicipality[]>;
}

const indexCache = new WeakMap<NationalDataset, NationIndex>();

function nationIndex(ds: NationalDataset): NationIndex {
  const cached = indexCache.get(ds);
  if (cached) return cached;
  const byCode = new Map<string, NationalMunicipality>();
  const prefectures = new Map<string, NationalMunicipality[]>();
  const nation = { suishin: [] as number[], shien: [] as number[], total: [] as number[] };
  for (const m of ds.municipalities) {
    byCode.set(m.code, m);
    const key = m.code.slice(0, 2);
    let p = prefectures.get(key);
    if (!p) prefectures.set(key, (p = []));
    p.push(m);
    const s = measuresOf(m);
    for (const k of MEASURES) nation[k].push(s[k]);
  }
  for (const k of MEASURES) nation[k].sort((a, b) => a - b);
  const index = { byCode, nation, prefectures };
  indexCache.set(ds, index);
  return index;
}

/** Number of values (ascending) strictly below / strictly above v. */
function below(sorted: readonly number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function above(sorted: readonly number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}

export interface StandingSelf {
  code: string;
  scores: MeasureScores;
}

/** The municipality's standing in the nation and in its prefecture. */
export function deriveStanding(ds: NationalDataset, self: StandingSelf): Standing {
  const index = nationIndex(ds);
  const inFile = index.byCode.get(self.code);
  const fileScores = inFile ? measuresOf(inFile) : null;
  const count = ds.municipalities.length + (inFile ? 0 : 1);
  const prefCode = self.code.slice(0, 2);
  const prefMembers = (index.prefectures.get(prefCode) ?? []).filter((m) => m.code !== self.code);
  const prefCount = prefMembers.length + 1;
  const national = {} as Record<Measure, NationalStandingCell>;
  const withinPrefecture = {} as Record<Measure, PrefectureStandingCell>;
  for (const k of MEASURES) {
    const v = self.scores[k];
    const sorted = index.nation[k];
    // the file's own row of this municipality (if any) is not one of the "others"
    const higher = above(sorted, v) - (fileScores && fileScores[k] > v ? 1 : 0);
    const lower = below(sorted, v) - (fileScores && fileScores[k] < v ? 1 : 0);
    const rank = higher + 1;
    national[k] = {
      score: v,
      rank,
      count,
      topPercent: ratePercent(rank, count),
      percentile: count > 1 ? ratePercent(lower, count - 1) : 100,
    };
    const values = [...prefMembers.map((m) => measuresOf(m)[k]), v];
    const sum = values.reduce((s, x) => s + x, 0);
    withinPrefecture[k] = {
      score: v,
      rank: 1 + values.filter((x) => x > v).length,
      count: prefCount,
      mean: meanOneDecimal(sum, prefCount),
      median: median(values),
    };
  }
  return {
    fiscalYear: ds.fiscalYear,
    source: ds.source,
    fictional: ds.fictional,
    municipalityCount: count,
    addedSelf: !inFile,
    prefecture: { code: prefCode, name: prefectureByCode(prefCode)?.name ?? prefCode, count: prefCount },
    national,
    withinPrefecture,
  };
}

export interface RankChange {
  from: number;
  to: number;
}

/** What `gain` more points in one grant would do to the ranks (others' scores unchanged). */
export interface RankEffect {
  /** National rank in that grant. */
  grant: RankChange;
  /** National rank of the total. */
  total: RankChange;
  /** Rank of the total within the prefecture. */
  prefectureTotal: RankChange;
}

export function rankEffect(ds: NationalDataset, self: StandingSelf, grant: 'suishin' | 'shien', gain: number): RankEffect {
  const before = deriveStanding(ds, self);
  const after = deriveStanding(ds, {
    code: self.code,
    scores: { ...self.scores, [grant]: self.scores[grant] + gain, total: self.scores.total + gain },
  });
  return {
    grant: { from: before.national[grant].rank, to: after.national[grant].rank },
    total: { from: before.national.total.rank, to: after.national.total.rank },
    prefectureTotal: { from: before.withinPrefecture.total.rank, to: after.withinPrefecture.total.rank },
  };
}
