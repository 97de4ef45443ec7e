/**
 * The cover page of an agenda packet: the packet title, the date in 令和 form and the list of
 * documents (資料N, title, pages in the packet). Printed from HTML with the report's print path
 * (printPdf), so it is tagged and its Japanese text is in the embedded report font.
 */
import type { BrowserSession } from '../print/browser.ts';
import { printPdf } from '../print/pdf.ts';
import { fontFaceCss, REPORT_FONT_FAMILY } from '../fonts/font.ts';

export interface CoverEntry {
  /** "資料1". */
  label: string;
  title: string;
  /** "3～24". */
  range: string;
}

export interface CoverContent {
  title: string;
  /** "令和6年12月10日". */
  date: string;
  entries: CoverEntry[];
}

export const COVER_LIST_HEADING = '資料一覧';

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The cover as a self-contained HTML page (fonts inlined). It brings its own @page rule (A4,
 * margins, no margin boxes), so printPdf adds no "- n -" page number: the cover is unnumbered,
 * and a list long enough to need a second page gets the same margins there.
 */
export function coverHtml(c: CoverContent): string {
  const rows = c.entries
    .map(
      (e) =>
        `<tr><th scope="row" class="no">${escapeHtml(e.label)}</th><td class="name">${escapeHtml(e.title)}</td>` +
        `<td class="pages">${escapeHtml(e.range)}</td></tr>`,
    )
    .join('\n');
  const body =
    `<main class="cover">\n` +
    `<p class="date">${escapeHtml(c.date)}</p>\n` +
    `<h1>${escapeHtml(c.title)}</h1>\n` +
    `<section aria-labelledby="list">\n<h2 id="list">${COVER_LIST_HEADING}</h2>\n` +
    `<table>\n<thead><tr><th scope="col" class="no">資料番号</th><th scope="col">資料名</th><th scope="col" class="pages">ページ</th></tr></thead>\n` +
    `<tbody>\n${rows}\n</tbody>\n</table>\n</section>\n</main>`;
  const css = `${fontFaceCss(body)}
@page { size: A4 portrait; margin: 24mm 22mm 18mm; }
html, body { margin: 0; padding: 0; }
body { font-family: "${REPORT_FONT_FAMILY}", sans-serif; color: #1a1a1a; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.cover { margin: 0; padding: 0; }
.date { text-align: right; font-size: 11pt; margin: 0 0 34mm; }
h1 { font-size: 20pt; font-weight: 700; line-height: 1.5; text-align: center; margin: 0 0 26mm; }
h2 { font-size: 13pt; font-weight: 700; margin: 0 0 4mm; padding-left: 3mm; border-left: 1.6mm solid #34495e; }
table { width: 100%; border-collapse: collapse; font-size: 11pt; line-height: 1.5; }
th, td { text-align: left; vertical-align: top; padding: 2.6mm 2.5mm; border-bottom: 0.3mm solid #8a8a8a; }
thead th { font-weight: 700; background: #e8edf2; border-top: 0.5mm solid #34495e; border-bottom: 0.5mm solid #34495e; }
.no { width: 20mm; white-space: nowrap; font-weight: 700; }
.pages { width: 26mm; white-space: nowrap; text-align: right; }
tbody tr { break-inside: avoid; }
`;
  return (
    `<!DOCTYPE html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(c.title)}</title>\n` +
    `<style>\n${css}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`
  );
}

export interface PrintCoverOptions {
  /** Metadata date of the cover file (only its bytes matter; the packet gets its own metadata). */
  date: Date;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** Prints the cover; the result is a tagged PDF with the report font embedded. */
export async function printCover(session: BrowserSession, content: CoverContent, opts: PrintCoverOptions): Promise<Buffer> {
  const html = coverHtml(content);
  const printed = await session.withPage((page) =>
    printPdf(page, html, { title: content.title, author: '', date: opts.date }, { env: opts.env, timeoutMs: opts.timeoutMs, pageNumbers: false }),
  );
  if (printed.blockedRequests.length > 0) throw new Error(`internal: the cover page asked for ${printed.blockedRequests.join(', ')}`);
  return printed.pdf;
}
