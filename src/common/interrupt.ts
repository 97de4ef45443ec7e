/**
 * What to undo when the run is interrupted (SIGINT, SIGTERM, SIGHUP): staged output files to
 * remove, a browser to kill. Each cleanup is synchronous, so it finishes before the process
 * exits. The signal handlers are installed while at least one cleanup is registered; the first
 * signal runs every cleanup once, restores the default signal behaviour and exits with 128 + the
 * signal number (130 for SIGINT, 143 for SIGTERM), as a shell reports an interrupted command.
 */
import { outputMessages } from '../errors/messages.ts';

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;
type Signal = keyof typeof SIGNALS;

/** Registered cleanups; later registrations run first (a set commits before the browser closes). */
const cleanups = new Set<() => void>();
let installed = false;

/**
 * A run that can stop cleanly by itself (a batch: finish the reports in flight, write its
 * manifest and summary) is told of the first signal instead; the cleanups above run only on a
 * second signal, or when the run has not finished within its grace period.
 */
let graceful: { handler: (signal: Signal, exitCode: number) => void; graceMs: number } | null = null;
let gracefulSignal: Signal | null = null;
let graceTimer: NodeJS.Timeout | undefined;

function onSignal(signal: Signal): void {
  if (graceful && !gracefulSignal) {
    gracefulSignal = signal;
    const { handler, graceMs } = graceful;
    // if the run does not finish in time, the hard path below runs anyway (not keeping the process alive)
    graceTimer = setTimeout(() => hardStop(signal), graceMs).unref();
    try {
      handler(signal, 128 + SIGNALS[signal]);
    } catch {
      hardStop(signal);
    }
    return;
  }
  hardStop(gracefulSignal ?? signal);
}

function hardStop(signal: Signal): void {
  uninstall();
  const all = [...cleanups].reverse();
  cleanups.clear();
  for (const cleanup of all) {
    try {
      cleanup();
    } catch {
      // the others still run; nothing can be reported more usefully than the interrupt
    }
  }
  try {
    process.stderr.write(`kofukin: ${outputMessages.interrupted(signal)}\n`);
  } catch {
    // stderr closed
  }
  process.exit(128 + SIGNALS[signal]);
}

const handlers = Object.fromEntries(Object.keys(SIGNALS).map((s) => [s, () => onSignal(s as Signal)])) as Record<Signal, () => void>;

function install(): void {
  if (installed) return;
  installed = true;
  for (const s of Object.keys(SIGNALS) as Signal[]) process.on(s, handlers[s]);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  for (const s of Object.keys(SIGNALS) as Signal[]) process.removeListener(s, handlers[s]);
}

/**
 * Registers a synchronous cleanup to run if the process is interrupted; returns the function
 * that unregisters it (call it once the thing to clean up is gone). When nothing is registered
 * the process has its default signal behaviour.
 */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  install();
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0 && !graceful) uninstall();
  };
}

/**
 * Asks to be told of the first SIGINT/SIGTERM/SIGHUP instead of having the process stopped: the
 * handler gets the signal and the exit code to end with (130, 143, 129), stops taking new work and
 * ends the run itself. A second signal, or `graceMs` without the process having ended, runs the
 * registered cleanups and exits as usual. Returns the function that unregisters the handler (the
 * signal received so far, if any, is kept for the hard path until then).
 */
export function onInterruptGracefully(handler: (signal: Signal, exitCode: number) => void, graceMs: number): () => void {
  const entry = { handler, graceMs };
  graceful = entry;
  install();
  return () => {
    if (graceful !== entry) return;
    graceful = null;
    gracefulSignal = null;
    clearTimeout(graceTimer);
    if (cleanups.size === 0) uninstall();
  };
}

export type InterruptSignal = Signal;
