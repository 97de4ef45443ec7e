/**
 * The report's HTML: the view model and rendered charts through the report templates, with the
 * font subset to the characters the page uses inlined, so the file stands alone and the print
 * page loads nothing.
 */
import { fontFaceCss } from '../fonts/font.ts';
import type { ReportView } from '../view/report-view.ts';
import { loadTemplates } from './templates.ts';

export interface RenderedChartView {
  id: string;
  caption: string;
  /** SVG markup produced by our chart renderer (trusted). */
  svg: string;
}

/** Every text the page shows, to subset the font: the view model's strings and the charts' SVG. */
function collectText(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) collectText(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) collectText(v, out);
}

export function renderReportHtml(view: ReportView, charts: readonly RenderedChartView[]): string {
  const templates = loadTemplates('report');
  const chartMap = Object.fromEntries(charts.map((c) => [c.id, c]));
  const texts: string[] = [];
  collectText(view, texts);
  collectText(charts, texts);
  // static words of the templates are part of the page too
  texts.push(templates.css);
  const withoutFont = templates.render({ ...view, charts: chartMap, css: templates.css, fontFaceCss: '' });
  texts.push(withoutFont);
  const fontCss = fontFaceCss(texts.join(''));
  return templates.render({ ...view, charts: chartMap, css: templates.css, fontFaceCss: fontCss });
}
