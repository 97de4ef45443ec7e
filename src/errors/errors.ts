/**
 * Error classes. User errors (bad input, bad usage) carry where the problem is and which rule
 * was broken, and map to a non-zero exit code; anything else is an internal bug.
 */

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
}

export function formatLocation(loc: Location): string {
  return loc.place ? `${loc.file}: ${loc.place}` : loc.file;
}

export function formatProblem(p: Problem): string {
  const tag = p.severity === 'warning' ? 'warning' : 'error';
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

/** One or more problems in input files; every problem is listed, not just the first. */
export class InputError extends UserError {
  override readonly exitCode = 2;
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    const shown = errors.length > 0 ? errors : problems;
    super(
      shown.length === 1
        ? formatProblem(shown[0]!)
        : `${shown.length} problems in input:\n` + shown.map((p) => '  ' + formatProblem(p)).join('\n'),
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
  readonly problems: Problem[] = [];
  constructor(
    readonly file: string,
    readonly limit = 200,
  ) {}
  add(place: string | undefined, rule: string): void {
    this.problems.push({ location: { file: this.file, place }, rule, severity: 'error' });
  }
  throwIfAny(): void {
    if (this.problems.length === 0) return;
    const shown = this.problems.slice(0, this.limit);
    if (this.problems.length > this.limit)
      shown.push({ location: { file: this.file }, rule: `… and ${this.problems.length - this.limit} more problem(s) not listed`, severity: 'error' });
    throw new InputError(shown);
  }
}
