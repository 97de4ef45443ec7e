/**
 * Vega-Lite specs of the municipality report's charts, built from derived figures only. Each
 * chart carries a caption and an accessible description; the same data is printed as a table
 * elsewhere in the report (the text alternative).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { DerivedReport } from '../derive/report.ts';
import { GROUP_KIND_LABELS } from '../derive/scores.ts';
import { fiscalYearJa } from '../common/era.ts';
import { chartPalette } from './config.ts';
import type { PeerRanks } from '../derive/peers.ts';
import { groupDistributionChart } from './ranking-charts.ts';
import { BAR_CHART_LIMIT } from '../view/ranking-view.ts';

export interface ChartDefinition {
  id: string;
  caption: string;
  description: string;
  spec: TopLevelSpec;
}

const CITY = chartPalette[0];
const OTHER = chartPalette[4];

/** Colour of the two grants in stacked bars (推進 darker, 支援 lighter), legend on top. */
function grantColor(grants: string[]) {
  return {
    field: 'grant',
    type: 'nominal' as const,
    sort: grants,
    scale: { domain: grants, range: [chartPalette[1], chartPalette[2]] },
    legend: { title: null, orient: 'top' as const, direction: 'horizontal' as const },
  };
}

/** Goal score rates: the city against the national mean and median (rates in %). */
export function goalRateChart(r: DerivedReport): ChartDefinition | null {
  const nc = r.nationalComparison;
  if (!nc) return null;
  const self = r.municipality.name;
  const rows = nc.rows.filter((row) => /^(suishin|shien)\.((I|II|III)\.subtotal|IV)$/.test(row.key));
  // series order is data (seriesOrder), not spec, so every municipality's chart has one shape
  const data = rows.flatMap((row) => {
    const goal = `${row.grantAbbr} ${row.scope}`;
    const median = (row.national.median / row.national.max) * 100;
    return [
      { goal, series: self, seriesOrder: 0, rate: row.city.ratePct },
      { goal, series: '全国平均', seriesOrder: 1, rate: row.national.rate },
      { goal, series: '全国中央値', seriesOrder: 2, rate: Math.round(median * 10) / 10 },
    ];
  });
  const description = `目標別の得点率。${rows
    .map((row) => `${row.grantAbbr}${row.scope}は${self}${row.city.ratePct.toFixed(1)}%、全国平均${row.national.rate.toFixed(1)}%`)
    .join('、')}。`;
  return {
    id: 'goalRates',
    caption: `目標別得点率：${self}と全国平均・中央値`,
    description,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      description,
      width: 560,
      height: 220,
      data: { values: data },
      mark: { type: 'bar', tooltip: false },
      encoding: {
        x: { field: 'goal', type: 'nominal', title: null, sort: null, axis: { labelAngle: 0 } },
        xOffset: { field: 'series', type: 'nominal', sort: { field: 'seriesOrder' } },
        y: { field: 'rate', type: 'quantitative', title: '得点率（%）', scale: { domain: [0, 100] } },
        color: {
          field: 'series',
          type: 'nominal',
          sort: { field: 'seriesOrder' },
          scale: { range: [CITY, chartPalette[2], chartPalette[4]] },
          legend: { title: null, orient: 'top', direction: 'horizontal' },
        },
      },
    },
  };
}

/** Points lost per goal and indicator group. */
export function pointsLostChart(r: DerivedReport): ChartDefinition {
  const data = r.scoreSheet.grants.flatMap((g) =>
    g.goals.flatMap((goal) =>
      goal.groups.map((grp) => ({ goal: `${g.abbr} 目標${goal.numeral}`, group: GROUP_KIND_LABELS[grp.kind], lost: grp.lost })),
    ),
  );
  const kinds = Object.values(GROUP_KIND_LABELS);
  const lostTotal = r.scoreSheet.lost;
  const description = `目標別・指標群別の未得点（満点との差）。合計${lostTotal}点。${data
    .filter((d) => d.lost > 0)
    .map((d) => `${d.goal}の${d.group}${d.lost}点`)
    .join('、')}。`;
  return {
    id: 'pointsLost',
    caption: `目標別・指標群別の未得点（満点との差、合計${lostTotal}点）`,
    description,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      description,
      width: 460,
      height: { step: 22 },
      data: { values: data },
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'goal', type: 'nominal', title: null, sort: null },
        x: { field: 'lost', type: 'quantitative', title: '未得点（点）', stack: 'zero' },
        color: {
          field: 'group',
          type: 'nominal',
          sort: kinds,
          scale: { domain: kinds, range: [chartPalette[0], chartPalette[1], chartPalette[4]] },
          legend: { title: null, orient: 'top', direction: 'horizontal' },
        },
        order: { field: 'group', sort: 'ascending' },
      },
    },
  };
}

/** Peer comparison: stacked 推進 / 支援, sorted by total, the city highlighted. */
export function peerChart(r: DerivedReport): ChartDefinition | null {
  const pr = r.peerRanks;
  if (!pr) return null;
  return peerBarsChart(r, pr, 'peers');
}

/** A peer group as seed 003's bar chart: stacked 推進 / 支援, sorted by total, the city highlighted. */
export function peerBarsChart(r: DerivedReport, pr: PeerRanks, id: string): ChartDefinition {
  const [suishin, shien] = r.scoreSheet.grants;
  const data = pr.rows.flatMap((row) => [
    { name: row.name, grant: suishin!.shortName, score: row.suishin.score, total: row.total.score, rank: row.total.rank, self: row.highlighted },
    { name: row.name, grant: shien!.shortName, score: row.shien.score, total: row.total.score, rank: row.total.rank, self: row.highlighted },
  ]);
  const grants = [suishin!.shortName, shien!.shortName];
  const sorted = [...pr.rows].sort((a, b) => b.total.score - a.total.score || a.total.rank - b.total.rank);
  const description = `${pr.name}の合計得点（高い順）。${sorted.map((x) => `${x.total.rank}位 ${x.name} ${x.total.score}点`).join('、')}。`;
  return {
    id,
    caption: `${pr.name}の得点（推進交付金＋支援交付金、合計の高い順）`,
    description,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      description,
      width: 440,
      height: { step: 17 },
      data: { values: data },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            y: { field: 'name', type: 'nominal', title: null, sort: sorted.map((x) => x.name) },
            x: { field: 'score', type: 'quantitative', title: '得点（点）', stack: 'zero', scale: { domain: [0, r.scoreSheet.max] } },
            color: grantColor(grants),
            order: { field: 'grant', sort: 'ascending' },
            stroke: { condition: { test: 'datum.self', value: '#c00000' }, value: null },
            strokeWidth: { condition: { test: 'datum.self', value: 2 }, value: 0 },
          },
        },
        {
          transform: [{ filter: `datum.grant === '${shien!.shortName}'` }],
          mark: { type: 'text', align: 'left', dx: 4, fontSize: 9 },
          encoding: {
            y: { field: 'name', type: 'nominal', sort: sorted.map((x) => x.name) },
            x: { field: 'total', type: 'quantitative' },
            text: { field: 'total', type: 'quantitative' },
            color: { condition: { test: 'datum.self', value: '#c00000' }, value: '#262626' },
          },
        },
      ],
    },
  };
}

/** Grant history: amounts received (千円) per fiscal year, and the national budget (億円). */
export function grantHistoryChart(r: DerivedReport): ChartDefinition | null {
  const gh = r.grantHistory;
  if (!gh) return null;
  const [suishin, shien] = r.scoreSheet.grants;
  const bars = gh.rows.flatMap((row) => [
    { year: fiscalYearJa(row.fiscalYear) + (row.estimate ? '*' : ''), grant: suishin!.shortName, amount: row.suishin ?? 0 },
    { year: fiscalYearJa(row.fiscalYear) + (row.estimate ? '*' : ''), grant: shien!.shortName, amount: row.shien ?? 0 },
  ]);
  const budget = gh.rows.map((row) => ({
    year: fiscalYearJa(row.fiscalYear) + (row.estimate ? '*' : ''),
    budget: (row.budgetSuishin ?? 0) + (row.budgetShien ?? 0),
  }));
  const years = budget.map((b) => b.year);
  // headroom above the largest budget so the line stays clear of the bars' legend
  const budgetTop = Math.max(100, Math.ceil((Math.max(...budget.map((b) => b.budget)) * 1.25) / 100) * 100);
  const grants = [suishin!.shortName, shien!.shortName];
  const description = `交付金の受け入れ額と国予算額の推移。${gh.rows
    .map((row) => `${fiscalYearJa(row.fiscalYear)}${row.estimate ? '（見込み）' : ''}は推進${row.suishin ?? 0}千円・支援${row.shien ?? 0}千円、国予算${(row.budgetSuishin ?? 0) + (row.budgetShien ?? 0)}億円`)
    .join('、')}。`;
  return {
    id: 'grantHistory',
    caption: '交付金の受け入れ額（千円、棒）と国予算額（推進＋支援、億円、折れ線）' + (gh.rows.some((x) => x.estimate) ? '　* は見込み' : ''),
    description,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      description,
      width: 520,
      height: 200,
      layer: [
        {
          data: { values: bars },
          mark: { type: 'bar' },
          encoding: {
            x: { field: 'year', type: 'nominal', title: null, sort: years, axis: { labelAngle: 0 } },
            y: { field: 'amount', type: 'quantitative', title: '受け入れ額（千円）', stack: 'zero', axis: { format: ',d' } },
            color: grantColor(grants),
            order: { field: 'grant', sort: 'ascending' },
          },
        },
        {
          data: { values: budget },
          mark: { type: 'line', point: { filled: true, size: 30 }, color: chartPalette[3], strokeDash: [4, 2] },
          encoding: {
            x: { field: 'year', type: 'nominal', sort: years },
            y: { field: 'budget', type: 'quantitative', title: '国予算額（億円）', scale: { domain: [0, budgetTop] } },
          },
        },
      ],
      resolve: { scale: { y: 'independent' } },
    },
  };
}

/** One chart per peer group chosen by name or listed: bars up to BAR_CHART_LIMIT members, else the distribution. */
export function rankingCharts(r: DerivedReport): ChartDefinition[] {
  return (r.peerGroups ?? []).map((g, i) =>
    g.count > BAR_CHART_LIMIT ? groupDistributionChart(r, g, `peerGroup${i + 1}`) : peerBarsChart(r, g, `peerGroup${i + 1}`),
  );
}

/** 評価結果の推移: score rate per grant (and both) by year; only when the history carries evaluations. */
export function evaluationTrendChart(r: DerivedReport): ChartDefinition | null {
  const t = r.grantHistory?.trend;
  if (!t) return null;
  const series = [
    { key: 'suishin', name: '推進交付金' },
    { key: 'shien', name: '支援交付金' },
    { key: 'total', name: '合計' },
  ] as const;
  const data = t.rows.flatMap((row) =>
    series.flatMap((s, order) => {
      const c = row[s.key];
      return c ? [{ year: fiscalYearJa(row.fiscalYear), series: s.name, order, rate: c.ratePct }] : [];
    }),
  );
  const years = t.rows.map((row) => fiscalYearJa(row.fiscalYear));
  const description = `評価結果の得点率の推移。${t.rows
    .map((row) => `${fiscalYearJa(row.fiscalYear)}は${series.map((s) => (row[s.key] ? `${s.name}${row[s.key]!.ratePct.toFixed(1)}%` : '')).filter(Boolean).join('・')}`)
    .join('、')}。`;
  return {
    id: 'evaluationTrend',
    caption: '評価結果の得点率の推移（%）',
    description,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      description,
      width: 520,
      height: 180,
      data: { values: data },
      mark: { type: 'line', point: { filled: true, size: 40 } },
      encoding: {
        x: { field: 'year', type: 'nominal', title: null, sort: years, axis: { labelAngle: 0 } },
        y: { field: 'rate', type: 'quantitative', title: '得点率（%）', scale: { domain: [0, 100] } },
        color: {
          field: 'series',
          type: 'nominal',
          sort: series.map((s) => s.name),
          scale: { domain: series.map((s) => s.name), range: [chartPalette[0], chartPalette[1], '#c00000'] },
          legend: { title: null, orient: 'top', direction: 'horizontal' },
        },
      },
    },
  };
}

export function buildReportCharts(r: DerivedReport): ChartDefinition[] {
  return [goalRateChart(r), pointsLostChart(r), ...rankingCharts(r), peerChart(r), grantHistoryChart(r), evaluationTrendChart(r)].filter((c): c is ChartDefinition => c !== null);
}
