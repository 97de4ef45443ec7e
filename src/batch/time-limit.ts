/**
 * How long a report's print may take before the browser is considered stalled: the print time
 * expected for a document of its size, from the speed of this run's prints so far (milliseconds
 * per kilobyte of HTML, the slowest of the recent ones), times a margin for a busy machine, plus a
 * fixed allowance. A 300 KB report expected to take 1 s is given 20 s, so a hung or stopped
 * browser is noticed within seconds; a report ten times as long is given ten times the expected
 * time. Before any report has printed, a cautious speed is assumed (the first print also loads the
 * page and its fonts).
 */

/** Fixed allowance on top of the scaled expectation (ms). */
export const STALL_ALLOWANCE_MS = 15_000;
/** How many times the expected print time a print may take. */
export const STALL_MARGIN = 5;
/** Assumed print speed before the first print of the run (ms per KB of HTML). */
export const FIRST_PRINT_MS_PER_KB = 25;

/** The print speed of a run: the slowest of its last prints, per KB of HTML. */
export class PrintRate {
  readonly #recent: number[] = [];

  /** Records a successful print of `bytes` of HTML that took `ms`. */
  record(bytes: number, ms: number): void {
    this.#recent.push(ms / Math.max(1, bytes / 1024));
    if (this.#recent.length > 20) this.#recent.shift();
  }

  /** Milliseconds per KB expected (the slowest recent print, at least 1). */
  get msPerKb(): number {
    return this.#recent.length === 0 ? FIRST_PRINT_MS_PER_KB : Math.max(1, ...this.#recent);
  }

  /** The print time expected for `bytes` of HTML (ms). */
  expectedMs(bytes: number): number {
    return (bytes / 1024) * this.msPerKb;
  }
}

/** The time limit of a print of `bytes` of HTML (ms). */
export function printTimeLimit(rate: PrintRate, bytes: number, allowanceMs = STALL_ALLOWANCE_MS): number {
  return Math.round(allowanceMs + STALL_MARGIN * rate.expectedMs(bytes));
}
