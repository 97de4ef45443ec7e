/**
 * Error classes. User errors (bad input, bad usage) carry where the problem is and which rule
 * was broken, and map to a non-zero exit code; anything else is an internal bug.
 *
 * Wording: every UserError (and subclass) text, and every Problem rule, comes from the messages
 * module (src/errors/messages.ts), in the language in force (Japanese by default). A plain
 * Error / RangeError / TypeError means a bug: the CLI reports it as an internal error (exit 70)
 * and its text, for the maintainer, stays English (test/errors/messages.test.ts checks both).
 */

import { displayFile } from '../common/stdin.ts';
import { problemMessages } from './messages.ts';

/** Where a problem was found: the file, and inside it a JSON path, a sheet/row/column, or a line. */
export interface Location {
  file: string;
  /** JSON path like `$.scores["suishin.I.i.1"]`, or a cell like `推進!E14`, or `line 12`. */
  place?: string;
}

/** One problem in an input: location + the rule broken, in one sentence. */
export interface Problem {
  location: Location;
  rule: string;
  /** Warnings are reported but only fail the run under --strict. */
  severity: 'error' | 'warning';
  /** What the user can do about it, printed after the problems (src/cli.ts). */
  hint?: string;
}

export function formatLocation(loc: Location): string {
  const file = displayFile(loc.file);
  return loc.place ? `${file}: ${loc.place}` : file;
}

export function formatProblem(p: Problem): string {
  const tag = p.severity === 'warning' ? problemMessages.warningTag() : problemMessages.errorTag();
  return `${tag}: ${formatLocation(p.location)}: ${p.rule}`;
}

/** Base of every error the user can fix. */
export class UserError extends Error {
  readonly exitCode: number = 1;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Problems listed at most in one error; the rest are counted in one last problem. */
export const MAX_PROBLEMS = 200;

/**
 * The first `limit` problems, plus one saying how many more there were (so a file with a million
 * bad rows gives a readable report and no array spread can overflow the stack).
 */
export function capProblems(problems: readonly Problem[], limit = MAX_PROBLEMS): Problem[] {
  // limit + 1: a list already capped by a ProblemCollector keeps its "and N more" line
  if (problems.length <= limit + 1) return [...problems];
  const shown = problems.slice(0, limit);
  const errors = problems.slice(limit).filter((p) => p.severity === 'error');
  const file = problems[limit]!.location.file;
  shown.push({ location: { file }, rule: moreProblems(problems.length - limit), severity: errors.length > 0 ? 'error' : 'warning' });
  return shown;
}

function moreProblems(n: number): string {
  return problemMessages.moreProblems(n);
}

/** One or more problems in input files; every problem is listed (up to MAX_PROBLEMS), not just the first. */
export class InputError extends UserError {
  override readonly exitCode = 2;
  readonly problems: Problem[];
  constructor(all: readonly Problem[]) {
    const problems = capProblems(all);
    const errors = problems.filter((p) => p.severity === 'error');
    const shown = errors.length > 0 ? errors : problems;
    super(
      shown.length === 1
        ? formatProblem(shown[0]!)
        : `${problemMessages.problemsInInput(shown.length)}\n` + shown.map((p) => '  ' + formatProblem(p)).join('\n'),
    );
    this.problems = problems;
  }
  /** The file of the first problem (convenience for tests and messages). */
  get file(): string {
    return this.problems[0]?.location.file ?? '';
  }
}

/** Wrong command-line usage. */
export class UsageError extends UserError {
  override readonly exitCode = 64;
}

/** The environment lacks something (no browser, missing tool). */
export class EnvironmentError extends UserError {
  override readonly exitCode = 69;
}

/**
 * An output cannot be written: permission denied, disk full, read-only file system, a folder or
 * file in the way. An environment problem the user fixes, not a bug (exit 73, EX_CANTCREAT).
 */
export class CannotWriteError extends UserError {
  override readonly exitCode = 73;
  constructor(
    /** The output file (or folder) that could not be written. */
    readonly path: string,
    /** The system error code (EACCES, ENOSPC, …), when there is one. */
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** Throws an InputError when any problem is an error (or any problem at all under strict). */
export function throwIfProblems(problems: Problem[], strict = false): void {
  const failing = problems.filter((p) => p.severity === 'error' || strict);
  if (failing.length > 0) throw new InputError(failing);
}

/**
 * Collects the problems of one file while it is read, then throws them all at once (at most
 * `limit`, plus a line saying how many more there were).
 */
export class ProblemCollector {
  /** The first `limit` problems; later ones are only counted. */
  readonly problems: Problem[] = [];
  private more = 0;
  constructor(
    readonly file: string,
    readonly limit = MAX_PROBLEMS,
  ) {}
  add(place: string | undefined, rule: string): void {
    if (this.problems.length < this.limit) this.problems.push({ location: { file: this.file, place }, rule, severity: 'error' });
    else this.more++;
  }
  /** Every problem added, listed or not. */
  get count(): number {
    return this.problems.length + this.more;
  }
  throwIfAny(): void {
    if (this.count === 0) return;
    const shown = [...this.problems];
    if (this.more > 0) shown.push({ location: { file: this.file }, rule: moreProblems(this.more), severity: 'error' });
    throw new InputError(shown);
  }
}
