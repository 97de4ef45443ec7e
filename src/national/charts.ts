/**
 * Vega-Lite specs of the national summary's charts (pure): per prefecture, the mean score as a
 * bar (総合: stacked 推進 + 支援 means, as seed 000 draws it), the min–max range as a line with
 * ○ maximum and □ minimum, the median as a short stroke, and the national mean as a dashed line.
 * Prefectures run down the side in code order, so their names stay upright. The same figures
 * are printed as a table in the document (the text alternative).
 */
import type { TopLevelSpec } from 'vega-lite';
import { chartPalette } from '../charts/config.ts';
import type { NationalDerived, PrefectureDistribution } from './derive.ts';

export interface NationalChartDefinition {
  id: string;
  caption: string;
  description: string;
  spec: TopLevelSpec;
}

type Measure = 'total' | 'suishin' | 'shien';

const MARKERS = ['最大', '最小', '中央値'] as const;
/** ○ □ and a short stroke across the bar (symbol paths are in a unit square around 0,0). */
const MARKER_SHAPES = ['circle', 'square', 'M0,-1L0,1'];
const BAND = 11;

function extremes(prefs: readonly PrefectureDistribution[], m: Measure): { best: PrefectureDistribution; worst: PrefectureDistribution } | null {
  const withData = prefs.filter((p) => p[m]);
  if (withData.length === 0) return null;
  const sorted = [...withData].sort((a, b) => b[m]!.mean - a[m]!.mean);
  return { best: sorted[0]!, worst: sorted[sorted.length - 1]! };
}

export function prefectureChart(d: NationalDerived, measure: Measure): NationalChartDefinition | null {
  const key = measure === 'total' ? 'all.total' : `${measure}.total`;
  const col = d.columns.find((c) => c.key === key);
  if (!col) return null;
  const prefs = d.prefectures;
  const names = prefs.map((p) => p.name);
  const stacked = measure === 'total' && d.level !== 'total';
  const grantName = (g: 'suishin' | 'shien') => d.columnDefs.find((c) => c.key === `${g}.total`)!.grantLabel;
  const label = measure === 'total' ? '総合' : grantName(measure);

  const bars = prefs.flatMap((p) => {
    if (!p[measure]) return [];
    if (stacked)
      return [
        { pref: p.name, series: `推進（平均）`, value: p.suishin!.mean, order: 0 },
        { pref: p.name, series: `支援（平均）`, value: p.shien!.mean, order: 1 },
      ];
    return [{ pref: p.name, series: '平均', value: p[measure]!.mean, order: 0 }];
  });
  const seriesDomain = stacked ? ['推進（平均）', '支援（平均）'] : ['平均'];
  const seriesRange = stacked ? [chartPalette[0], chartPalette[2]] : [measure === 'shien' ? chartPalette[1] : chartPalette[0]];
  const ranges = prefs.filter((p) => p[measure]).map((p) => ({ pref: p.name, min: p[measure]!.min, max: p[measure]!.max }));
  const markers = prefs.flatMap((p) => {
    const s = p[measure];
    if (!s) return [];
    return [
      { pref: p.name, stat: '最大', value: s.max },
      { pref: p.name, stat: '最小', value: s.min },
      { pref: p.name, stat: '中央値', value: s.median },
    ];
  });
  const ext = extremes(prefs, measure);
  const description =
    `都道府県別の市町村${label}得点（${col.max}点満点）。棒は都道府県内の平均、○は最大、□は最小、縦線は中央値、破線は全国平均${col.mean.toFixed(1)}点。` +
    (ext ? `平均が最も高いのは${ext.best.name}（${ext.best[measure]!.mean.toFixed(1)}点）、最も低いのは${ext.worst.name}（${ext.worst[measure]!.mean.toFixed(1)}点）。` : '') +
    '数値は都道府県別の表に掲載。';
  const y = { field: 'pref', type: 'nominal' as const, title: null, sort: names, scale: { domain: names }, axis: { labelFontSize: 9, ticks: false, labelPadding: 6 } };
  const x = { type: 'quantitative' as const, scale: { domain: [0, col.max], nice: false }, title: '得点（点）', axis: { tickCount: 8, grid: true } };

  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description,
    width: 860,
    height: BAND * names.length,
    layer: [
      {
        data: { values: bars },
        mark: { type: 'bar', height: { band: 0.72 } },
        encoding: {
          y,
          x: { ...x, field: 'value', stack: 'zero' },
          color: { field: 'series', type: 'nominal', title: null, scale: { domain: seriesDomain, range: seriesRange }, legend: { orient: 'bottom', direction: 'horizontal' } },
          order: { field: 'order', type: 'quantitative' },
        },
      },
      {
        data: { values: ranges },
        mark: { type: 'rule', color: chartPalette[3], strokeWidth: 1 },
        encoding: { y, x: { ...x, field: 'min' }, x2: { field: 'max' } },
      },
      {
        data: { values: markers },
        mark: { type: 'point', filled: false, size: 34, strokeWidth: 1.3, color: '#1a1a1a', opacity: 1 },
        encoding: {
          y,
          x: { ...x, field: 'value' },
          shape: { field: 'stat', type: 'nominal', title: null, scale: { domain: [...MARKERS], range: MARKER_SHAPES }, legend: { orient: 'bottom', direction: 'horizontal' } },
        },
      },
      {
        data: { values: [{ mean: col.mean, label: `全国平均 ${col.mean.toFixed(1)}点` }] },
        layer: [
          { mark: { type: 'rule', strokeDash: [5, 3], color: '#c00000', strokeWidth: 1.2 }, encoding: { x: { ...x, field: 'mean' } } },
          {
            mark: { type: 'text', align: 'left', dx: 4, dy: 0, baseline: 'bottom', color: '#c00000', fontSize: 10 },
            encoding: { x: { ...x, field: 'mean' }, y: { value: -3 }, text: { field: 'label' } },
          },
        ],
      },
    ],
    resolve: { legend: { color: 'independent', shape: 'independent' } },
  };
  return {
    id: `pref-${measure}`,
    caption: `都道府県別市町村得点（${label}）：平均・中央値・最小〜最大`,
    description,
    spec,
  };
}

/** The charts of the document: 総合, and 推進 and 支援 when the data has grant totals. */
export function nationalCharts(d: NationalDerived): NationalChartDefinition[] {
  return (['total', 'suishin', 'shien'] as const).map((m) => prefectureChart(d, m)).filter((c): c is NationalChartDefinition => c !== null);
}
