/**
 * Money in the municipality report (pure): with a national results file (`--nation`), the
 * score-proportional estimate of the report year's grants for the municipality, what a point is
 * worth on each grant, the money value of every what-if step, and the year's actual receipts
 * (grant history) beside the estimate. Formulas and rounding: src/derive/money/allocate.ts.
 */
import type { Problem } from '../errors/errors.ts';
import { loadMessages, messages, termMessages } from '../errors/messages.ts';
import type { GrantId } from '../load/schemas/catalog.ts';
import type { GrantHistory, MunicipalityResults } from '../load/schemas/inputs.ts';
import { okuToYen, PUBLISHED_BUDGETS_OKU } from './money/budget.ts';
import { gainYen, GRANTS, municipalEstimate, scoredMunicipalities, type SelfGrantEstimate } from './money/estimate.ts';
import type { NationalDataset } from '../load/schemas/national.ts';
import { grantResult, type ScoreSheet } from './scores.ts';
import type { WhatIfList } from './whatif.ts';

export interface MoneyGrant extends SelfGrantEstimate {
  /** The budget in 億円, as published / given in the grant history. */
  budgetOku: number;
}

export interface ReportMoney {
  fiscalYear: number;
  /** The nation file's source note. */
  source: string;
  /** The nation file's rows are made up (kofukin synth): the money figures are illustrative. */
  fictional: boolean;
  /** Municipalities in the denominator. */
  municipalityCount: number;
  /** The report's municipality was not in the nation file and was added to the denominator. */
  addedSelf: boolean;
  /** Where the budgets come from. */
  budgetSource: 'grant history' | 'published';
  grants: Record<GrantId, MoneyGrant>;
  /** Money of each what-if entry, in the what-if list's order (yen, before caps). */
  whatIf: Array<{ indicator: string; grant: GrantId; nextGainYen: number; maxGainYen: number }>;
  /** Receipts of the same fiscal year from the grant history (千円), when it has that year. */
  actual: { fiscalYear: number; estimate: boolean; suishin: number | null; shien: number | null } | null;
}

export interface ReportMoneyInput {
  nation: { data: NationalDataset; file: string };
  results: MunicipalityResults;
  scoreSheet: ScoreSheet;
  whatIf: WhatIfList | null;
  grants: GrantHistory | null;
}

/** The budgets (億円) of a year: the grant history's, else the published ones the tool knows. */
function budgetsOf(fy: number, history: GrantHistory | null): { oku: Record<GrantId, number>; source: ReportMoney['budgetSource'] } | null {
  const year = history?.years.find((y) => y.fiscalYear === fy);
  const published = PUBLISHED_BUDGETS_OKU[fy];
  const s = year?.nationalBudget.suishin ?? null;
  const h = year?.nationalBudget.shien ?? null;
  if (s !== null && h !== null) return { oku: { suishin: s, shien: h }, source: 'grant history' };
  if (!published) return null;
  return { oku: { suishin: s ?? published.suishin, shien: h ?? published.shien }, source: s !== null || h !== null ? 'grant history' : 'published' };
}

export function deriveReportMoney(input: ReportMoneyInput): { money: ReportMoney | null; warnings: Problem[] } {
  const { nation, results } = input;
  const warnings: Problem[] = [];
  const fy = results.fiscalYear;
  const ms = scoredMunicipalities(nation.data);
  if (!ms) return { money: null, warnings: [{ location: { file: nation.file }, rule: messages.nationNeedsGrantScores(), severity: 'error' }] };
  const budgets = budgetsOf(fy, input.grants);
  if (!budgets) {
    warnings.push({
      location: { file: nation.file },
      rule: loadMessages.noNationalBudget(fy),
      severity: 'warning',
    });
    return { money: null, warnings };
  }
  const m = results.municipality;
  const self = {
    code: m.code,
    prefecture: m.prefecture,
    name: m.name,
    insuredType1: m.insuredType1,
    fictional: m.fictional ?? false,
    suishin: grantResult(input.scoreSheet, 'suishin').score,
    shien: grantResult(input.scoreSheet, 'shien').score,
  };
  const estimate = municipalEstimate(ms, self, { suishin: okuToYen(budgets.oku.suishin), shien: okuToYen(budgets.oku.shien) });
  for (const d of estimate.differences)
    warnings.push({
      location: { file: nation.file, place: loadMessages.codePlace(m.code) },
      rule: messages.nationRowDiffers(m.code, d.what === 'insuredType1' ? '第1号被保険者数' : termMessages.keyScore(d.what), d.inFile, d.inReport),
      severity: 'warning',
    });
  const grants = {} as Record<GrantId, MoneyGrant>;
  for (const g of GRANTS) grants[g] = { ...estimate.grants[g], budgetOku: budgets.oku[g] };
  const year = input.grants?.years.find((y) => y.fiscalYear === fy);
  return {
    money: {
      fiscalYear: fy,
      source: nation.data.source,
      fictional: nation.data.fictional,
      municipalityCount: estimate.municipalityCount,
      addedSelf: estimate.added,
      budgetSource: budgets.source,
      grants,
      whatIf: (input.whatIf?.items ?? []).map((w) => ({
        indicator: w.indicator.id,
        grant: w.indicator.grant,
        nextGainYen: gainYen(estimate, w.indicator.grant, w.nextGain),
        maxGainYen: gainYen(estimate, w.indicator.grant, w.maxGain),
      })),
      actual: year ? { fiscalYear: fy, estimate: year.estimate, suishin: year.received.suishin, shien: year.received.shien } : null,
    },
    warnings,
  };
}
