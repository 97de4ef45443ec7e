/**
 * The browser the report is printed with: one browser per session, handing out a few pages,
 * relaunched if it crashes. Launching itself (what is tried, in which order) is in launch.ts.
 *
 * Pages are never reused: a released page is closed and the next one is a fresh tab (opened
 * ahead of time), so no state (request handlers, scripts, memory) carries from one print to
 * the next.
 */
import type { Page } from 'puppeteer-core';
import { launchBrowser } from './launch.ts';
import type { LaunchedBrowser, LaunchOptions } from './launch.ts';

export {
  BROWSER_COMMANDS,
  BROWSER_ENV,
  BROWSER_WS_ENV,
  INSTALLED_BROWSER_PATHS,
  LAUNCH_ARGS,
  findInstalledBrowsers,
  launchBrowser,
  sparticuzArgs,
} from './launch.ts';
export type { BrowserSource, LaunchAttempt, LaunchedBrowser, LaunchOptions, SparticuzChromium } from './launch.ts';

export interface BrowserSessionOptions extends LaunchOptions {
  /** Pages in use at once; further acquire() calls wait. Default 2. */
  maxPages?: number;
  /**
   * Fresh pages kept open ahead of use. Default 1. Never more than the pages that could still be
   * taken: with maxPages 1, the one page is opened as soon as the browser runs and no spare is
   * opened while it is in use (a page costs a renderer process: about 0.35 s and as much CPU again
   * on the 2-core machine, which a one-report build would spend on a page it never uses).
   */
  sparePages?: number;
}

interface Waiter {
  resolve: () => void;
  reject: (err: Error) => void;
}

/**
 * Owns one browser (launched on first use) and a small pool of pages.
 *
 *   const session = new BrowserSession();
 *   const pdf = await session.withPage((page) => printPdf(page, html, meta));
 *   await session.close();
 */
export class BrowserSession {
  readonly #opts: BrowserSessionOptions;
  readonly #maxPages: number;
  #current: LaunchedBrowser | undefined;
  #launching: Promise<LaunchedBrowser> | undefined;
  readonly #maxSpares: number;
  #spares: Page[] = [];
  #refilling = false;
  /** The spare pages being opened, while they are. */
  #refillDone: Promise<void> | undefined;
  readonly #inUse = new Set<Page>();
  #busy = 0;
  #waiters: Waiter[] = [];
  #crashed = false;
  #restarts = 0;
  #closing: Promise<void> | undefined;

  constructor(opts: BrowserSessionOptions = {}) {
    this.#opts = opts;
    this.#maxPages = Math.max(1, opts.maxPages ?? 2);
    this.#maxSpares = Math.max(0, opts.sparePages ?? 1);
  }

  /** Times the browser was relaunched after it disconnected unexpectedly. */
  get restarts(): number {
    return this.#restarts;
  }

  /** Spare pages open, or being opened, ahead of use. */
  get spareCount(): number {
    return this.#spares.length + (this.#refilling ? 1 : 0);
  }

  /** The running browser, if any (source, path, attempts, launch time). */
  get launched(): LaunchedBrowser | undefined {
    return this.#current;
  }

  get closed(): boolean {
    return this.#closing !== undefined;
  }

  /** Launches the browser now (otherwise the first acquire() does). */
  async start(): Promise<LaunchedBrowser> {
    return this.#ensure();
  }

  #ensure(): Promise<LaunchedBrowser> {
    if (this.#closing) return Promise.reject(new Error('the browser session is closed'));
    if (this.#current?.browser.connected) return Promise.resolve(this.#current);
    this.#launching ??= launchBrowser(this.#opts).then(
      async (l) => {
        this.#launching = undefined;
        if (this.#closing) {
          await l.close();
          throw new Error('the browser session is closed');
        }
        if (this.#crashed) {
          this.#crashed = false;
          this.#restarts++;
        }
        this.#current = l;
        l.browser.once('disconnected', () => this.#onDisconnected(l));
        void this.#refill();
        return l;
      },
      (err: unknown) => {
        this.#launching = undefined;
        throw err;
      },
    );
    return this.#launching;
  }

  #onDisconnected(l: LaunchedBrowser): void {
    if (this.#current !== l) return;
    this.#current = undefined;
    this.#spares = [];
    if (!this.#closing) this.#crashed = true;
    void l.close(); // reap the process and remove its profile
  }

  /** A page for exclusive use until release(); waits while maxPages pages are out. */
  async acquire(): Promise<Page> {
    if (this.#closing) throw new Error('the browser session is closed');
    if (this.#busy >= this.#maxPages) {
      // a releasing caller hands its slot over: #busy stays counted
      await new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    } else {
      this.#busy++;
    }
    try {
      const l = await this.#ensure();
      // a spare being opened is taken rather than a second page opened beside it
      if (this.#spares.length === 0 && this.#refilling) await this.#refillDone;
      let page: Page | undefined;
      while ((page = this.#spares.shift())) {
        if (!page.isClosed() && page.browser() === l.browser) break;
      }
      page ??= await l.browser.newPage();
      this.#inUse.add(page);
      void this.#refill();
      return page;
    } catch (err) {
      this.#freeSlot();
      throw err;
    }
  }

  /** Opens fresh pages ahead of use, up to sparePages. Failures only mean no spare. */
  #refill(): Promise<void> {
    if (this.#refilling) return this.#refillDone!;
    this.#refillDone = this.#openSpares();
    return this.#refillDone;
  }

  async #openSpares(): Promise<void> {
    this.#refilling = true;
    try {
      while (this.#spares.length < this.#maxSpares && this.#busy + this.#spares.length < this.#maxPages && !this.#closing) {
        const l = this.#current;
        if (!l?.browser.connected) return;
        const page = await l.browser.newPage();
        if (this.#closing || this.#current !== l) {
          await page.close().catch(() => undefined);
          return;
        }
        this.#spares.push(page);
      }
    } catch {
      // the browser went away meanwhile: acquire() opens a page itself
    } finally {
      this.#refilling = false;
    }
  }

  /** Gives a page back; it is closed (pages are never reused). */
  async release(page: Page): Promise<void> {
    if (!this.#inUse.delete(page)) return;
    try {
      if (!page.isClosed()) await page.close().catch(() => undefined);
    } finally {
      this.#freeSlot();
    }
  }

  /** Runs `fn` with a page from the pool and gives it back afterwards. */
  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    const page = await this.acquire();
    try {
      return await fn(page);
    } finally {
      await this.release(page);
    }
  }

  #freeSlot(): void {
    const next = this.#waiters.shift();
    if (next) next.resolve();
    else this.#busy--;
  }

  /**
   * Closes the browser and removes its profile (a connected browser: closes this session's pages
   * and disconnects). Later calls return the same promise.
   */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      const err = new Error('the browser session is closed');
      for (const w of this.#waiters.splice(0)) w.reject(err);
      const l = this.#current ?? (await this.#launching?.catch(() => undefined));
      this.#current = undefined;
      const pages = [...this.#spares.splice(0), ...this.#inUse];
      // a shared browser keeps running: leave no tab of ours behind in it
      if (l?.source === 'connected') await Promise.all(pages.map((p) => p.close().catch(() => undefined)));
      await l?.close();
    })();
    return this.#closing;
  }
}
