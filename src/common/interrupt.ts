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

function onSignal(signal: Signal): void {
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
    if (cleanups.size === 0) uninstall();
  };
}
