/**
 * The Word stage of the report pipeline: the rendered chart SVGs become PNG images, and the
 * view model and images become the .docx bytes. Imported lazily by the commands that ask for
 * --docx (it loads the docx package and resvg).
 */
import type { RenderedChartView } from '../render/report-html.ts';
import type { ReportView } from '../view/report-view.ts';
import { chartImage } from './chart-png.ts';
import { renderReportDocx, type DocxOptions } from './document.ts';

export async function reportDocx(view: ReportView, charts: readonly RenderedChartView[], opts: DocxOptions = {}): Promise<Uint8Array> {
  return renderReportDocx(view, charts.map(chartImage), opts);
}
