/**
 * A large peer group (more members than a bar chart can show readably, e.g. a prefecture of 179
 * municipalities or a size class of 700) as the distribution of its members' totals: a histogram
 * of 合計 in bins of whole points, the municipality's bin and score marked, the median drawn.
 * Built from derived figures only.
 */
import type { DerivedReport } from '../derive/report.ts';
import type { RankedPeerGroup } from '../derive/peer-groups.ts';
import { groupDigits } from '../common/era.ts';
import { chartPalette } from './config.ts';
import type { ChartDefinition } from './report-charts.ts';

const SELF = '#c00000';

/** Bin width in points: about 20–40 bins over the group's range, a round number. */
export function binWidth(min: number, max: number): number {
  const span = Math.max(1, max - min);
  for (const w of [5, 10, 20, 25, 50]) if (span / w <= 36) return w;
  return 100;
}

export function groupDistributionChart(r: DerivedReport, g: RankedPeerGroup, id: string): ChartDefinition {
  const totals = g.rows.map((x) => x.total.score);
  const me = g.highlighted!;
  const min = Math.min(...totals);
  const max = Math.max(...totals);
  const w = binWidth(min, max);
  const first = Math.floor(min / w) * w;
  const last = Math.floor(max / w) * w;
  const bins: Array<{ from: number; to: number; count: number; self: boolean }> = [];
  for (let b = first; b <= last; b += w) bins.push({ from: b, to: b + w, count: 0, self: me.total.score >= b && me.total.score < b + w });
  for (const t of totals) bins[Math.floor((t - first) / w)]!.count++;
  const top = Math.max(...bins.map((b) => b.count));
  const label = `${me.name} ${me.total.score}点（${me.total.rank}位／${groupDigits(g.count)}）`;
  const description =
    `${g.name}の合計得点の分布（${w}点ごとの市町村数）。最高${max}点、最低${min}点、平均${g.means.total.toFixed(1)}点、中央値${g.medians.total}点。` +
    `${me.name}は${me.total.score}点で${g.count}市町村中${me.total.rank}位。`;
  const marks = [
    { kind: 'self', score: me.total.score, text: label },
    { kind: 'median', score: g.medians.total, text: `中央値 ${g.medians.total}点` },
  ];
  return {
    id,
    caption: `${g.name}の合計得点の分布（${w}点ごとの市町村数、赤は${me.name}）`,
    description,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      description,
      width: 520,
      height: 180,
      layer: [
        {
          data: { values: bins },
          mark: { type: 'bar', binSpacing: 1 },
          encoding: {
            x: { field: 'from', type: 'quantitative', bin: { binned: true, step: w }, title: '合計得点（点）', scale: { domain: [first, last + w], nice: false } },
            x2: { field: 'to' },
            y: { field: 'count', type: 'quantitative', title: '市町村数', axis: { tickMinStep: 1, format: 'd' }, scale: { domain: [0, Math.ceil(top * 1.3) + 1] } },
            color: { condition: { test: 'datum.self', value: SELF }, value: chartPalette[1] },
          },
        },
        {
          data: { values: marks },
          mark: { type: 'rule', strokeWidth: 1.5 },
          encoding: {
            x: { field: 'score', type: 'quantitative' },
            color: { field: 'kind', type: 'nominal', scale: { domain: ['self', 'median'], range: [SELF, chartPalette[3]] }, legend: null },
            strokeDash: { field: 'kind', type: 'nominal', scale: { domain: ['self', 'median'], range: [[1, 0], [4, 2]] }, legend: null },
          },
        },
        ...marks.map((m, i) => {
          // each label extends away from the other mark, so the two never cross
          const other = marks[1 - i]!.score;
          const right = m.score < other || (m.score === other && i === 0);
          return {
            data: { values: [m] },
            mark: { type: 'text' as const, align: (right ? 'right' : 'left') as 'right' | 'left', dx: right ? -3 : 3, fontSize: 9, baseline: 'top' as const, color: i === 0 ? SELF : chartPalette[3] },
            encoding: {
              x: { field: 'score', type: 'quantitative' as const },
              y: { value: 2 + i * 12 },
              text: { field: 'text', type: 'nominal' as const },
            },
          };
        }),
      ],
    },
  };
}
