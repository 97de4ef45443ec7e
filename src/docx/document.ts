/**
 * The report as an editable Word file (.docx), from the same view model as the HTML and PDF:
 * view model + chart images → docx Document → bytes. Pure apart from reading the bundled font;
 * the caller writes the file. The same input gives the same bytes.
 */
import { readFileSync } from 'node:fs';
import { CharacterSet, Document, Footer, Packer, PageNumber, PageOrientation, Paragraph, TextRun, convertMillimetersToTwip } from 'docx';
import { fixZipDates } from '../common/zip.ts';
import { fontPath } from '../fonts/font.ts';
import { documentDate } from '../print/metadata.ts';
import type { ReportView } from '../view/report-view.ts';
import type { ChartImage } from './chart-png.ts';
import { corePropertiesXml, withSeededRandom } from './properties.ts';
import { reportBody } from './sections.ts';
import { FONT, PAGE, STYLE, documentStyles } from './styles.ts';

export interface DocxOptions {
  /** Embed the bundled BIZ UDPGothic (regular) so Word shows it where it is not installed. Default true. */
  embedFont?: boolean;
  /** Environment for SOURCE_DATE_EPOCH (default process.env). */
  env?: NodeJS.ProcessEnv;
}

const TWIPS_PER_MM = 1440 / 25.4;

let fontBytes: Buffer | null = null;

function pageFooter(): Footer {
  return new Footer({
    children: [new Paragraph({ style: STYLE.footer, children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'] })] })],
  });
}

export function reportDocument(view: ReportView, charts: readonly ChartImage[], opts: DocxOptions = {}): Document {
  const embed = opts.embedFont ?? true;
  if (embed) fontBytes ??= readFileSync(fontPath(400));
  return withSeededRandom(`${view.meta.title}\n${view.meta.date}`, () =>
    new Document({
      title: view.meta.title,
      subject: view.meta.subject,
      creator: view.meta.author,
      keywords: view.meta.keywords.join(', '),
      lastModifiedBy: view.meta.author,
      styles: documentStyles(),
      ...(embed ? { fonts: [{ name: FONT, data: fontBytes!, characterSet: CharacterSet.JIS }] } : {}),
      sections: [
        {
          properties: {
            page: {
              // rounded, not floored: Word's own A4 is 11906 × 16838 twips
              size: { width: Math.round(PAGE.widthMm * TWIPS_PER_MM), height: Math.round(PAGE.heightMm * TWIPS_PER_MM), orientation: PageOrientation.PORTRAIT },
              margin: {
                top: convertMillimetersToTwip(PAGE.margin.top),
                bottom: convertMillimetersToTwip(PAGE.margin.bottom),
                left: convertMillimetersToTwip(PAGE.margin.left),
                right: convertMillimetersToTwip(PAGE.margin.right),
                header: convertMillimetersToTwip(8),
                footer: convertMillimetersToTwip(8),
              },
            },
          },
          footers: { default: pageFooter() },
          children: reportBody(view, charts),
        },
      ],
    }),
  );
}

/** The .docx bytes: document properties from the view model, ZIP entries dated the document date. */
export async function renderReportDocx(view: ReportView, charts: readonly ChartImage[], opts: DocxOptions = {}): Promise<Uint8Array> {
  const date = documentDate(new Date(`${view.meta.date}T00:00:00+09:00`), opts.env);
  const doc = reportDocument(view, charts, opts);
  const bytes = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: corePropertiesXml(view.meta, date) }]);
  return fixZipDates(new Uint8Array(bytes), date);
}
