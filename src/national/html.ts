/**
 * The national summary as HTML: the view model and rendered charts through templates/national,
 * with the report font subset to the characters the page shows inlined as @font-face, so the
 * file stands alone and the print page loads nothing.
 */
import { fontFaceCss } from '../fonts/font.ts';
import { loadTemplates } from '../render/templates.ts';
import type { NationalView } from './view.ts';

export interface RenderedNationalChart {
  id: string;
  heading: string;
  caption: string;
  /** SVG markup from src/charts/render.ts (trusted). */
  svg: string;
}

export function renderNationalHtml(view: NationalView, charts: readonly RenderedNationalChart[]): string {
  const t = loadTemplates('national');
  const body = t.renderBody({ ...view, renderedCharts: charts });
  const shell = (fontCss: string) => t.renderLayout({ meta: view.meta, css: t.css, fontFaceCss: fontCss, body });
  // markup is ASCII, which every subset holds; the rest is exactly the text the page shows
  return shell(fontFaceCss(shell('')));
}
