/**
 * Finding and launching the browser that prints the report, for a machine with no network.
 *
 * Order: an explicit path (option or KOFUKIN_BROWSER), an installed Chrome/Chromium, then the
 * Chromium inside the optional npm package @sparticuz/chromium. Each is tried in turn until one
 * launches; when none does, an EnvironmentError says what was tried and why each failed.
 *
 * Instead of launching, a browser that is already running can be used: its DevTools WebSocket
 * address as an option or in KOFUKIN_BROWSER_WS_ENDPOINT (e.g. one browser shared by a test run or
 * by several batch processes). Closing such a browser only disconnects from it.
 */
import { accessSync, constants, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
import { EnvironmentError } from '../errors/errors.ts';
import { onInterrupt } from '../common/interrupt.ts';
import { browserMessages } from '../errors/messages.ts';

export const BROWSER_ENV = 'KOFUKIN_BROWSER';
/** DevTools WebSocket address (ws://…) of a running browser to use instead of launching one. */
export const BROWSER_WS_ENV = 'KOFUKIN_BROWSER_WS_ENDPOINT';

export const INSTALLED_BROWSER_PATHS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Commands looked up on PATH after the fixed paths. */
export const BROWSER_COMMANDS: readonly string[] = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** Flags for printing on a machine with no network. */
export const LAUNCH_ARGS: readonly string[] = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--font-render-hinting=none',
];

export type BrowserSource = 'explicit' | 'installed' | '@sparticuz/chromium' | 'connected';

export interface LaunchAttempt {
  source: BrowserSource;
  executablePath?: string;
  /** Why this option did not give a browser; absent for the one that launched. */
  error?: string;
}

/** The parts of @sparticuz/chromium's default export this module uses. */
export interface SparticuzChromium {
  executablePath(input?: string): Promise<string>;
  readonly args: string[];
}

export interface LaunchOptions {
  /** Browser executable; tried first. Default: env KOFUKIN_BROWSER. */
  executablePath?: string;
  /**
   * A running browser's DevTools WebSocket address: connect to it instead of launching.
   * Default: env KOFUKIN_BROWSER_WS_ENDPOINT, unless executablePath is given; '' never connects.
   */
  browserWSEndpoint?: string;
  /** Environment for KOFUKIN_BROWSER, KOFUKIN_BROWSER_WS_ENDPOINT and PATH (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Fixed paths checked for an installed browser (default INSTALLED_BROWSER_PATHS). */
  installedPaths?: readonly string[];
  /** false: skip @sparticuz/chromium; a function: load it some other way (tests). */
  sparticuz?: boolean | (() => Promise<SparticuzChromium>);
  /** Extra browser flags. */
  args?: readonly string[];
  /** Launch time limit per candidate (ms). Default 30 000. */
  timeoutMs?: number;
  /** CDP call time limit (ms). Default 120 000. */
  protocolTimeoutMs?: number;
  /**
   * false: talk to a launched browser over a WebSocket on a free local port instead of a pipe,
   * so that other processes can connect to it (browser.wsEndpoint()). Default true.
   */
  pipe?: boolean;
}

export interface LaunchedBrowser {
  browser: Browser;
  source: BrowserSource;
  /** The executable launched; for a connected browser, its WebSocket address. */
  executablePath: string;
  /** The fresh profile directory; removed by close(). Empty for a connected browser. */
  userDataDir: string;
  /** Every option tried, in order, including the one that launched. */
  attempts: LaunchAttempt[];
  launchMs: number;
  /**
   * Closes the browser (if still running) and removes its profile; a connected browser is only
   * disconnected from, and keeps running. Safe to call again.
   */
  close(): Promise<void>;
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Installed browsers: the fixed paths, then the commands on PATH, existing ones only. */
export function findInstalledBrowsers(
  env: NodeJS.ProcessEnv = process.env,
  paths: readonly string[] = INSTALLED_BROWSER_PATHS,
): string[] {
  const found: string[] = [];
  const add = (p: string): void => {
    if (!found.includes(p) && isExecutableFile(p)) found.push(p);
  };
  paths.forEach(add);
  const dirs = (env['PATH'] ?? '').split(delimiter).filter(Boolean);
  for (const cmd of BROWSER_COMMANDS) for (const dir of dirs) add(join(dir, cmd));
  return found;
}

/**
 * @sparticuz/chromium's default flags minus those that harm a long-lived local browser:
 * --single-process and its companions (--no-zygote, --in-process-gpu) make extra pages
 * useless and memory grow; its headless, GPU and feature flags are replaced by ours; its
 * web-security relaxations are not wanted.
 */
export function sparticuzArgs(args: readonly string[]): string[] {
  const dropped = [
    /^--single-process$/,
    /^--no-zygote$/,
    /^--in-process-gpu$/,
    /^--in-process-renderer$/,
    /^--headless(=|$)/,
    /^--use-gl=/,
    /^--use-angle=/,
    /^--enable-unsafe-swiftshader$/,
    /^--ignore-gpu-blocklist$/,
    /^--disable-web-security$/,
    /^--allow-running-insecure-content$/,
    /^--disable-site-isolation-trials$/,
    /^--disable-features=/,
    /^--enable-features=/,
  ];
  return args.filter((a) => !dropped.some((re) => re.test(a)));
}

function shortError(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const short = lines.slice(0, 3).join(' / ');
  return short.length > 300 ? short.slice(0, 297) + '...' : short;
}

async function loadSparticuz(): Promise<SparticuzChromium> {
  const name = '@sparticuz/chromium'; // optional dependency: a variable keeps bundlers/tsc from requiring it
  const mod = (await import(name)) as { default: SparticuzChromium };
  return mod.default;
}

async function launchAt(
  executablePath: string,
  extraArgs: readonly string[],
  opts: LaunchOptions,
): Promise<LaunchAtResult> {
  // from the moment the profile exists, an interrupt kills the browser (once started) and
  // removes the profile; an interrupt during the launch itself left an empty profile behind. The
  // handler is in place before the folder is made, and the folder is made synchronously, so no
  // signal can fall between the two (Node runs signal handlers between turns of the event loop).
  let browser: Browser | undefined;
  let userDataDir: string | undefined;
  const unregister = onInterrupt(() => {
    browser?.process()?.kill('SIGKILL');
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });
  try {
    // the process id in the name lets a later run remove the profile if this process is killed outright
    userDataDir = mkdtempSync(join(tmpdir(), `kofukin-chrome-${process.pid}-`));
  } catch (err) {
    unregister();
    throw err;
  }
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      pipe: opts.pipe ?? true,
      userDataDir,
      args: [...LAUNCH_ARGS, ...extraArgs, ...(opts.args ?? [])],
      timeout: opts.timeoutMs ?? 30_000,
      protocolTimeout: opts.protocolTimeoutMs ?? 120_000,
      // an interrupt is handled once for the whole run (src/common/interrupt.ts): staged outputs
      // are discarded, then the browser is killed (the cleanup registered above)
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    return { browser, userDataDir, unregister };
  } catch (err) {
    unregister();
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    throw err;
  }
}

interface LaunchAtResult {
  browser: Browser;
  userDataDir: string;
  /** Drops the interrupt cleanup (on close). */
  unregister: () => void;
}

/**
 * Chromium keeps its singleton socket in a directory of its own under the temp directory,
 * linked from the profile; it removes it on a normal exit but not when it was killed.
 */
async function removeSingletonDir(userDataDir: string): Promise<void> {
  const target = await readlink(join(userDataDir, 'SingletonSocket')).catch(() => undefined);
  if (!target) return;
  const dir = dirname(target);
  if (dirname(dir) === tmpdir() && /^(org\.chromium\.Chromium|\.com\.google\.Chrome)\./.test(basename(dir))) {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Whether a running process (a browser still ending) was started with this profile (Linux /proc; elsewhere: no). */
function profileInUse(profile: string): boolean {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return false;
  }
  const flag = `--user-data-dir=${profile}`;
  return pids.some((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(flag);
    } catch {
      return false;
    }
  });
}

/**
 * Removes the browser profiles (and Chromium's singleton folders) that processes killed outright
 * (`kill -9`, a machine that lost power) left in the temp directory: those whose process id in
 * the name no longer runs. Returns how many were removed. Profiles of running processes are left alone.
 */
export async function removeOrphanedProfiles(dir: string = tmpdir()): Promise<number> {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const m = /^kofukin-chrome-(\d+)-/.exec(name);
    if (!m) continue;
    try {
      process.kill(Number(m[1]), 0);
      continue; // still running (or another user's process): not ours to remove
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ESRCH') continue;
    }
    const profile = join(dir, name);
    if (profileInUse(profile)) continue; // its browser is still ending
    await removeSingletonDir(profile);
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
    removed++;
  }
  return removed;
}

function launched(
  b: LaunchAtResult,
  source: BrowserSource,
  executablePath: string,
  attempts: LaunchAttempt[],
  launchMs: number,
): LaunchedBrowser {
  let closing: Promise<void> | undefined;
  const { unregister, ...rest } = b;
  return {
    ...rest,
    source,
    executablePath,
    attempts,
    launchMs,
    close() {
      closing ??= (async () => {
        unregister();
        await b.browser.close().catch(() => b.browser.process()?.kill('SIGKILL'));
        await removeSingletonDir(b.userDataDir);
        await rm(b.userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined);
      })();
      return closing;
    },
  };
}

/** Connects to a running browser; closing disconnects and leaves it running. */
async function connectBrowser(endpoint: string, opts: LaunchOptions): Promise<LaunchedBrowser> {
  const started = performance.now();
  let browser: Browser;
  try {
    browser = await puppeteer.connect({ browserWSEndpoint: endpoint, protocolTimeout: opts.protocolTimeoutMs ?? 120_000 });
  } catch (err) {
    throw new EnvironmentError(
      browserMessages.cannotConnect(endpoint, BROWSER_WS_ENV, shortError(err)),
    );
  }
  let closing: Promise<void> | undefined;
  return {
    browser,
    source: 'connected',
    executablePath: endpoint,
    userDataDir: '',
    attempts: [{ source: 'connected', executablePath: endpoint }],
    launchMs: performance.now() - started,
    close() {
      closing ??= browser.connected ? browser.disconnect().catch(() => undefined) : Promise.resolve();
      return closing;
    },
  };
}

/** Finds and launches a browser (see the module comment for the order), or connects to a running one. */
export async function launchBrowser(opts: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const env = opts.env ?? process.env;
  const endpoint = opts.browserWSEndpoint ?? (opts.executablePath ? undefined : env[BROWSER_WS_ENV]);
  if (endpoint) return connectBrowser(endpoint, opts);
  const started = performance.now();
  const attempts: LaunchAttempt[] = [];
  const done = (b: LaunchAtResult, source: BrowserSource, path: string) => {
    attempts.push({ source, executablePath: path });
    return launched(b, source, path, attempts, performance.now() - started);
  };

  // 1. explicit path: the user chose this browser, so it is used or the run stops (never a
  //    silent fallback to another browser that would print with other fonts or flags)
  const explicit = opts.executablePath ?? (env[BROWSER_ENV] || undefined);
  if (!explicit) {
    attempts.push({ source: 'explicit', error: browserMessages.explicitNotSet(BROWSER_ENV) });
  } else {
    const given = opts.executablePath !== undefined ? '--browser' : BROWSER_ENV;
    if (!isExecutableFile(explicit))
      throw new EnvironmentError(browserMessages.givenNotExecutable(given, explicit));
    try {
      return done(await launchAt(explicit, [], opts), 'explicit', explicit);
    } catch (err) {
      throw new EnvironmentError(browserMessages.givenLaunchFailed(given, explicit, shortError(err)));
    }
  }

  // 2. installed Chrome / Chromium
  const installed = findInstalledBrowsers(env, opts.installedPaths ?? INSTALLED_BROWSER_PATHS);
  if (installed.length === 0) {
    const where = [...(opts.installedPaths ?? INSTALLED_BROWSER_PATHS), browserMessages.onPath(BROWSER_COMMANDS.join('/'))];
    attempts.push({ source: 'installed', error: browserMessages.noneFound(where.join(', ')) });
  }
  for (const path of installed) {
    try {
      return done(await launchAt(path, [], opts), 'installed', path);
    } catch (err) {
      attempts.push({ source: 'installed', executablePath: path, error: browserMessages.launchFailed(shortError(err)) });
    }
  }

  // 3. Chromium from the npm package @sparticuz/chromium
  if (opts.sparticuz === false) {
    attempts.push({ source: '@sparticuz/chromium', error: browserMessages.disabledByOption() });
  } else {
    let chromium: SparticuzChromium | undefined;
    try {
      chromium = await (typeof opts.sparticuz === 'function' ? opts.sparticuz() : loadSparticuz());
    } catch (err) {
      attempts.push({ source: '@sparticuz/chromium', error: browserMessages.notLoadable(shortError(err)) });
    }
    if (chromium) {
      let path: string | undefined;
      try {
        path = await chromium.executablePath();
      } catch (err) {
        attempts.push({ source: '@sparticuz/chromium', error: browserMessages.cannotUnpack(shortError(err)) });
      }
      if (path) {
        try {
          return done(await launchAt(path, sparticuzArgs(chromium.args), opts), '@sparticuz/chromium', path);
        } catch (err) {
          attempts.push({ source: '@sparticuz/chromium', executablePath: path, error: browserMessages.launchFailed(shortError(err)) });
        }
      }
    }
  }

  throw new EnvironmentError(
    browserMessages.noBrowser(
      attempts.map((a, i) => `  ${i + 1}. ${a.source}${a.executablePath ? ` (${a.executablePath})` : ''}: ${a.error}`).join('\n'),
      BROWSER_ENV,
    ),
  );
}
