/**
 * The view of 評価結果の推移 (score and score rate per grant by year) beside the grant receipts.
 * Pure; figures from src/derive/trend.ts.
 */
import type { EvaluationTrend, TrendCell } from '../derive/trend.ts';
import { fiscalYearJa, percentJa } from '../common/era.ts';

export interface TrendView {
  intro: string;
  caption: string;
  columns: string[];
  rows: Array<{ year: string; suishin: string; suishinRate: string; shien: string; shienRate: string; total: string; totalRate: string }>;
  notes: string[];
}

const GRANT = { suishin: '推進交付金', shien: '支援交付金' } as const;
const score = (c: TrendCell | null) => (c ? `${c.score} / ${c.max}点` : '－');
const rate = (c: TrendCell | null) => (c ? percentJa(c.ratePct) : '－');

export function buildTrendView(t: EvaluationTrend, self: string): TrendView {
  const first = t.rows[0]!;
  const last = t.rows[t.rows.length - 1]!;
  const notes = t.maxChanges.map(
    (c) => `※ ${GRANT[c.grant]}の満点は${fiscalYearJa(c.fiscalYear)}から${c.from}点→${c.to}点に変わったため、年度間は得点率で比較する。`,
  );
  if (t.rows.some((r) => r.fromReport)) notes.push(`※ ${fiscalYearJa(last.fiscalYear)}は本資料の指標別得点の合計。`);
  const change =
    first !== last && first.total && last.total
      ? `合計の得点率は${fiscalYearJa(first.fiscalYear)}の${percentJa(first.total.ratePct)}から${fiscalYearJa(last.fiscalYear)}の${percentJa(last.total.ratePct)}となっている。`
      : '';
  return {
    intro: `${self}の評価結果（得点・得点率）の推移は以下のとおり。${change}`,
    caption: '評価結果の推移（得点／満点、得点率）',
    columns: ['年度', '推進交付金', '得点率', '支援交付金', '得点率', '合計', '得点率'],
    rows: t.rows.map((r) => ({
      year: fiscalYearJa(r.fiscalYear),
      suishin: score(r.suishin),
      suishinRate: rate(r.suishin),
      shien: score(r.shien),
      shienRate: rate(r.shien),
      total: score(r.total),
      totalRate: rate(r.total),
    })),
    notes,
  };
}
