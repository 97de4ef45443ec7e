/**
 * HTML → PDF on a puppeteer page: nothing loaded from the network, fonts loaded before
 * printing, A4 with a centred "- n -" page number, tagged with an outline, then deterministic
 * metadata (see metadata.ts).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page, PDFOptions } from 'puppeteer-core';
import { guardRequests } from './guard.ts';
import { applyPdfMetadata } from './metadata.ts';
import type { PdfMeta } from './metadata.ts';

export type { PdfMeta } from './metadata.ts';

export const PAGE_MARGIN = { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } as const;

/**
 * Page size, margins and the centred "- n -" page number, as CSS page rules injected into every
 * printed page. Chromium draws @page margin boxes with the page's own web fonts, so the number is
 * in the embedded report font; a header/footer template could only use system fonts.
 */
export const PAGE_CSS =
  `@page { size: A4 portrait; margin: ${PAGE_MARGIN.top} ${PAGE_MARGIN.right} ${PAGE_MARGIN.bottom} ${PAGE_MARGIN.left};` +
  ` @bottom-center { content: "- " counter(page) " -"; font-family: "Report Gothic", sans-serif; font-size: 9pt; color: #333; } }`;

/** The same page without a number (e.g. a cover page). */
export const PAGE_CSS_UNNUMBERED =
  `@page { size: A4 portrait; margin: ${PAGE_MARGIN.top} ${PAGE_MARGIN.right} ${PAGE_MARGIN.bottom} ${PAGE_MARGIN.left}; }`;

export const PDF_OPTIONS: PDFOptions = {
  printBackground: true,
  tagged: true,
  outline: true,
  displayHeaderFooter: false,
  preferCSSPageSize: true,
};

/**
 * A CSS string literal holding `text`: every ASCII character but letters, digits and the space is
 * written as a hex escape, so data text can never end the string, the rule or the <style> element.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const plain = /[A-Za-z0-9 ]/.test(ch) || (c > 0x7f && c !== 0x2028 && c !== 0x2029);
    out += plain ? ch : `\\${c.toString(16)} `;
  }
  return out + '"';
}

/** Height of the page's top margin band, where the document number box is drawn (mm). */
export const DOCUMENT_NUMBER_BAND_MM = 18;

/**
 * The first page's 資料番号 box ("資料3"), drawn by Chromium in the top-right margin box like the
 * page numbers in the bottom one: it prints in the report font at the top right of the first page,
 * outside the text flow, so an agenda packet can take it out and put its own number in its
 * place (src/agenda/merge.ts). Empty when the document has no number.
 */
export function documentNumberCss(documentNumber: string | null | undefined): string {
  if (!documentNumber) return '';
  return (
    `@page :first { @top-right { content: ${cssString(documentNumber)}; width: max-content; box-sizing: border-box;` +
    ' height: 8mm; line-height: 7.5mm; margin: 3mm 0 7mm 0; padding: 0 4mm; border: 1.5px solid #1a1a1a;' +
    ' font-family: "Report Gothic", sans-serif; font-size: 12pt; font-weight: 700; color: #1a1a1a; white-space: nowrap; } }'
  );
}

/** Id of the <style> element holding the per-document page marks (see WarmPrinter). */
export const PAGE_MARKS_STYLE_ID = 'kofukin-page-marks';

/**
 * Adds the page rules (and the first page's document number, if any) to the HTML's head (or
 * front), unless it brings its own @page rules.
 */
export function withPageCss(html: string, pageNumbers = true, documentNumber?: string | null): string {
  if (/@page\b/.test(html)) return html;
  const tag = `<style>${pageNumbers ? PAGE_CSS : PAGE_CSS_UNNUMBERED}</style><style id="${PAGE_MARKS_STYLE_ID}">${documentNumberCss(documentNumber)}</style>`;
  return /<\/head>/i.test(html) ? html.replace(/<\/head>/i, `${tag}</head>`) : tag + html;
}

export interface PrintPdfOptions {
  /**
   * Directories whose files (file:// URLs) the page may load. When given, the HTML is loaded
   * from a temporary file:// page (an about:blank page may not load file:// URLs at all), so
   * use absolute file:// URLs or `baseDir`.
   */
  allowedDirs?: readonly string[];
  /** Relative URLs resolve against this directory (adds a <base>); it is allowed too. */
  baseDir?: string;
  /** Time limit for loading and for printing, each (ms). Default 60 000. */
  timeoutMs?: number;
  /** Environment for SOURCE_DATE_EPOCH (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Print "- n -" page numbers (default true); ignored when the HTML has its own @page rules. */
  pageNumbers?: boolean;
  /** The 資料番号 to box at the top right of the first page (see documentNumberCss). */
  documentNumber?: string | null;
}

export interface PrintTimings {
  /** Loading the HTML (setContent / goto) until the load event. */
  loadMs: number;
  /** Waiting for document.fonts.ready. */
  fontsMs: number;
  /** page.pdf(). */
  pdfMs: number;
  /** pdf-lib metadata pass. */
  metadataMs: number;
}

export interface PrintedPdf {
  pdf: Buffer;
  /** URLs the page requested and was refused (network, or files outside allowedDirs). */
  blockedRequests: string[];
  timings: PrintTimings;
}

function withBase(html: string, baseDir: string): string {
  if (/<base\s/i.test(html)) return html;
  const href = pathToFileURL(resolve(baseDir) + '/').href;
  const tag = `<base href="${href.replace(/"/g, '%22')}">`;
  return /<head(\s[^>]*)?>/i.test(html) ? html.replace(/<head(\s[^>]*)?>/i, (m) => m + tag) : tag + html;
}

async function loadFontsOrThrow(page: Page): Promise<void> {
  const faces = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].map((f) => ({ family: f.family, weight: f.weight, status: f.status }));
  });
  const failed = faces.filter((f) => f.status === 'error');
  if (failed.length > 0) {
    throw new Error(
      'the browser rejected web fonts: ' + failed.map((f) => `${f.family} ${f.weight}`).join(', '),
    );
  }
}

/**
 * Prints `html` to PDF on `page`. The page's request interception is on only during the call.
 * The same html and meta give the same bytes (see metadata.ts and structure.ts).
 */
export async function printPdf(page: Page, documentHtml: string, meta: PdfMeta, opts: PrintPdfOptions = {}): Promise<PrintedPdf> {
  const html = withPageCss(documentHtml, opts.pageNumbers ?? true, opts.documentNumber);
  const timeout = opts.timeoutMs ?? 60_000;
  const allowed = [...(opts.allowedDirs ?? []), ...(opts.baseDir ? [opts.baseDir] : [])];
  const useFile = allowed.length > 0;
  const tmp = useFile ? await mkdtemp(join(tmpdir(), 'kofukin-print-')) : undefined;
  const guard = await guardRequests(page, tmp ? [...allowed, tmp] : allowed);
  try {
    let t = performance.now();
    if (tmp) {
      const file = join(tmp, 'report.html');
      await writeFile(file, opts.baseDir ? withBase(html, opts.baseDir) : html);
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout });
    } else {
      await page.setContent(html, { waitUntil: 'load', timeout });
    }
    const loadMs = performance.now() - t;

    t = performance.now();
    await loadFontsOrThrow(page);
    const fontsMs = performance.now() - t;

    t = performance.now();
    const raw = await page.pdf({ ...PDF_OPTIONS, timeout });
    const pdfMs = performance.now() - t;

    t = performance.now();
    const pdf = await applyPdfMetadata(raw, meta, opts.env);
    const metadataMs = performance.now() - t;

    return { pdf, blockedRequests: [...guard.blocked], timings: { loadMs, fontsMs, pdfMs, metadataMs } };
  } finally {
    await guard.dispose();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }
}
