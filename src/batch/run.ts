/**
 * Running a batch: one browser for the whole run, a warm page per worker, templates and fonts
 * prepared once. A failing municipality is recorded and the rest go on; a crashed or hung browser
 * is restarted and only the reports it was printing are retried; a report's files (PDF, HTML)
 * are staged and renamed together (src/output/set.ts), so a report is replaced whole or not at all;
 * an output that cannot be written (full disk, no permission) stops the batch (CannotWriteError);
 * a report whose inputs, templates and code did not change since the last run is skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CannotWriteError, formatProblem, InputError, UserError } from '../errors/errors.ts';
import { batchMessages, outputMessages } from '../errors/messages.ts';
import { BrowserSession, type BrowserSessionOptions } from '../print/browser.ts';
import { writeFileAtomic } from '../output/atomic.ts';
import { ensureOutputDir, withOutputSet } from '../output/set.ts';
import { prepareReport, renderCharts, renderDocx } from '../pipeline/report.ts';
import { renderReportParts, renderReportShell } from '../render/report-html.ts';
import { loadTemplates, templateSources } from '../render/templates.ts';
import { batchCharacterSet, batchFontCss, extraFontCss, missingCharacters } from './batch-font.ts';
import { sha256, type BatchJob } from './jobs.ts';
import { createProgress } from './progress.ts';
import { WarmPrinter } from './warm-printer.ts';
import { codeHash } from './code-hash.ts';

export interface BatchOptions {
  outDir: string;
  concurrency: number;
  force: boolean;
  strict: boolean;
  /** Print time limit per report before the browser is considered hung (ms). */
  printTimeoutMs?: number;
  /** Attempts per report when the browser fails (crash, hang). Default 3. */
  attempts?: number;
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
  browserRestarts: number;
  seconds: number;
  reportsPerSecond: number;
  failures: Array<{ key: string; code: string; name: string; source: string; error: string }>;
  warnings: Array<{ key: string; warning: string }>;
}

interface Manifest {
  format: 'kofukin-batch-manifest/1';
  entries: Record<string, string>;
}

const MANIFEST = '.kofukin-batch.json';

function readManifest(outDir: string): Manifest {
  const file = join(outDir, MANIFEST);
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    if (m.format === 'kofukin-batch-manifest/1' && m.entries && typeof m.entries === 'object') return m;
  } catch {
    // no manifest yet, or unreadable: rebuild everything
  }
  return { format: 'kofukin-batch-manifest/1', entries: {} };
}

/** Errors of the browser (not of the report): worth a retry with a fresh page / browser. */
function isBrowserFailure(err: unknown): boolean {
  const msg = String((err as Error)?.message ?? err);
  return /Target closed|Session closed|Protocol error|browser has disconnected|Connection closed|timed out|TimeoutError|detached|crashed|browser session is closed|Navigating frame was detached|Page crashed/i.test(
    msg,
  );
}

function errorText(err: unknown): string {
  if (err instanceof InputError) return err.problems.map(formatProblem).join('; ');
  if (err instanceof UserError) return err.message;
  return `internal error: ${(err as Error)?.message ?? String(err)}`;
}

export async function runBatch(jobs: readonly BatchJob[], opts: BatchOptions): Promise<BatchSummary> {
  // the out folder stays even when the batch fails: the manifest and summary go there
  const outDir = await ensureOutputDir(opts.outDir);
  const started = performance.now();
  const manifest = readManifest(outDir);
  // what else makes a report: the templates, the code, and whether it carries 参考資料1
  const versionHash = sha256(templateSources('report'), codeHash(), opts.includeFramework ? 'with-framework' : 'without-framework');
  const attempts = Math.max(1, opts.attempts ?? 3);
  const summary: BatchSummary = {
    format: 'kofukin-batch/1',
    total: jobs.length,
    built: 0,
    unchanged: 0,
    failed: 0,
    browserRestarts: 0,
    seconds: 0,
    reportsPerSecond: 0,
    failures: [],
    warnings: [],
  };
  const progress = opts.progress ? createProgress(jobs.length, opts.progress) : null;
  const tick = () => progress?.tick(summary.built, summary.failed, summary.unchanged);

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
  tick();

  const fiscalYears = new Set<number>();
  const session = new BrowserSession({ ...opts.browser, maxPages: Math.max(1, opts.concurrency) + 1 });
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
  let sinceManifest = 0;
  /** Set when an output cannot be written: every later report would fail the same way. */
  let stopped: CannotWriteError | null = null;
  const saveManifest = () => writeFileAtomic(join(outDir, MANIFEST), JSON.stringify(manifest, null, 1));

  const worker = async () => {
    let printer: WarmPrinter | null = null;
    try {
      for (;;) {
        if (stopped) return;
        const job = todo[next++];
        if (!job) return;
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
          for (attempt = 1; attempt <= attempts && !pdf; attempt++) {
            printer ??= new WarmPrinter(session, shell, { timeoutMs: opts.printTimeoutMs ?? 60_000, env: opts.env });
            t = performance.now();
            try {
              const printed = await printer.print(body, {
                title: parts.meta.title,
                author: parts.meta.author,
                subject: parts.meta.subject,
                keywords: parts.meta.keywords,
                language: 'ja',
                date: new Date(`${parts.meta.date}T00:00:00+09:00`),
                documentNumber: prepared.view.titleBlock.documentNumber ?? undefined,
              });
              pdf = printed.pdf;
              if (printed.blockedRequests.length > 0)
                summary.warnings.push({ key: job.key, warning: `refused ${printed.blockedRequests.length} outside request(s)` });
            } catch (err) {
              if (!isBrowserFailure(err) || attempt === attempts) throw err;
              // a hung browser is killed; the session relaunches it on the next page request
              if (/timed out|TimeoutError/i.test(String((err as Error)?.message))) session.launched?.browser.process()?.kill('SIGKILL');
              await printer.close().catch(() => undefined);
              printer = null;
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
          manifest.entries[job.key] = sha256(job.inputHash, versionHash);
          summary.built++;
          await opts.onReport?.({ job, status: 'built', attempts: attempt, times });
          if (++sinceManifest >= 50) {
            sinceManifest = 0;
            await saveManifest();
          }
        } catch (err) {
          delete manifest.entries[job.key];
          summary.failed++;
          const error = errorText(err);
          summary.failures.push({ key: job.key, code: job.code, name: job.name, source: job.source, error });
          await opts.onReport?.({ job, status: 'failed', attempts: Math.max(1, attempt), error });
          if (err instanceof CannotWriteError) stopped ??= err;
        }
        tick();
      }
    } finally {
      await printer?.close();
    }
  };

  try {
    loadTemplates('report');
    if (opts.onBrowser && todo.length > 0) opts.onBrowser((await session.start()).browser.process()?.pid);
    await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, todo.length || 1)) }, worker));
  } finally {
    summary.browserRestarts = session.restarts;
    await session.close();
    try {
      await saveManifest();
    } catch (err) {
      if (!(err instanceof CannotWriteError)) throw err;
      stopped ??= err;
    }
    progress?.finish();
  }
  if (stopped)
    throw new CannotWriteError(stopped.path, stopped.code, batchMessages.stopped(stopped.message, outputMessages.batchStopped(summary.built + summary.failed, todo.length)));
  summary.seconds = (performance.now() - started) / 1000;
  summary.reportsPerSecond = summary.seconds > 0 ? summary.built / summary.seconds : 0;
  summary.failures.sort((a, b) => (a.key < b.key ? -1 : 1));
  return summary;
}
