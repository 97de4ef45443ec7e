/**
 * Derivations from a national dataset (pure, no I/O): the ministry's national table (seed 000:
 * max / mean / rate / median for 26 columns), the top-N tables per 第1号被保険者数 class with
 * competition ranking, per-prefecture distributions, and every municipality's national rank and
 * percentile. The result carries a `NationalAggregates` object, so the municipality report can
 * use live figures instead of the bundled seed ones.
 *
 * Conventions (as seed 000 prints them):
 * - mean: one decimal, rounded half up, computed exactly in integers (sum / count);
 * - rate (平均得点率): sum / (count × max) in percent, one decimal, half up — from the unrounded
 *   mean, so 46.3 of 64 prints 72.4% (46.34…/64), not 72.3%;
 * - median: the middle value of the sorted scores; for an even count the mean of the two middle
 *   values (which may end in .5). Seed 000 has 1,741 municipalities, an odd count, and prints
 *   integers;
 * - ranks: competition ranking (1, 2, 2, 4); a top-N table holds everyone whose rank ≤ N, so ties
 *   at the cut-off make it longer than N. Ties are listed in code order (the ministry's order).
 */
import type { Catalog, GrantId, GroupKind } from '../load/schemas/catalog.ts';
import type { NationalAggregates, NationalColumn, RankedMunicipality, SizeClass } from '../load/schemas/inputs.ts';
import { rankBy } from '../common/rank.ts';
import { ratePercent } from '../common/rate.ts';
import { PREFECTURES } from '../common/prefectures.ts';
import type { NationalDataset, NationalLevel, NationalMunicipality } from '../load/schemas/national.ts';

// ---------------------------------------------------------------------------------------------
// Small statistics

/** Mean to one decimal, half up, exact for whole numbers (sum and count integers). */
export function meanOneDecimal(sum: number, count: number): number {
  if (count <= 0) return 0;
  if (Number.isInteger(sum)) return Math.floor((sum * 20 + count) / (2 * count)) / 10;
  return Math.round((sum / count) * 10 + 1e-9) / 10;
}

/** Median: the middle value; for an even count the mean of the two middle values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface Distribution {
  count: number;
  /** One decimal, half up. */
  mean: number;
  median: number;
  min: number;
  max: number;
}

export function distribution(values: readonly number[]): Distribution | null {
  if (values.length === 0) return null;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { count: values.length, mean: meanOneDecimal(sum, values.length), median: median(values), min, max };
}

// ---------------------------------------------------------------------------------------------
// Columns of the national table

export type ColumnPart = GroupKind | 'subtotal' | 'total';

export interface NationalColumnDef {
  /** NationalColumnKey, e.g. "suishin.I.process", "suishin.IV", "suishin.total", "all.activity". */
  key: string;
  grant: GrantId | 'all';
  /** "I" … "IV", or null for the totals. */
  goal: string | null;
  part: ColumnPart;
  max: number;
  /** Indicator ids summed (empty for a column computed from totals only). */
  indicators: string[];
  /** Header labels as seed 000 prints them. */
  grantLabel: string;
  /** "目標Ⅰ", or the total's name ("推進交付金合計", "体制・取組指標群計"). */
  goalLabel: string;
  /** The goal's title from the catalog (goal columns only). */
  goalTitle: string;
  partLabel: string;
}

const PART_LABEL: Record<ColumnPart, string> = {
  process: '体制・取組指標群',
  activity: '活動指標群',
  outcome: '',
  subtotal: '小計',
  total: '',
};

/** Seed 000's headers of the grant total columns. */
const GRANT_TOTAL_LABEL: Partial<Record<string, string>> = { suishin: '推進交付金合計', shien: '努力支援交付金合計' };

const ALL_KIND_LABEL: Record<string, string> = { process: '体制・取組指標群計', activity: '活動指標群計', outcome: 'アウトカム計', total: '' };

/** The 26 columns of seed 000 in its order: per grant Ⅰ–Ⅲ (process, activity, subtotal), Ⅳ, total; then all. */
export function nationalColumnDefs(catalog: Catalog): NationalColumnDef[] {
  const defs: NationalColumnDef[] = [];
  const allByKind: Record<'process' | 'activity' | 'outcome', { max: number; ids: string[] }> = {
    process: { max: 0, ids: [] },
    activity: { max: 0, ids: [] },
    outcome: { max: 0, ids: [] },
  };
  for (const grant of catalog.grants) {
    const grantIds: string[] = [];
    for (const goal of grant.goals) {
      const goalLabel = `目標${goal.numeral}`;
      const goalTitle = goal.title;
      const goalIds: string[] = [];
      for (const group of goal.groups) {
        const ids = group.indicators.map((i) => i.id);
        goalIds.push(...ids);
        allByKind[group.kind].max += group.maxPoints;
        allByKind[group.kind].ids.push(...ids);
        if (goal.id !== 'IV')
          defs.push({ key: `${grant.id}.${goal.id}.${group.kind}`, grant: grant.id, goal: goal.id, part: group.kind, max: group.maxPoints, indicators: ids, grantLabel: grant.name, goalLabel, goalTitle, partLabel: PART_LABEL[group.kind] });
      }
      grantIds.push(...goalIds);
      if (goal.id === 'IV')
        defs.push({ key: `${grant.id}.IV`, grant: grant.id, goal: 'IV', part: 'outcome', max: goal.maxPoints, indicators: goalIds, grantLabel: grant.name, goalLabel, goalTitle, partLabel: '' });
      else
        defs.push({ key: `${grant.id}.${goal.id}.subtotal`, grant: grant.id, goal: goal.id, part: 'subtotal', max: goal.maxPoints, indicators: goalIds, grantLabel: grant.name, goalLabel, goalTitle, partLabel: '小計' });
    }
    defs.push({ key: `${grant.id}.total`, grant: grant.id, goal: null, part: 'total', max: grant.maxPoints, indicators: grantIds, grantLabel: grant.name, goalLabel: GRANT_TOTAL_LABEL[grant.id] ?? `${grant.shortName}合計`, goalTitle: '', partLabel: '' });
  }
  for (const kind of ['process', 'activity', 'outcome'] as const)
    defs.push({ key: `all.${kind}`, grant: 'all', goal: null, part: kind, max: allByKind[kind].max, indicators: allByKind[kind].ids, grantLabel: '合計', goalLabel: ALL_KIND_LABEL[kind]!, goalTitle: '', partLabel: '' });
  const total = catalog.grants.reduce((s, g) => s + g.maxPoints, 0);
  defs.push({ key: 'all.total', grant: 'all', goal: null, part: 'total', max: total, indicators: defs.filter((d) => d.grant !== 'all' && d.part === 'total').flatMap((d) => d.indicators), grantLabel: '合計', goalLabel: '', goalTitle: '', partLabel: '' });
  return defs;
}

/** Keys of the columns a dataset level can fill. */
export function columnKeysFor(level: NationalLevel, defs: readonly NationalColumnDef[]): string[] {
  if (level === 'indicators') return defs.map((d) => d.key);
  if (level === 'grants') return ['suishin.total', 'shien.total', 'all.total'];
  return ['all.total'];
}

/** A municipality's score in a column (the dataset level must cover it). */
export function columnValue(m: NationalMunicipality, def: NationalColumnDef): number {
  if (def.key === 'all.total') return m.total;
  if (def.key === 'suishin.total' && m.suishin !== undefined) return m.suishin;
  if (def.key === 'shien.total' && m.shien !== undefined) return m.shien;
  const scores = m.scores;
  if (!scores) throw new Error(`internal: column ${def.key} needs indicator scores`);
  let s = 0;
  for (const id of def.indicators) s += scores[id] ?? 0;
  return s;
}

/** One column of the national table from the values of every municipality. */
export function aggregateColumn(key: string, max: number, values: readonly number[]): NationalColumn {
  const sum = values.reduce((a, b) => a + b, 0);
  const n = values.length;
  return { key, max, mean: meanOneDecimal(sum, n), rate: n > 0 ? ratePercent(sum, n * max) : 0, median: median(values) };
}

// ---------------------------------------------------------------------------------------------
// Size classes and rankings

export interface SizeClassDef {
  id: SizeClass;
  /** As seed 000 prints it: 総合, 10万人以上, … */
  label: string;
  /** Lower bound (inclusive) and upper bound (exclusive) of 第1号被保険者数. */
  min: number;
  below: number;
}

export const SIZE_CLASS_DEFS: readonly SizeClassDef[] = [
  { id: 'all', label: '総合', min: 0, below: Infinity },
  { id: 'over100k', label: '10万人以上', min: 100_000, below: Infinity },
  { id: '50kTo100k', label: '5万人以上10万人未満', min: 50_000, below: 100_000 },
  { id: '10kTo50k', label: '1万人以上5万人未満', min: 10_000, below: 50_000 },
  { id: '3kTo10k', label: '3千人以上1万人未満', min: 3_000, below: 10_000 },
  { id: 'under3k', label: '3千人未満', min: 0, below: 3_000 },
];

/** The size class of a 第1号被保険者数 (never "all"). */
export function sizeClassOf(insuredType1: number): Exclude<SizeClass, 'all'> {
  for (const d of SIZE_CLASS_DEFS) if (d.id !== 'all' && insuredType1 >= d.min && insuredType1 < d.below) return d.id as Exclude<SizeClass, 'all'>;
  return 'under3k';
}

export function sizeClassLabel(id: SizeClass): string {
  return SIZE_CLASS_DEFS.find((d) => d.id === id)!.label;
}

export interface RankedRow extends RankedMunicipality {
  code: string;
}

export interface RankingTable {
  sizeClass: SizeClass;
  label: string;
  /** Municipalities in the class. */
  classCount: number;
  rows: RankedRow[];
}

/** Sorted by code, so ranking keeps code order among equal scores. */
function byCode(ms: readonly NationalMunicipality[]): NationalMunicipality[] {
  return [...ms].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * Top N of a size class by 総合 (推進 + 支援) with competition ranks: everyone whose rank ≤ N,
 * ties in code order. Rates are of `maxTotal` (800 in FY2024).
 */
export function topRanking(ms: readonly NationalMunicipality[], sizeClass: SizeClass, maxTotal: number, n = 30): RankingTable {
  const def = SIZE_CLASS_DEFS.find((d) => d.id === sizeClass)!;
  const members = byCode(ms.filter((m) => sizeClass === 'all' || sizeClassOf(m.insuredType1) === sizeClass));
  const rows = rankBy(members, (m) => m.total)
    .filter((r) => r.rank <= n)
    .map(({ item, rank }) => ({
      rank,
      code: item.code,
      prefecture: item.prefecture,
      name: item.name,
      insuredType1: item.insuredType1,
      score: item.total,
      rate: ratePercent(item.total, maxTotal),
    }));
  return { sizeClass, label: def.label, classCount: members.length, rows };
}

export function topRankings(ms: readonly NationalMunicipality[], maxTotal: number, n = 30): RankingTable[] {
  return SIZE_CLASS_DEFS.map((d) => topRanking(ms, d.id, maxTotal, n));
}

// ---------------------------------------------------------------------------------------------
// Prefectures

export interface PrefectureDistribution {
  /** "01" … "47" */
  code: string;
  name: string;
  count: number;
  /** null when the prefecture has no municipality in the data (or the level lacks the figure). */
  total: Distribution | null;
  suishin: Distribution | null;
  shien: Distribution | null;
}

/** All 47 prefectures in code order (北海道 01 … 沖縄県 47), by the first two digits of the code. */
export function prefectureDistributions(ms: readonly NationalMunicipality[]): PrefectureDistribution[] {
  const groups = new Map<string, NationalMunicipality[]>();
  for (const m of ms) {
    const key = m.code.slice(0, 2);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(m);
  }
  return PREFECTURES.map((p) => {
    const g = groups.get(p.code) ?? [];
    const grant = (k: 'suishin' | 'shien') => (g.every((m) => m[k] !== undefined) ? distribution(g.map((m) => m[k]!)) : null);
    return { code: p.code, name: p.name, count: g.length, total: distribution(g.map((m) => m.total)), suishin: grant('suishin'), shien: grant('shien') };
  });
}

// ---------------------------------------------------------------------------------------------
// Each municipality's standing

export interface MunicipalityStanding {
  code: string;
  prefecture: string;
  name: string;
  insuredType1: number;
  sizeClass: Exclude<SizeClass, 'all'>;
  total: number;
  suishin?: number;
  shien?: number;
  /** National competition rank by 総合. */
  rank: number;
  suishinRank?: number;
  shienRank?: number;
  /** Rank within its size class. */
  classRank: number;
  /** Rank within its prefecture. */
  prefectureRank: number;
  /** 上位 x%: rank / count × 100, one decimal. */
  topPercent: number;
  /**
   * Percentile: the share of the other municipalities with a strictly lower 総合, in percent, one
   * decimal, half up (100.0: every other one is lower; 0.0: none is). With one municipality, 100.
   */
  percentile: number;
}

function ranksOf(ms: readonly NationalMunicipality[], key: (m: NationalMunicipality) => number): Map<string, number> {
  return new Map(rankBy(ms, key).map(({ item, rank }) => [item.code, rank]));
}

export function municipalityStandings(ms: readonly NationalMunicipality[]): MunicipalityStanding[] {
  const sorted = byCode(ms);
  const n = sorted.length;
  const rank = ranksOf(sorted, (m) => m.total);
  const hasGrants = sorted.every((m) => m.suishin !== undefined && m.shien !== undefined);
  const suishinRank = hasGrants ? ranksOf(sorted, (m) => m.suishin!) : undefined;
  const shienRank = hasGrants ? ranksOf(sorted, (m) => m.shien!) : undefined;
  const classRank = new Map<string, number>();
  const prefRank = new Map<string, number>();
  const groupRanks = (groupKey: (m: NationalMunicipality) => string, out: Map<string, number>) => {
    const groups = new Map<string, NationalMunicipality[]>();
    for (const m of sorted) {
      const k = groupKey(m);
      let g = groups.get(k);
      if (!g) groups.set(k, (g = []));
      g.push(m);
    }
    for (const g of groups.values()) for (const [code, r] of ranksOf(g, (m) => m.total)) out.set(code, r);
  };
  groupRanks((m) => sizeClassOf(m.insuredType1), classRank);
  groupRanks((m) => m.code.slice(0, 2), prefRank);
  // lower[i] = number with a strictly lower total
  const totals = sorted.map((m) => m.total).sort((a, b) => a - b);
  const lowerCount = (v: number) => {
    let lo = 0;
    let hi = totals.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (totals[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return sorted.map((m) => {
    const r = rank.get(m.code)!;
    const s: MunicipalityStanding = {
      code: m.code,
      prefecture: m.prefecture,
      name: m.name,
      insuredType1: m.insuredType1,
      sizeClass: sizeClassOf(m.insuredType1),
      total: m.total,
      rank: r,
      classRank: classRank.get(m.code)!,
      prefectureRank: prefRank.get(m.code)!,
      topPercent: ratePercent(r, n),
      percentile: n > 1 ? ratePercent(lowerCount(m.total), n - 1) : 100,
    };
    if (hasGrants) {
      s.suishin = m.suishin;
      s.shien = m.shien;
      s.suishinRank = suishinRank!.get(m.code);
      s.shienRank = shienRank!.get(m.code);
    }
    return s;
  });
}

// ---------------------------------------------------------------------------------------------
// Everything

export interface DeriveNationalOptions {
  /** Length of the ranking tables (default 30). */
  topN?: number;
  /** Figures of the previous year, copied into the aggregates when given. */
  previousYear?: NationalAggregates['previousYear'];
}

export interface NationalDerived {
  fiscalYear: number;
  source: string;
  level: NationalLevel;
  fictional: boolean;
  municipalityCount: number;
  /** Length of the ranking tables (ties at the cut-off make them longer). */
  topN: number;
  /** All 26 column definitions (also those the level cannot fill). */
  columnDefs: NationalColumnDef[];
  /** The columns filled: 26 with indicator scores, the 3 totals with grant totals, 1 with total only. */
  columns: NationalColumn[];
  /** Mean of every indicator (one decimal), with indicator scores only. */
  indicatorMeans: Record<string, number>;
  rankings: RankingTable[];
  prefectures: PrefectureDistribution[];
  standings: MunicipalityStanding[];
  /** The same figures in the shape the municipality report reads (data/national/*.json). */
  aggregates: NationalAggregates;
}

export function deriveNational(ds: NationalDataset, catalog: Catalog, options: DeriveNationalOptions = {}): NationalDerived {
  const ms = ds.municipalities;
  const columnDefs = nationalColumnDefs(catalog);
  const keys = new Set(columnKeysFor(ds.level, columnDefs));
  const columns = columnDefs.filter((d) => keys.has(d.key)).map((d) => aggregateColumn(d.key, d.max, ms.map((m) => columnValue(m, d))));
  const indicatorMeans: Record<string, number> = {};
  if (ds.level === 'indicators')
    for (const d of columnDefs.filter((x) => x.part === 'total' && x.grant !== 'all'))
      for (const id of d.indicators) indicatorMeans[id] = meanOneDecimal(ms.reduce((s, m) => s + (m.scores?.[id] ?? 0), 0), ms.length);
  const maxTotal = columnDefs.find((d) => d.key === 'all.total')!.max;
  const rankings = topRankings(ms, maxTotal, options.topN ?? 30);
  const overall = rankings[0]!.rows[0];
  const aggregates: NationalAggregates = {
    fiscalYear: ds.fiscalYear,
    source: ds.source,
    municipalityCount: ms.length,
    columns,
    indicatorMeans,
    ...(overall ? { top: { prefecture: overall.prefecture, name: overall.name, score: overall.score, rate: overall.rate } } : {}),
    ...(options.previousYear ? { previousYear: options.previousYear } : {}),
    rankings: rankings
      .filter((t) => t.rows.length > 0)
      .map((t) => ({
        sizeClass: t.sizeClass,
        label: t.label,
        rows: t.rows.map(({ rank, prefecture, name, insuredType1, score, rate }) => ({ rank, prefecture, name, insuredType1, score, rate })),
      })),
  };
  return {
    fiscalYear: ds.fiscalYear,
    source: ds.source,
    level: ds.level,
    fictional: ds.fictional,
    municipalityCount: ms.length,
    topN: options.topN ?? 30,
    columnDefs,
    columns,
    indicatorMeans,
    rankings,
    prefectures: prefectureDistributions(ms),
    standings: municipalityStandings(ms),
    aggregates,
  };
}
