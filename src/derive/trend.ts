/**
 * 評価結果の推移: each year's score and score rate per grant from the grant history's optional
 * `evaluation` fields, the report's own year taken from its indicator scores. Rates, not points,
 * are compared, since the maxima changed (FY2024: 推進 and 支援 400 points each); the changes of
 * maxima are listed so the report can say so. Pure.
 */
import type { Problem } from '../errors/errors.ts';
import { trendMessages } from '../errors/messages-peers.ts';
import type { GrantHistory } from '../load/schemas/inputs.ts';
import { ratePercent } from '../common/rate.ts';

export interface TrendCell {
  score: number;
  max: number;
  ratePct: number;
}

export interface TrendRow {
  fiscalYear: number;
  suishin: TrendCell | null;
  shien: TrendCell | null;
  /** Both grants together (null unless both are there). */
  total: TrendCell | null;
  /** The row is the report's own year, from its indicator scores. */
  fromReport: boolean;
}

export interface MaxChange {
  grant: 'suishin' | 'shien';
  /** First year with the new maximum. */
  fiscalYear: number;
  from: number;
  to: number;
}

export interface EvaluationTrend {
  rows: TrendRow[];
  maxChanges: MaxChange[];
}

type Pair = { score: number; max: number };

const cell = (p: Pair | null | undefined): TrendCell | null => (p ? { score: p.score, max: p.max, ratePct: ratePercent(p.score, p.max) } : null);

/** The trend, or null when no year of the history carries an evaluation. */
export function deriveEvaluationTrend(
  history: GrantHistory,
  current: { fiscalYear: number; suishin: Pair; shien: Pair },
  file = '(grants)',
): { trend: EvaluationTrend | null; warnings: Problem[] } {
  const warnings: Problem[] = [];
  if (!history.years.some((y) => y.evaluation)) return { trend: null, warnings };
  const byYear = new Map<number, { suishin: Pair | null; shien: Pair | null; fromReport: boolean }>();
  history.years.forEach((y, i) => {
    if (!y.evaluation) return;
    if (y.fiscalYear === current.fiscalYear)
      for (const g of ['suishin', 'shien'] as const) {
        const e = y.evaluation[g];
        if (e && e.score !== current[g].score)
          warnings.push({
            location: { file, place: `$.years[${i}].evaluation.${g}.score` },
            rule: trendMessages.currentYearDiffers(y.fiscalYear, g === 'suishin' ? '推進交付金' : '支援交付金', e.score, current[g].score),
            severity: 'warning',
          });
      }
    byYear.set(y.fiscalYear, { suishin: y.evaluation.suishin, shien: y.evaluation.shien, fromReport: false });
  });
  byYear.set(current.fiscalYear, { suishin: current.suishin, shien: current.shien, fromReport: true });
  const rows = [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([fiscalYear, v]) => ({
      fiscalYear,
      suishin: cell(v.suishin),
      shien: cell(v.shien),
      total: v.suishin && v.shien ? cell({ score: v.suishin.score + v.shien.score, max: v.suishin.max + v.shien.max }) : null,
      fromReport: v.fromReport,
    }));
  const maxChanges: MaxChange[] = [];
  for (const g of ['suishin', 'shien'] as const) {
    let last: TrendCell | null = null;
    for (const r of rows) {
      const c = r[g];
      if (c && last && c.max !== last.max) maxChanges.push({ grant: g, fiscalYear: r.fiscalYear, from: last.max, to: c.max });
      if (c) last = c;
    }
  }
  return { trend: { rows, maxChanges }, warnings };
}
