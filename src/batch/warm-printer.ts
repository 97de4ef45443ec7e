/**
 * Printing many reports without paying for page and font loading each time: a worker keeps one
 * page whose shell (CSS, fonts, page rules) is loaded once, swaps the report body in, and prints.
 * The request guard stays on for the page's whole life. If the page or the browser dies, the
 * next print opens a new page and loads the shell again.
 */
import type { Page } from 'puppeteer-core';
import type { BrowserSession } from '../print/browser.ts';
import { guardRequests, type RequestGuard } from '../print/guard.ts';
import { applyPdfMetadata, type PdfMeta } from '../print/metadata.ts';
import { PAGE_MARKS_STYLE_ID, PDF_OPTIONS, documentNumberCss, withPageCss } from '../print/pdf.ts';

export interface WarmPrintResult {
  pdf: Buffer;
  blockedRequests: string[];
  /** Swapping the body in and waiting for fonts / printing / the metadata pass. */
  timings: { swapMs: number; pdfMs: number; metadataMs: number };
}

export class WarmPrinter {
  readonly #session: BrowserSession;
  readonly #shellHtml: string;
  readonly #timeoutMs: number;
  readonly #recycleAfter: number;
  readonly #env: NodeJS.ProcessEnv | undefined;
  #page: Page | undefined;
  #guard: RequestGuard | undefined;
  #printsOnPage = 0;

  /**
   * @param shellHtml a complete HTML document with an empty body: the CSS and @font-face rules
   *   every report shares (page rules are added when missing).
   */
  constructor(session: BrowserSession, shellHtml: string, opts: { timeoutMs?: number; recycleAfter?: number; env?: NodeJS.ProcessEnv } = {}) {
    this.#session = session;
    this.#shellHtml = withPageCss(shellHtml, true);
    this.#timeoutMs = opts.timeoutMs ?? 60_000;
    // a renderer that has laid out hundreds of reports holds on to memory: start a fresh page now and then
    this.#recycleAfter = opts.recycleAfter ?? 100;
    this.#env = opts.env;
  }

  async #ready(): Promise<Page> {
    if (this.#printsOnPage >= this.#recycleAfter) await this.#drop();
    if (this.#page && !this.#page.isClosed() && this.#page.browser().connected) return this.#page;
    await this.#drop();
    const page = await this.#session.acquire();
    try {
      this.#guard = await guardRequests(page);
      await page.setContent(this.#shellHtml, { waitUntil: 'load', timeout: this.#timeoutMs });
      await page.evaluate(async () => {
        await document.fonts.ready;
        // load every declared face now, so no report waits for a font
        await Promise.all([...document.fonts].map((f) => f.load().catch(() => undefined)));
      });
      this.#page = page;
      this.#printsOnPage = 0;
      return page;
    } catch (err) {
      await this.#session.release(page);
      throw err;
    }
  }

  async #drop(): Promise<void> {
    const page = this.#page;
    this.#page = undefined;
    this.#guard = undefined;
    if (page) await this.#session.release(page).catch(() => undefined);
  }

  /**
   * Prints one report body (the HTML inside <body>) with its title. `timeoutMs` (default the
   * printer's) limits the print; getting a fresh page ready (opening it, loading the shell and its
   * fonts) has a limit of its own, `readyTimeoutMs` (default 30 s or `timeoutMs` if longer). A
   * browser that stops answering (hung, or stopped with SIGSTOP) is noticed then, with a
   * PrintStalledError.
   */
  async print(bodyHtml: string, meta: PdfMeta, timeoutMs = this.#timeoutMs, readyTimeoutMs = Math.max(30_000, timeoutMs)): Promise<WarmPrintResult> {
    try {
      const page = await stallLimit(this.#ready(), readyTimeoutMs);
      return await stallLimit(this.#print(page, bodyHtml, meta), timeoutMs);
    } catch (err) {
      // not awaited: closing a page of a stopped browser waits until the caller kills it
      if (err instanceof PrintStalledError) void this.#drop();
      throw err;
    }
  }

  async #print(page: Page, bodyHtml: string, meta: PdfMeta): Promise<WarmPrintResult> {
    const guard = this.#guard!;
    const blockedBefore = guard.blocked.length;
    this.#printsOnPage++;
    try {
      let t = performance.now();
      await withTimeout(
        page.evaluate(
          async (body, title, marksId, marksCss) => {
            document.title = title;
            document.body.innerHTML = body;
            const marks = document.getElementById(marksId);
            if (marks) marks.textContent = marksCss;
            await document.fonts.ready;
          },
          bodyHtml,
          meta.title,
          PAGE_MARKS_STYLE_ID,
          documentNumberCss(meta.documentNumber),
        ),
        this.#timeoutMs,
        'swapping the report into the page',
      );
      const swapMs = performance.now() - t;
      t = performance.now();
      const raw = await page.pdf({ ...PDF_OPTIONS, timeout: this.#timeoutMs });
      const pdfMs = performance.now() - t;
      t = performance.now();
      const pdf = await applyPdfMetadata(raw, meta, this.#env);
      const metadataMs = performance.now() - t;
      return { pdf, blockedRequests: guard.blocked.slice(blockedBefore), timings: { swapMs, pdfMs, metadataMs } };
    } catch (err) {
      // a page in an unknown state is never reused
      await this.#drop();
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.#drop();
  }
}

/** The browser gave no answer within a print's time limit. */
export class PrintStalledError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`timed out after ${timeoutMs} ms: the browser stopped answering while printing`);
  }
}

/** `promise`, or a PrintStalledError when it has not settled within `ms`. */
function stallLimit<T>(promise: Promise<T>, ms: number): Promise<T> {
  promise.catch(() => undefined); // after a stall, its own failure (the browser is killed) is of no interest
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PrintStalledError(ms)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms ${what}`)), ms);
    }),
  ]);
}
