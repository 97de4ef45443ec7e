/**
 * `kofukin preview`: the report as HTML on a local web server, rebuilt whenever one of its input
 * files is saved, with the browser kept running for a PDF on demand.
 *
 * A rebuild is the pipeline up to the HTML (load → derive → charts → render, a fraction of a
 * second once the modules are loaded); the PDF is printed only when /report.pdf is asked for, from
 * the same HTML a build would print. The page served at / is that HTML plus a small live-reload
 * script (Server-Sent Events on /events), which the printed page never carries. The server
 * listens on the loopback address only by default.
 */
import { watch, type FSWatcher } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, resolve } from 'node:path';
import { InputError, UserError, formatProblem } from '../errors/errors.ts';
import { previewMessages } from '../errors/messages-preview.ts';
import type { LoadOptions } from '../load/report-inputs.ts';
import { loadInputsForCli } from '../commands/inputs.ts';
import { BrowserSession, type BrowserSessionOptions } from '../print/browser.ts';
import { prepareReport, printReport, renderCharts, reportBaseName } from '../pipeline/report.ts';
import { renderReportHtml } from '../render/report-html.ts';
import type { ReportView } from '../view/report-view.ts';

export interface PreviewOptions {
  /** Companion files and catalog, as for `build`. */
  load?: LoadOptions;
  /** Port to listen on (0: any free port). Default 0. */
  port?: number;
  /** Address to listen on. Default 127.0.0.1. */
  host?: string;
  browser?: BrowserSessionOptions;
  /** Environment for SOURCE_DATE_EPOCH and the browser (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Quiet time after a file change before rebuilding (editors write in several steps). Default 60 ms. */
  debounceMs?: number;
  /** Lines for the console (rebuilt, errors, warnings). */
  log?: (line: string) => void;
}

/** The outcome of one build of the preview. */
export interface PreviewBuild {
  version: number;
  ok: boolean;
  /** Load to HTML (ms). */
  ms: number;
  /** The error lines when not ok. */
  errors: string[];
}

export interface Preview {
  /** http://host:port/ */
  url: string;
  /** The latest build. */
  readonly current: PreviewBuild;
  /** The files a change of which rebuilds the preview. */
  readonly watched: readonly string[];
  /** Builds again now (what a file change does). */
  rebuild(): Promise<PreviewBuild>;
  /** Resolves with the first build after this call. */
  nextBuild(): Promise<PreviewBuild>;
  close(): Promise<void>;
}

interface Built {
  build: PreviewBuild;
  /** The report's HTML as printed (null when the build failed). */
  html: string | null;
  view: ReportView | null;
  fileName: string;
  /** The page served at / (the report or the error, with the live-reload script). */
  page: string;
  pdf?: Promise<Buffer>;
}

/** Live reload: reloads the page when the server says a new version is built. */
const RELOAD_SCRIPT =
  '<script>(() => { const s = new EventSource("/events"); ' +
  's.addEventListener("rebuilt", () => location.reload()); })();</script>';

function withReload(html: string): string {
  const at = html.lastIndexOf('</body>');
  return at < 0 ? html + RELOAD_SCRIPT : html.slice(0, at) + RELOAD_SCRIPT + html.slice(at);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function errorPage(errors: readonly string[]): string {
  return withReload(
    '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>kofukin preview</title>' +
      '<style>body{font-family:sans-serif;margin:2em;max-width:60em}pre{white-space:pre-wrap;background:#fff4f4;border-left:4px solid #b00;padding:1em}</style>' +
      `</head><body><h1>${escapeHtml(previewMessages.errorTitle())}</h1><pre>${errors.map(escapeHtml).join('\n')}</pre>` +
      `<p>${escapeHtml(previewMessages.errorHint())}</p></body></html>`,
  );
}

function errorLines(err: unknown): string[] {
  if (err instanceof InputError) return err.problems.map(formatProblem);
  if (err instanceof UserError) return [err.message];
  return [`internal error: ${(err as Error)?.message ?? String(err)}`];
}

/** Starts the preview: builds once, listens, watches the inputs. */
export async function startPreview(municipalityFile: string, opts: PreviewOptions = {}): Promise<Preview> {
  const file = resolve(municipalityFile);
  const log = opts.log ?? (() => undefined);
  const loadOptions = opts.load ?? {};
  // two pages: one printing, one kept open for the next print
  const session = new BrowserSession({ ...opts.browser, env: opts.env ?? opts.browser?.env, maxPages: 2 });
  // warm: the browser starts now, so the first PDF does not wait for it (a failure is reported then)
  session.start().catch(() => undefined);

  let closed = false;
  let version = 0;
  let state: Built | undefined;
  let waiting: Array<(b: PreviewBuild) => void> = [];
  const clients = new Set<ServerResponse>();

  /** Files whose change rebuilds: the municipality file, the files given by flags, the companions read. */
  let watchedFiles = new Set<string>();
  const flagFiles = [loadOptions.national, loadOptions.peers, loadOptions.grants, loadOptions.narrative, loadOptions.nation, loadOptions.catalogFile]
    .filter((f): f is string => typeof f === 'string')
    .map((f) => resolve(f));
  const watchers = new Map<string, FSWatcher>();

  const buildOnce = async (): Promise<Built> => {
    const started = performance.now();
    const v = ++version;
    const fallbackName = basename(file).replace(/\.[^.]+$/, '');
    const files = new Set([file, ...flagFiles]);
    try {
      const inputs = await loadInputsForCli(file, loadOptions);
      for (const companion of [inputs.national, inputs.peers, inputs.grants, inputs.narrative, inputs.nation]) if (companion) files.add(resolve(companion.file));
      const prepared = prepareReport(inputs);
      for (const w of prepared.derived.warnings) log(formatProblem(w));
      const charts = await renderCharts(prepared.chartDefinitions);
      const html = renderReportHtml(prepared.view, charts);
      const build = { version: v, ok: true, ms: performance.now() - started, errors: [] };
      log(v === 1 ? previewMessages.built(Math.round(build.ms)) : previewMessages.rebuilt(v, Math.round(build.ms)));
      return { build, html, view: prepared.view, fileName: `${reportBaseName(inputs)}.pdf`, page: withReload(html) };
    } catch (err) {
      // keep watching what the last good build read, so fixing a companion file rebuilds too
      for (const f of watchedFiles) files.add(f);
      const errors = errorLines(err);
      log(previewMessages.failed(v));
      for (const e of errors) log(`  ${e}`);
      const build = { version: v, ok: false, ms: performance.now() - started, errors };
      return { build, html: null, view: null, fileName: `${fallbackName}.pdf`, page: errorPage(errors) };
    } finally {
      watchedFiles = files;
      syncWatchers();
    }
  };

  // one build at a time; changes during a build make one more build after it
  let running: Promise<PreviewBuild> | undefined;
  let again = false;
  const rebuild = (): Promise<PreviewBuild> => {
    if (running) {
      again = true; // the running build goes round once more and resolves with that build
      return running;
    }
    running = (async () => {
      let built: Built;
      do {
        again = false;
        built = await buildOnce();
      } while (again && !closed);
      state = built;
      for (const c of clients) c.write(`event: rebuilt\ndata: ${built.build.version}\n\n`);
      const w = waiting;
      waiting = [];
      for (const resolveBuild of w) resolveBuild(built.build);
      return built.build;
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), opts.debounceMs ?? 60);
  };

  /** One watcher per folder (editors often save by writing a new file and renaming it over the old). */
  function syncWatchers(): void {
    if (closed) return;
    const dirs = new Set([...watchedFiles].map((f) => dirname(f)));
    for (const [dir, w] of watchers)
      if (!dirs.has(dir)) {
        w.close();
        watchers.delete(dir);
      }
    for (const dir of dirs) {
      if (watchers.has(dir)) continue;
      try {
        const w = watch(dir, (_event, name) => {
          if (name && watchedFiles.has(resolve(dir, name.toString()))) changed();
        });
        w.on('error', () => undefined);
        watchers.set(dir, w);
      } catch {
        // a folder that does not exist (a companion not found): the error page says so
      }
    }
  }

  const pdfFor = (built: Built): Promise<Buffer> => {
    built.pdf ??= printReport(session, built.view!, built.html!, { env: opts.env }).then((p) => p.pdf);
    built.pdf.catch(() => {
      built.pdf = undefined; // try again on the next request
    });
    return built.pdf;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const built = state!;
    if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(built.page);
    } else if (path === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`retry: 1000\nevent: hello\ndata: ${built.build.version}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
    } else if (path === '/report.pdf') {
      if (!built.html) {
        res.writeHead(409, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`${previewMessages.noPdf()}\n${built.build.errors.join('\n')}\n`);
        return;
      }
      try {
        const pdf = await pdfFor(built);
        res.writeHead(200, {
          'content-type': 'application/pdf',
          'content-disposition': `inline; filename="${built.fileName}"`,
          'cache-control': 'no-store',
        });
        res.end(pdf);
      } catch (err) {
        const why = errorLines(err).join('; ');
        log(previewMessages.pdfFailed(why));
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`${previewMessages.pdfFailed(why)}\n`);
      }
    } else {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
    }
  };

  // requests wait for the first build
  let firstBuilt!: () => void;
  const first = new Promise<void>((ok) => (firstBuilt = ok));
  const server: Server = createServer((req, res) => {
    first.then(() => handle(req, res)).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? 0;
  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(port, host, () => {
        server.off('error', fail);
        ok();
      });
    });
  } catch (err) {
    closed = true;
    for (const w of watchers.values()) w.close();
    await session.close();
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UserError(previewMessages.portInUse(host, port));
    throw err;
  }
  await rebuild();
  firstBuilt();
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${shownHost}:${address.port}/`,
    get current() {
      return state!.build;
    },
    get watched() {
      return [...watchedFiles];
    },
    rebuild,
    nextBuild: () => new Promise<PreviewBuild>((ok) => waiting.push(ok)),
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
      for (const c of clients) c.end();
      clients.clear();
      const stopped = new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      await stopped;
      await running?.catch(() => undefined);
      await session.close();
    },
  };
}
