/**
 * Grant-receipt history (seed 003 §5): amounts received per fiscal year in 千円 and the
 * national budget in 億円, with sums and year-on-year changes.
 */
import type { GrantHistory } from '../load/schemas/inputs.ts';
import type { EvaluationTrend } from './trend.ts';

export interface GrantHistoryRow {
  fiscalYear: number;
  suishin: number | null;
  shien: number | null;
  /** Sum of both grants (千円); null when neither was received. */
  total: number | null;
  budgetSuishin: number | null;
  budgetShien: number | null;
  estimate: boolean;
  /** Change of the total from the previous row (千円). */
  totalChange: number | null;
}

export interface GrantHistoryView {
  rows: GrantHistoryRow[];
  notes: string[];
  cumulative: { suishin: number; shien: number; total: number };
  latest: GrantHistoryRow;
  /** 評価結果の推移: only when the history carries evaluation results (src/derive/trend.ts). */
  trend?: EvaluationTrend;
}

export function deriveGrantHistory(history: GrantHistory): GrantHistoryView {
  const years = [...history.years].sort((a, b) => a.fiscalYear - b.fiscalYear);
  let previous: number | null = null;
  const rows = years.map((y) => {
    const { suishin, shien } = y.received;
    const total = suishin === null && shien === null ? null : (suishin ?? 0) + (shien ?? 0);
    const row: GrantHistoryRow = {
      fiscalYear: y.fiscalYear,
      suishin,
      shien,
      total,
      budgetSuishin: y.nationalBudget.suishin,
      budgetShien: y.nationalBudget.shien,
      estimate: y.estimate,
      totalChange: total !== null && previous !== null ? total - previous : null,
    };
    previous = total;
    return row;
  });
  const sum = (f: (r: GrantHistoryRow) => number | null) => rows.reduce((s, r) => s + (f(r) ?? 0), 0);
  return {
    rows,
    notes: history.notes,
    cumulative: { suishin: sum((r) => r.suishin), shien: sum((r) => r.shien), total: sum((r) => r.total) },
    latest: rows[rows.length - 1]!,
  };
}
