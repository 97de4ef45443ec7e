/**
 * The national summary document, stage by stage: derived figures → view model → chart specs →
 * SVG → HTML → PDF. Only the last stage touches the browser; writing files is the caller's.
 */
import { renderChartSvg } from '../charts/render.ts';
import type { BrowserSession } from '../print/browser.ts';
import { printPdf, type PdfMeta, type PrintedPdf } from '../print/pdf.ts';
import { nationalCharts } from './charts.ts';
import type { NationalDerived } from './derive.ts';
import { renderNationalHtml, type RenderedNationalChart } from './html.ts';
import { buildNationalView, type NationalView } from './view.ts';

export interface NationalDocument {
  view: NationalView;
  html: string;
  timings: { chartsMs: number; htmlMs: number };
}

/** View model, charts and the standalone HTML (no browser). `date`: ISO date of the document. */
export async function renderNationalDocument(d: NationalDerived, date: string): Promise<NationalDocument> {
  const view = buildNationalView(d, { date });
  let t = performance.now();
  const headings = new Map(view.charts.map((c) => [c.id, c.heading]));
  const charts: RenderedNationalChart[] = [];
  for (const def of nationalCharts(d))
    charts.push({
      id: def.id,
      heading: headings.get(def.id) ?? def.caption,
      caption: def.caption,
      svg: await renderChartSvg(def.spec, { description: def.description, idPrefix: `chart-${def.id}` }),
    });
  const chartsMs = performance.now() - t;
  t = performance.now();
  const html = renderNationalHtml(view, charts);
  return { view, html, timings: { chartsMs, htmlMs: performance.now() - t } };
}

/** Prints the document's HTML to a tagged PDF with its metadata. */
export async function printNationalDocument(
  session: BrowserSession,
  doc: NationalDocument,
  opts: { env?: NodeJS.ProcessEnv } = {},
): Promise<PrintedPdf> {
  const { meta } = doc.view;
  const pdfMeta: PdfMeta = {
    title: meta.title,
    author: meta.author,
    subject: meta.subject,
    keywords: meta.keywords,
    language: 'ja',
    date: new Date(`${meta.date}T00:00:00+09:00`),
  };
  return session.withPage((page) => printPdf(page, doc.html, pdfMeta, { env: opts.env }));
}
