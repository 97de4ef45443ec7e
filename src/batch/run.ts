/**
 * Running a batch: one browser for the whole run, a warm page per worker, templates and fonts
 * prepared once. A failing municipality is recorded and the rest go on; a crashed or hung browser
 * is restarted and only the reports it was printing are retried; a report's files (PDF, HTML)
 * are staged and renamed together (src/output/set.ts), so a report is replaced whole or not at all;
 * an output that cannot be written (full disk, no permission) stops the batch (CannotWriteError);
 * a report whose inputs, templates and code did not change since the last run is skipped.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { onInterruptGracefully, type InterruptSignal } from '../common/interrupt.ts';
import { CannotWriteError, formatProblem, InputError, UserError } from '../errors/errors.ts';
import { batchMessages, batchRunMessages, outputMessages } from '../errors/messages.ts';
import { BrowserSession, type BrowserSessionOptions } from '../print/browser.ts';
import { removeOrphanedProfiles } from '../print/launch.ts';
import { ensureOutputDir, withOutputSet } from '../output/set.ts';
import { prepareReport, renderCharts, renderDocx } from '../pipeline/report.ts';
import { renderReportParts, renderReportShell } from '../render/report-html.ts';
import { loadTemplates, templateSources } from '../render/templates.ts';
import { batchCharacterSet, batchFontCss, extraFontCss, missingCharacters } from './batch-font.ts';
import { sha256, type BatchJob } from './jobs.ts';
import { createProgress } from './progress.ts';
import { emptyBatchSummary } from './summary.ts';
import { PrintStalledError, WarmPrinter } from './warm-printer.ts';
import { codeHash } from './code-hash.ts';
import { Journal, readManifest } from './manifest.ts';
import { printTimeLimit, PrintRate } from './time-limit.ts';

export interface BatchOptions {
  outDir: string;
  concurrency: number;
  force: boolean;
  strict: boolean;
  /**
   * A fixed print time limit per report (ms) before the browser is considered hung. Default: one
   * scaled by the document's size and the print speed seen so far (time-limit.ts).
   */
  printTimeoutMs?: number;
  /**
   * The fixed part of the scaled limit (ms; default STALL_ALLOWANCE_MS, 15 s): what a print may
   * take beyond its expected time times STALL_MARGIN. Ignored with printTimeoutMs.
   */
  stallAllowanceMs?: number;
  /** Attempts per report when the browser fails (crash, hang): a report is retried once by default. */
  attempts?: number;
  /**
   * After SIGINT/SIGTERM, how long the reports in progress may take to finish before they are
   * stopped (ms). Default 5 000. The batch then writes its manifest and summary and ends.
   */
  graceMs?: number;
  browser?: BrowserSessionOptions;
  /** Environment for SOURCE_DATE_EPOCH (default process.env). */
  env?: NodeJS.ProcessEnv;
  progress?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Told the browser's process id once it runs (benchmarks measure its memory). */
  onBrowser?: (pid: number | undefined) => void;
  /** Called after each report (benchmarks, tests). */
  onReport?: (event: ReportEvent) => void | Promise<void>;
  /** Include 参考資料1 (the full indicator definitions, the same in every report). Default false. */
  includeFramework?: boolean;
  /** Builds the shared font subset from these texts too (e.g. every name in the batch). */
  extraText?: string;
  /** Also write an editable Word file (.docx) per report. */
  docx?: boolean;
}

export interface StageTimes {
  loadMs: number;
  deriveMs: number;
  chartsMs: number;
  htmlMs: number;
  printMs: number;
  /** The Word file (chart PNGs and .docx), with --docx. */
  docxMs?: number;
  writeMs: number;
}

export interface ReportEvent {
  job: BatchJob;
  status: 'built' | 'failed' | 'unchanged';
  attempts: number;
  times?: StageTimes;
  error?: string;
}

export interface BatchSummary {
  format: 'kofukin-batch/1';
  total: number;
  built: number;
  unchanged: number;
  failed: number;
  /** Reports neither built nor failed because the batch was interrupted (0 otherwise). */
  notBuilt: number;
  /** The signal that interrupted the batch, or null. */
  interrupted: InterruptSignal | null;
  /** The exit code the interrupt asks for (130 SIGINT, 143 SIGTERM), or null. */
  interruptExitCode: number | null;
  browserRestarts: number;
  seconds: number;
  reportsPerSecond: number;
  failures: Array<{ key: string; code: string; name: string; source: string; error: string }>;
  warnings: Array<{ key: string; warning: string }>;
}

/** Errors of the browser (not of the report): worth a retry with a fresh page / browser. */
function isBrowserFailure(err: unknown): boolean {
  const msg = String((err as Error)?.message ?? err);
  return /Target closed|Session closed|Protocol error|browser has disconnected|Connection closed|timed out|TimeoutError|detached|crashed|browser session is closed|Navigating frame was detached|Page crashed/i.test(
    msg,
  );
}

function errorText(err: unknown): string {
  if (err instanceof PrintStalledError) return batchRunMessages.stalledGaveUp(Math.round(err.timeoutMs / 1000));
  if (err instanceof InputError) return err.problems.map(formatProblem).join('; ');
  if (err instanceof UserError) return err.message;
  return `internal error: ${(err as Error)?.message ?? String(err)}`;
}

export async function runBatch(jobs: readonly BatchJob[], opts: BatchOptions): Promise<BatchSummary> {
  // the out folder stays even when the batch fails: the manifest and summary go there
  const outDir = await ensureOutputDir(opts.outDir);
  const started = performance.now();
  const { manifest, resuming } = readManifest(outDir);
  delete manifest.unfinished;
  const journal = new Journal(outDir);
  // what else makes a report: the templates, the code, and whether it carries 参考資料1
  const versionHash = sha256(templateSources('report'), codeHash(), opts.includeFramework ? 'with-framework' : 'without-framework');
  const attempts = Math.max(1, opts.attempts ?? 2);
  const graceMs = opts.graceMs ?? 5_000;
  const summary: BatchSummary = emptyBatchSummary(jobs.length);
  const progress = opts.progress ? createProgress(jobs.length, opts.progress) : null;
  const tick = () => progress?.tick(summary.built, summary.failed, summary.unchanged);
  const notice = (text: string) => opts.progress?.write(`${opts.progress.isTTY ? '\r\u001b[K' : ''}kofukin batch: ${text}\n`);

  // what to build
  const todo: BatchJob[] = [];
  for (const job of jobs) {
    const hash = sha256(job.inputHash, versionHash);
    const done =
      !opts.force &&
      manifest.entries[job.key] === hash &&
      existsSync(join(outDir, `${job.key}.pdf`)) &&
      existsSync(join(outDir, `${job.key}.html`)) &&
      (!opts.docx || existsSync(join(outDir, `${job.key}.docx`)));
    if (done) {
      summary.unchanged++;
      await opts.onReport?.({ job, status: 'unchanged', attempts: 0 });
    } else todo.push(job);
  }
  if (resuming) notice(batchRunMessages.resumed(summary.unchanged, todo.length));
  else if (summary.unchanged > 0) notice(batchRunMessages.skipped(summary.unchanged, todo.length));
  tick();

  const fiscalYears = new Set<number>();
  // each worker keeps its page (WarmPrinter) and opens a new one only after a crash or every 100
  // reports: a spare page opened ahead would mostly sit unused, at the cost of a renderer process
  const session = new BrowserSession({ protocolTimeoutMs: 60_000, sparePages: 0, ...opts.browser, maxPages: Math.max(1, opts.concurrency) + 1 });
  let shellHtml: string | null = null;
  let charset: Set<string> | null = null;
  let sharedFontCss = '';
  const shellFor = (fiscalYear: number, css: string): string => {
    if (!shellHtml || !fiscalYears.has(fiscalYear)) {
      fiscalYears.add(fiscalYear);
      charset = batchCharacterSet(fiscalYear, opts.extraText ?? '');
      sharedFontCss = batchFontCss(charset);
      shellHtml = renderReportShell({ body: '', css, meta: { title: '', author: '', subject: '', keywords: [], date: '' } }, sharedFontCss);
    }
    return shellHtml;
  };

  let next = 0;
  let inFlight = 0;
  /** Set when an output cannot be written: every later report would fail the same way. */
  let stopped: CannotWriteError | null = null;
  const rate = new PrintRate();
  /** Browsers this batch gave up on (killed, or seen to die), so each is reported once. */
  const lostBrowsers = new WeakSet<Browser>();
  let relaunches = 0;
  const giveUpOn = async (browser: Browser | undefined, key: string, reason: string): Promise<void> => {
    if (!browser) return;
    const proc = browser.process();
    if (!proc) {
      // a connected browser (shared with other runs) is not ours to kill: retry on a fresh page
      if (!summary.interrupted) notice(batchRunMessages.retryingOnNewPage(key, reason));
      return;
    }
    if (!lostBrowsers.has(browser)) {
      lostBrowsers.add(browser);
      proc.kill('SIGKILL');
      if (!summary.interrupted) notice(batchRunMessages.relaunched(key, reason, ++relaunches));
    }
    // the session relaunches once it has seen the old browser go
    for (let i = 0; i < 100 && browser.connected; i++) await new Promise((r) => setTimeout(r, 50));
  };

  // SIGINT / SIGTERM: take no new report, let those in progress finish for graceMs, then stop them
  let abortTimer: NodeJS.Timeout | undefined;
  const unregisterInterrupt = onInterruptGracefully((signal, exitCode) => {
    summary.interrupted = signal;
    summary.interruptExitCode = exitCode;
    notice(batchRunMessages.stopping(signal, inFlight, Math.round(graceMs / 1000)));
    abortTimer = setTimeout(() => {
      if (inFlight === 0) return;
      notice(batchRunMessages.abortingInFlight(Math.round(graceMs / 1000)));
      session.launched?.browser.process()?.kill('SIGKILL');
      void session.close();
    }, graceMs);
  }, graceMs + 20_000);

  const worker = async () => {
    let printer: WarmPrinter | null = null;
    try {
      for (;;) {
        if (stopped || summary.interrupted) return;
        const job = todo[next++];
        if (!job) return;
        inFlight++;
        const times: StageTimes = { loadMs: 0, deriveMs: 0, chartsMs: 0, htmlMs: 0, printMs: 0, writeMs: 0 };
        let attempt = 0;
        try {
          let t = performance.now();
          const inputs = await job.load();
          times.loadMs = performance.now() - t;
          t = performance.now();
          const prepared = prepareReport(inputs, { includeFramework: opts.includeFramework ?? false });
          times.deriveMs = performance.now() - t;
          if (opts.strict && prepared.derived.warnings.length > 0) throw new InputError(prepared.derived.warnings);
          for (const w of prepared.derived.warnings) summary.warnings.push({ key: job.key, warning: formatProblem(w) });
          t = performance.now();
          const charts = await renderCharts(prepared.chartDefinitions);
          times.chartsMs = performance.now() - t;
          t = performance.now();
          const parts = renderReportParts(prepared.view, charts);
          const shell = shellFor(inputs.results.fiscalYear, parts.css);
          const extra = extraFontCss(missingCharacters(parts.body + parts.title, charset!));
          // the warm page gets extra faces with the body; the standalone file in its head,
          // after the shared subset (made once per run)
          const body = (extra ? `<style>${extra}</style>` : '') + parts.body;
          const standalone = renderReportShell(parts, sharedFontCss + extra);
          times.htmlMs = performance.now() - t;

          let pdf: Buffer | null = null;
          const bytes = Buffer.byteLength(body);
          for (attempt = 1; attempt <= attempts && !pdf; attempt++) {
            printer ??= new WarmPrinter(session, shell, { env: opts.env });
            const limit = opts.printTimeoutMs ?? printTimeLimit(rate, bytes, opts.stallAllowanceMs);
            const expectedMs = rate.expectedMs(bytes);
            // (re)launching has its own time limit: the print's starts once the browser runs
            const browser = (await session.start()).browser;
            t = performance.now();
            try {
              const printed = await printer.print(
                body,
                {
                  title: parts.meta.title,
                  author: parts.meta.author,
                  subject: parts.meta.subject,
                  keywords: parts.meta.keywords,
                  language: 'ja',
                  date: new Date(`${parts.meta.date}T00:00:00+09:00`),
                  documentNumber: prepared.view.titleBlock.documentNumber ?? undefined,
                },
                limit,
              );
              pdf = printed.pdf;
              // the print's own time (swap, pdf, metadata), which is what its limit applies to: not
              // the opening of a fresh page and the loading of its shell and fonts (limited apart)
              rate.record(bytes, printed.timings.swapMs + printed.timings.pdfMs + printed.timings.metadataMs);
              if (printed.blockedRequests.length > 0)
                summary.warnings.push({ key: job.key, warning: `refused ${printed.blockedRequests.length} outside request(s)` });
            } catch (err) {
              if (summary.interrupted || !(err instanceof PrintStalledError || isBrowserFailure(err)) || attempt === attempts) throw err;
              const dropped = printer;
              printer = null;
              if (err instanceof PrintStalledError)
                // a stalled browser is killed; the session relaunches it for the next attempt
                await giveUpOn(
                  browser ?? session.launched?.browser,
                  job.key,
                  batchRunMessages.printStalled(Math.round(err.timeoutMs / 1000), Math.max(1, Math.round(expectedMs / 1000)), Math.round(bytes / 1024)),
                );
              else if (browser && !browser.connected) await giveUpOn(browser, job.key, String((err as Error)?.message ?? err).split('\n')[0]!);
              void dropped.close().catch(() => undefined);
            }
            times.printMs += performance.now() - t;
          }
          attempt--;
          t = performance.now();
          const docx = opts.docx ? await renderDocx(prepared.view, charts) : null;
          times.docxMs = performance.now() - t;
          t = performance.now();
          await withOutputSet(async (out) => {
            await out.write(join(outDir, `${job.key}.html`), standalone);
            await out.write(join(outDir, `${job.key}.pdf`), pdf!);
            if (docx) await out.write(join(outDir, `${job.key}.docx`), docx);
          });
          times.writeMs = performance.now() - t;
          const hash = sha256(job.inputHash, versionHash);
          manifest.entries[job.key] = hash;
          journal.record(job.key, hash);
          summary.built++;
          await opts.onReport?.({ job, status: 'built', attempts: attempt, times });
        } catch (err) {
          if (summary.interrupted && !(err instanceof UserError)) {
            // stopped by the interrupt: not a failure of the report; the next run builds it
          } else {
            const hadEntry = job.key in manifest.entries;
            delete manifest.entries[job.key];
            summary.failed++;
            const error = errorText(err);
            summary.failures.push({ key: job.key, code: job.code, name: job.name, source: job.source, error });
            await opts.onReport?.({ job, status: 'failed', attempts: Math.max(1, attempt), error });
            if (err instanceof CannotWriteError) stopped ??= err;
            else if (hadEntry) journal.record(job.key, null);
          }
        } finally {
          inFlight--;
        }
        tick();
      }
    } finally {
      await printer?.close();
    }
  };

  try {
    loadTemplates('report');
    // what a batch killed outright left behind: its browser profile
    if (todo.length > 0) await removeOrphanedProfiles();
    if (opts.onBrowser && todo.length > 0) opts.onBrowser((await session.start()).browser.process()?.pid);
    await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, todo.length || 1)) }, worker));
  } finally {
    clearTimeout(abortTimer);
    summary.browserRestarts = session.restarts;
    await session.close();
    if (summary.interrupted) manifest.unfinished = true;
    try {
      await journal.compact(outDir, manifest);
    } catch (err) {
      if (!(err instanceof CannotWriteError)) throw err;
      stopped ??= err;
    } finally {
      unregisterInterrupt();
      progress?.finish();
    }
  }
  if (stopped)
    throw new CannotWriteError(stopped.path, stopped.code, batchMessages.stopped(stopped.message, outputMessages.batchStopped(summary.built + summary.failed, todo.length)));
  summary.notBuilt = todo.length - summary.built - summary.failed;
  summary.seconds = (performance.now() - started) / 1000;
  summary.reportsPerSecond = summary.seconds > 0 ? summary.built / summary.seconds : 0;
  summary.failures.sort((a, b) => (a.key < b.key ? -1 : 1));
  return summary;
}
