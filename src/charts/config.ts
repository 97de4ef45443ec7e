/**
 * Vega-Lite config for the report's charts: the report font, small labels, and the restrained
 * grey/blue look of a council document. Charts merge their own `config` over this one.
 */
import type { Config } from 'vega-lite';
import { REPORT_FONT_FAMILY } from '../fonts/font.ts';

/** Blues from dark to light, then greys: series stay apart in greyscale print too. */
export const chartPalette = ['#1f4e79', '#5b8ec4', '#a9c4e4', '#595959', '#a6a6a6', '#d9d9d9'] as const;

const text = '#262626';
const line = '#8c8c8c';
const grid = '#e1e5eb';

export const chartConfig: Config = {
  font: REPORT_FONT_FAMILY,
  background: '#ffffff',
  padding: 4,
  // ARIA is set once on the root <svg> (role="img" + label) by renderChartSvg.
  aria: false,
  view: { stroke: null, continuousWidth: 320, continuousHeight: 200 },
  title: {
    font: REPORT_FONT_FAMILY,
    fontSize: 12,
    fontWeight: 700,
    color: text,
    anchor: 'start',
    offset: 8,
    subtitleFontSize: 10,
    subtitleColor: '#595959',
  },
  axis: {
    labelFont: REPORT_FONT_FAMILY,
    titleFont: REPORT_FONT_FAMILY,
    labelFontSize: 10,
    titleFontSize: 11,
    titleFontWeight: 400,
    labelColor: text,
    titleColor: text,
    domainColor: line,
    tickColor: line,
    gridColor: grid,
    // 0 = no limit: Japanese indicator names are long and must never be cut with "…".
    labelLimit: 0,
    // Vega caps the space for ticks + labels at 200 px by default and then sets the axis title
    // over long labels; lift the cap so the title always clears them.
    maxExtent: 2000,
    labelPadding: 4,
    titlePadding: 6,
  },
  // Japanese axis titles stay upright: the y title sits horizontally above the axis line
  // (as in printed council documents) instead of being turned 90° with sideways characters.
  axisY: {
    titleAngle: 0,
    titleAlign: 'right',
    titleBaseline: 'bottom',
    titleX: 0,
    titleY: -6,
  },
  legend: {
    labelFont: REPORT_FONT_FAMILY,
    titleFont: REPORT_FONT_FAMILY,
    labelFontSize: 10,
    titleFontSize: 11,
    titleFontWeight: 400,
    labelColor: text,
    titleColor: text,
    labelLimit: 0,
    symbolType: 'square',
  },
  header: {
    labelFont: REPORT_FONT_FAMILY,
    titleFont: REPORT_FONT_FAMILY,
    labelFontSize: 10,
    titleFontSize: 11,
    labelLimit: 0,
    labelColor: text,
    titleColor: text,
  },
  text: { font: REPORT_FONT_FAMILY, fontSize: 10, color: text },
  mark: { color: chartPalette[0] },
  bar: { color: chartPalette[0] },
  line: { color: chartPalette[0], strokeWidth: 2 },
  point: { color: chartPalette[0], filled: true },
  rule: { color: line },
  range: {
    category: [...chartPalette],
    ordinal: { scheme: 'blues' },
    ramp: { scheme: 'blues' },
    heatmap: { scheme: 'blues' },
  },
};
