/**
 * The score-proportional grant estimate over a whole national dataset (pure): every
 * municipality's amount per grant (allocate.ts, with caps when needs are given), what one more
 * point is worth to it, and one municipality's figures for its report.
 *
 * This is an estimate, not the allocation: FY2024 also applied a transition cushion from the
 * FY2023 amounts (激変緩和措置), which no public source defines, and paid the lower of the
 * allocation and the municipality's 所要見込額. Callers label it as 得点比例の試算.
 */
import type { GrantId } from '../../load/schemas/catalog.ts';
import type { NationalDataset, NationalMunicipality } from '../../load/schemas/national.ts';
import { allocate, pointsGainYen, yenPerPoint, type AllocationResult } from './allocate.ts';

export const GRANTS: readonly GrantId[] = ['suishin', 'shien'];

export type Budgets = Record<GrantId, number>;

/** 所要見込額 per grant in 千円; null = no cap (read from a needs file, src/money/needs.ts). */
export type Need = Record<GrantId, number | null>;

/** A municipality with both grant scores (the national dataset must have them). */
export interface ScoredMunicipality {
  code: string;
  prefecture: string;
  name: string;
  insuredType1: number;
  fictional: boolean;
  suishin: number;
  shien: number;
}

/** The municipalities of a dataset with grant scores; null when the file has only `total`. */
export function scoredMunicipalities(ds: NationalDataset): ScoredMunicipality[] | null {
  if (ds.level === 'total') return null;
  return ds.municipalities.map((m: NationalMunicipality) => ({
    code: m.code,
    prefecture: m.prefecture,
    name: m.name,
    insuredType1: m.insuredType1,
    fictional: m.fictional,
    suishin: m.suishin ?? 0,
    shien: m.shien ?? 0,
  }));
}

export interface GrantLine {
  score: number;
  /** S × N */
  weight: number;
  /** Share before caps (yen). */
  shareYen: number;
  /** Amount after caps (yen). */
  amountYen: number;
  /** 所要見込額 (yen), null = no cap. */
  needYen: number | null;
  capped: boolean;
  /** One more point, before caps (yen). */
  yenPerPoint: number;
}

export interface NationAllocationRow extends ScoredMunicipality {
  grants: Record<GrantId, GrantLine>;
}

export interface NationAllocation {
  fiscalYear: number;
  source: string;
  fictional: boolean;
  budgets: Budgets;
  results: Record<GrantId, AllocationResult>;
  rows: NationAllocationRow[];
}

/** Every municipality's estimate per grant. `needs` in 千円 (code → per grant; null = no cap). */
export function allocateNation(
  ms: readonly ScoredMunicipality[],
  budgets: Budgets,
  meta: { fiscalYear: number; source: string; fictional: boolean },
  needs?: ReadonlyMap<string, Need>,
): NationAllocation {
  const results = {} as Record<GrantId, AllocationResult>;
  for (const g of GRANTS) {
    results[g] = allocate(
      budgets[g],
      ms.map((m) => {
        const need = needs?.get(m.code)?.[g];
        return { code: m.code, score: m[g], insured: m.insuredType1, needYen: need === null || need === undefined ? null : need * 1000 };
      }),
    );
  }
  const rows = ms.map((m, i) => {
    const grants = {} as Record<GrantId, GrantLine>;
    for (const g of GRANTS) {
      const a = results[g].allocations[i]!;
      grants[g] = {
        score: m[g],
        weight: a.weight,
        shareYen: a.shareYen,
        amountYen: a.amountYen,
        needYen: a.needYen,
        capped: a.capped,
        yenPerPoint: yenPerPoint(budgets[g], results[g].weightSum, { score: m[g], insured: m.insuredType1 }),
      };
    }
    return { ...m, grants };
  });
  return { ...meta, budgets, results, rows };
}

// ---------------------------------------------------------------------------------------------
// One municipality (its report)

export interface SelfGrantEstimate {
  budgetYen: number;
  score: number;
  /** S × N of the municipality */
  weight: number;
  /** W = Σ S × N over the nation (the municipality included) */
  weightSum: number;
  /** Score-proportional estimate, no caps (yen). */
  estimateYen: number;
  yenPerPoint: number;
}

export interface MunicipalEstimate {
  /** Municipalities in the denominator (the nation file's, plus the municipality if it was absent). */
  municipalityCount: number;
  /** True when the municipality was not in the nation file and was added to the denominator. */
  added: boolean;
  /** Where the nation file's row disagrees with the report's figures (the report's are used). */
  differences: Array<{ what: 'suishin' | 'shien' | 'insuredType1'; inFile: number; inReport: number }>;
  grants: Record<GrantId, SelfGrantEstimate>;
  insuredType1: number;
}

/** k more points on a grant → yen, for the municipality of an estimate (exact difference before caps; see pointsGainYen). */
export function gainYen(e: MunicipalEstimate, grant: GrantId, points: number): number {
  const g = e.grants[grant];
  return pointsGainYen(g.budgetYen, g.weightSum, { score: g.score, insured: e.insuredType1 }, points);
}

/**
 * The report's municipality within the nation: its own scores and 第1号被保険者数 replace its row
 * in the nation file; when it has no row there (e.g. a synthetic nation, which holds only
 * fictional municipalities) it is added to the denominator as one extra municipality, so the
 * estimate is what it would get were it part of that nation.
 */
export function municipalEstimate(ms: readonly ScoredMunicipality[], self: ScoredMunicipality, budgets: Budgets): MunicipalEstimate {
  const at = ms.findIndex((m) => m.code === self.code);
  const differences: MunicipalEstimate['differences'] = [];
  if (at >= 0) {
    const row = ms[at]!;
    for (const what of ['suishin', 'shien', 'insuredType1'] as const)
      if (row[what] !== self[what]) differences.push({ what, inFile: row[what], inReport: self[what] });
  }
  const nation = at >= 0 ? ms.map((m, i) => (i === at ? self : m)) : [...ms, self];
  const index = at >= 0 ? at : nation.length - 1;
  const grants = {} as Record<GrantId, SelfGrantEstimate>;
  for (const g of GRANTS) {
    const r = allocate(
      budgets[g],
      nation.map((m) => ({ code: m.code, score: m[g], insured: m.insuredType1 })),
    );
    const a = r.allocations[index]!;
    grants[g] = {
      budgetYen: budgets[g],
      score: self[g],
      weight: a.weight,
      weightSum: r.weightSum,
      estimateYen: a.shareYen,
      yenPerPoint: yenPerPoint(budgets[g], r.weightSum, { score: self[g], insured: self.insuredType1 }),
    };
  }
  return {
    municipalityCount: nation.length,
    added: at < 0,
    differences,
    grants,
    insuredType1: self.insuredType1,
  };
}
