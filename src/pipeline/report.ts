/**
 * The municipality report, stage by stage: validated inputs → derived figures → view model →
 * chart specs → rendered charts → HTML → PDF. Each stage is one call; `buildReport` reads as the
 * list of them. Only the last stage touches the browser, and writing happens in the caller.
 */
import type { ReportInputs } from '../load/report-inputs.ts';
import type { DerivedReport } from '../derive/report.ts';
import { deriveFromInputs } from './derive-inputs.ts';
import { buildReportView, type ReportView } from '../view/report-view.ts';
import { buildReportCharts, type ChartDefinition } from '../charts/report-charts.ts';
import { renderChartSvg } from '../charts/render.ts';
import { renderReportHtml, type RenderedChartView } from '../render/report-html.ts';
import type { BrowserSession } from '../print/browser.ts';
import { printPdf, type PdfMeta, type PrintedPdf } from '../print/pdf.ts';


export interface PreparedReport {
  derived: DerivedReport;
  view: ReportView;
  chartDefinitions: ChartDefinition[];
}

export interface StageTimings {
  deriveMs: number;
  chartsMs: number;
  htmlMs: number;
  printMs: number;
}

export interface BuiltReport extends PreparedReport {
  /** The rendered charts (SVG), for writers besides the HTML (the Word file). */
  charts: RenderedChartView[];
  html: string;
  pdf: Buffer;
  blockedRequests: string[];
  timings: StageTimings;
}

/** Derive + view model + chart specs: pure. */
export function prepareReport(inputs: ReportInputs, options: { includeFramework?: boolean } = {}): PreparedReport {
  const derived = deriveFromInputs(inputs);
  const view = buildReportView({
    derived,
    catalog: inputs.catalog,
    narrative: inputs.narrative?.data ?? null,
    includeFramework: options.includeFramework ?? true,
  });
  return { derived, view, chartDefinitions: buildReportCharts(derived) };
}

export async function renderCharts(definitions: readonly ChartDefinition[]): Promise<RenderedChartView[]> {
  const out: RenderedChartView[] = [];
  for (const def of definitions)
    out.push({ id: def.id, caption: def.caption, svg: await renderChartSvg(def.spec, { description: def.description, idPrefix: `chart-${def.id}` }) });
  return out;
}

export interface PrintReportOptions {
  /** Environment for SOURCE_DATE_EPOCH (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Called as each stage of `buildReport` starts (progress lines of `kofukin build`). */
  onStage?: (stage: 'derive' | 'print') => void;
  /** A launch started ahead (BrowserSession.start()): awaited before printing, so its error is the one reported. */
  browserReady?: Promise<unknown>;
}

export async function printReport(session: BrowserSession, view: ReportView, html: string, opts: PrintReportOptions = {}): Promise<PrintedPdf> {
  const pdfMeta: PdfMeta = {
    title: view.meta.title,
    author: view.meta.author,
    subject: view.meta.subject,
    keywords: view.meta.keywords,
    language: 'ja',
    date: new Date(`${view.meta.date}T00:00:00+09:00`),
    documentNumber: view.titleBlock.documentNumber ?? undefined,
  };
  return session.withPage((page) => printPdf(page, html, pdfMeta, { env: opts.env, documentNumber: view.titleBlock.documentNumber }));
}

export async function buildReport(inputs: ReportInputs, session: BrowserSession, opts: PrintReportOptions = {}): Promise<BuiltReport> {
  opts.onStage?.('derive');
  let t = performance.now();
  const prepared = prepareReport(inputs);
  const deriveMs = performance.now() - t;

  t = performance.now();
  const charts = await renderCharts(prepared.chartDefinitions);
  const chartsMs = performance.now() - t;

  t = performance.now();
  const html = renderReportHtml(prepared.view, charts);
  const htmlMs = performance.now() - t;

  opts.onStage?.('print');
  t = performance.now();
  await opts.browserReady;
  const printed = await printReport(session, prepared.view, html, opts);
  const printMs = performance.now() - t;

  return { ...prepared, charts, html, pdf: printed.pdf, blockedRequests: printed.blockedRequests, timings: { deriveMs, chartsMs, htmlMs, printMs } };
}

/** The editable Word version (.docx) from the same view model and charts; loads the docx stage lazily. */
export async function renderDocx(view: ReportView, charts: readonly RenderedChartView[]): Promise<Uint8Array> {
  const { reportDocx } = await import('../docx/report-docx.ts');
  return reportDocx(view, charts);
}

/** Output file base name of a municipality's report: kofukin-<fiscal year>-<code>. */
export function reportBaseName(inputs: Pick<ReportInputs, 'results'>): string {
  return `kofukin-${inputs.results.fiscalYear}-${inputs.results.municipality.code}`;
}
