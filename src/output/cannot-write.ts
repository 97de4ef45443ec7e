/**
 * Turns a system error met while writing an output into a CannotWriteError (exit 73) naming the
 * output and the cause in words; any other error is returned unchanged (a bug stays a bug).
 */
import { lstatSync } from 'node:fs';
import { dirname } from 'node:path';
import { CannotWriteError } from '../errors/errors.ts';
import { cannotWriteCause, outputMessages } from '../errors/messages.ts';

/** System error codes that mean "this environment does not let us write there". */
export const CANNOT_WRITE_CODES: ReadonlySet<string> = new Set([
  'EACCES',
  'EPERM',
  'ENOSPC',
  'EDQUOT',
  'EROFS',
  'EISDIR',
  'ENOTDIR',
  'EEXIST',
  'ENOENT',
  'ENAMETOOLONG',
  'EMLINK',
  'EXDEV',
  'EBUSY',
  'ETXTBSY',
  'EIO',
]);

export function errnoCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** True for a system error of the kinds in CANNOT_WRITE_CODES. */
export function isCannotWrite(err: unknown): boolean {
  const code = errnoCode(err);
  return code !== undefined && CANNOT_WRITE_CODES.has(code);
}

/** `path` or its nearest ancestor that exists but is not a folder (the file in the way), if any. */
function fileInTheWay(path: string): string | undefined {
  for (let p = path; p !== dirname(p); p = dirname(p)) {
    try {
      return lstatSync(p).isDirectory() ? undefined : p;
    } catch {
      // missing: look further up
    }
  }
  return undefined;
}

export function cannotWriteError(path: string, code: string | undefined, culprit?: string): CannotWriteError {
  return new CannotWriteError(path, code, outputMessages.cannotWrite(path, cannotWriteCause(code, culprit)));
}

/**
 * `err` as a CannotWriteError for output `path` when it is a cannot-write system error;
 * otherwise `err` itself. A CannotWriteError passes through.
 */
export function asCannotWrite(err: unknown, path: string): unknown {
  if (err instanceof CannotWriteError || !isCannotWrite(err)) return err;
  const code = errnoCode(err);
  const culprit = code === 'ENOTDIR' || code === 'EEXIST' ? fileInTheWay(path) : undefined;
  return cannotWriteError(path, code, culprit);
}

/** System calls that only write: their cannot-write errors are the environment's, whatever module made them. */
const WRITING_CALLS = new Set(['mkdir', 'mkdtemp', 'rename', 'link', 'symlink', 'unlink', 'rmdir', 'write', 'fsync', 'ftruncate', 'copyfile']);

/**
 * A cannot-write system error raised outside the output layer (a temporary folder of the
 * browser, say) as a CannotWriteError; undefined for anything else. A full disk, an exceeded
 * quota or a read-only file system is the environment's whatever the call; EACCES on an `open`
 * may be a read and is left alone.
 */
export function writeErrorOutsideOutputs(err: unknown): CannotWriteError | undefined {
  if (err instanceof CannotWriteError || !isCannotWrite(err)) return undefined;
  const e = err as NodeJS.ErrnoException;
  const code = e.code!;
  if (!['ENOSPC', 'EDQUOT', 'EROFS'].includes(code) && !(e.syscall && WRITING_CALLS.has(e.syscall))) return undefined;
  return asCannotWrite(err, e.path ?? '(a temporary file)') as CannotWriteError;
}
