/**
 * The report's HTML: the view model and rendered charts through the report templates. The
 * standalone file inlines the font subset to the characters the page uses, so it stands alone
 * and the print page loads nothing; batch printing reuses a page whose fonts are already loaded
 * and swaps only the body (see src/batch/warm-printer.ts).
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

export interface ReportParts {
  title: string;
  /** The <main> element with every section. */
  body: string;
  css: string;
  meta: ReportView['meta'];
}

/** The document body and its metadata, without fonts. */
export function renderReportParts(view: ReportView, charts: readonly RenderedChartView[]): ReportParts {
  const templates = loadTemplates('report');
  const chartMap = Object.fromEntries(charts.map((c) => [c.id, c]));
  return { title: view.meta.title, body: templates.renderBody({ ...view, charts: chartMap }), css: templates.css, meta: view.meta };
}

/** The HTML shell around a body; `fontCss` is the @font-face CSS to inline (may be empty). */
export function renderReportShell(parts: Pick<ReportParts, 'body' | 'css' | 'meta'>, fontCss: string): string {
  return loadTemplates('report').renderLayout({ meta: parts.meta, css: parts.css, fontFaceCss: fontCss, body: parts.body });
}

/** The standalone HTML file: the body with the font subset to exactly the characters it shows. */
export function renderReportHtml(view: ReportView, charts: readonly RenderedChartView[]): string {
  const parts = renderReportParts(view, charts);
  const withoutFont = renderReportShell(parts, '');
  // markup is ASCII, which every subset holds; the rest is exactly the text the page shows
  return renderReportShell(parts, fontFaceCss(withoutFont));
}
