/**
 * The municipality against the national mean and median for every column of the ministry's
 * table (seed 000): goal × group for goals Ⅰ–Ⅲ, goal Ⅳ, each grant's total, and the overall
 * group sums.
 */
import type { GroupKind } from '../load/schemas/catalog.ts';
import type { NationalAggregates, NationalColumn } from '../load/schemas/inputs.ts';
import { roundHalfUp } from '../common/rate.ts';
import { grantResult, type ScoreSheet, type Tally } from './scores.ts';

export interface NationalComparisonRow {
  key: string;
  /** "推進", "支援" or "合計" */
  grantAbbr: string;
  /** e.g. "目標Ⅰ", "目標Ⅳ", "推進交付金合計", "体制・取組指標群計" */
  scope: string;
  /** e.g. "体制・取組指標群", "活動指標群", "小計", "成果指標群", "" */
  part: string;
  city: Tally;
  national: NationalColumn;
  /** city score − national mean (one decimal) */
  diffFromMean: number;
  /** city rate − national rate, percentage points (one decimal) */
  rateDiffPt: number;
  /** city score − national median */
  diffFromMedian: number;
  aboveMean: boolean;
}

export interface NationalComparison {
  fiscalYear: number;
  source: string;
  municipalityCount: number;
  rows: NationalComparisonRow[];
  /** Columns the national table has but the score sheet cannot fill (should be none). */
  unmatched: string[];
}

const PART_LABEL: Record<string, string> = {
  process: '体制・取組指標群',
  activity: '活動指標群',
  subtotal: '小計',
  outcome: '成果指標群',
};

/** The municipality's tally for a national column key, or null when the key has no counterpart. */
export function cityTallyFor(sheet: ScoreSheet, key: string): { tally: Tally; grantAbbr: string; scope: string; part: string } | null {
  const [a, b, c] = key.split('.');
  if (a === 'all') {
    if (b === 'total') return { tally: sheet, grantAbbr: '合計', scope: '合計', part: '' };
    const kind = b as GroupKind;
    if (!(kind in sheet.byKind)) return null;
    return { tally: sheet.byKind[kind], grantAbbr: '合計', scope: `${PART_LABEL[kind]}計`, part: '' };
  }
  if (a !== 'suishin' && a !== 'shien') return null;
  const grant = grantResult(sheet, a);
  if (b === 'total') return { tally: grant, grantAbbr: grant.abbr, scope: `${grant.shortName}合計`, part: '' };
  const goal = grant.goals.find((g) => g.goal === b);
  if (!goal) return null;
  if (c === undefined) return { tally: goal, grantAbbr: grant.abbr, scope: `目標${goal.numeral}`, part: PART_LABEL.outcome! };
  if (c === 'subtotal') return { tally: goal, grantAbbr: grant.abbr, scope: `目標${goal.numeral}`, part: PART_LABEL.subtotal! };
  const group = goal.groups.find((g) => g.kind === c);
  if (!group) return null;
  return { tally: group, grantAbbr: grant.abbr, scope: `目標${goal.numeral}`, part: PART_LABEL[c]! };
}

export function deriveNationalComparison(sheet: ScoreSheet, national: NationalAggregates): NationalComparison {
  const rows: NationalComparisonRow[] = [];
  const unmatched: string[] = [];
  for (const col of national.columns) {
    const found = cityTallyFor(sheet, col.key);
    if (!found) {
      unmatched.push(col.key);
      continue;
    }
    const { tally, grantAbbr, scope, part } = found;
    rows.push({
      key: col.key,
      grantAbbr,
      scope,
      part,
      city: tally,
      national: col,
      diffFromMean: roundHalfUp(tally.score - col.mean, 1),
      rateDiffPt: roundHalfUp(tally.ratePct - col.rate, 1),
      diffFromMedian: tally.score - col.median,
      aboveMean: tally.score > col.mean,
    });
  }
  return { fiscalYear: national.fiscalYear, source: national.source, municipalityCount: national.municipalityCount, rows, unmatched };
}

/** National figures of the previous year against this year (rate change in points). */
export function nationalRateChange(national: NationalAggregates): { previousRate: number; rate: number; changePt: number } | null {
  const total = national.columns.find((c) => c.key === 'all.total');
  if (!total || !national.previousYear) return null;
  return { previousRate: national.previousYear.rate, rate: total.rate, changePt: roundHalfUp(total.rate - national.previousYear.rate, 1) };
}
