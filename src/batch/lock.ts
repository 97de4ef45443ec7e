/**
 * One batch per out folder: `.kofukin-batch.lock` holds the process id, the host and the start
 * time of the batch writing there. It is created whole (written under a temporary name, then
 * hard-linked to its name, which fails if the lock exists). A lock whose process is gone (or whose
 * process id now belongs to a younger process) is stale: it is taken over with a notice. A live
 * lock is an error with exit code 75 (EX_TEMPFAIL from sysexits.h: the condition is temporary and
 * the same command succeeds once the other batch has ended, unlike 73, which says the output
 * cannot be written at all).
 */
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../errors/errors.ts';
import { batchRunMessages } from '../errors/messages.ts';
import { onInterrupt } from '../common/interrupt.ts';
import { asCannotWrite, errnoCode } from '../output/cannot-write.ts';
import { recoverStagedFiles } from '../output/set.ts';

export const LOCK_FILE = '.kofukin-batch.lock';

/** Where process `pid` writes its lock before linking it into place. */
export const lockTmpName = (outDir: string, pid: number): string => join(outDir, `${LOCK_FILE}.${pid}.tmp`);

/** Exit code of a batch refused because another one writes to the same out folder. */
export const EXIT_BUSY = 75;

export class BatchBusyError extends UserError {
  override readonly exitCode = EXIT_BUSY;
}

interface LockContent {
  pid: number;
  host: string;
  started: string;
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat), to tell a reused pid apart. */
  processStart?: number;
}

function processStart(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may hold spaces and parentheses: count from the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = Number(fields[19]); // field 22 of the whole line
    return Number.isFinite(start) ? start : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(lock: LockContent): boolean {
  try {
    process.kill(lock.pid, 0);
  } catch (err) {
    if (errnoCode(err) === 'ESRCH') return false;
    // EPERM: a process of another user holds this pid
  }
  if (lock.processStart !== undefined) {
    const now = processStart(lock.pid);
    if (now !== undefined && now !== lock.processStart) return false; // the pid was reused
  }
  return true;
}

function readLock(file: string): LockContent | null {
  try {
    const l = JSON.parse(readFileSync(file, 'utf8')) as LockContent;
    return Number.isInteger(l.pid) && l.pid > 0 ? l : null;
  } catch {
    return null;
  }
}

export interface BatchLock {
  /** Removes the lock (safe to call twice). */
  release(): void;
}

/**
 * Takes the out folder's lock for this process. `notice` is told when a stale lock was taken
 * over. Throws BatchBusyError when another live batch holds it.
 */
export function lockOutDir(outDir: string, notice: (text: string) => void): BatchLock {
  const file = join(outDir, LOCK_FILE);
  const content: LockContent = { pid: process.pid, host: hostname(), started: new Date().toISOString(), processStart: processStart(process.pid) };
  const tmp = lockTmpName(outDir, process.pid);
  try {
    writeFileSync(tmp, JSON.stringify(content) + '\n');
  } catch (err) {
    throw asCannotWrite(err, file);
  }
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(tmp, file);
        break;
      } catch (err) {
        if (errnoCode(err) !== 'EEXIST' || attempt >= 2) throw asCannotWrite(err, file);
      }
      const held = readLock(file);
      if (held && held.host !== content.host)
        throw new BatchBusyError(`${batchRunMessages.lockHeld(outDir, held.pid, held.started, held.host, file)}; ${batchRunMessages.lockOtherHost(file)}`);
      if (held && isRunning(held)) throw new BatchBusyError(batchRunMessages.lockHeld(outDir, held.pid, held.started, held.host, file));
      // stale (or unreadable: a lock is written whole, so an unreadable one is not a live batch's)
      notice(batchRunMessages.lockStale(held?.pid ?? 0, held?.started ?? '?'));
      // what the dead batch was writing when it was killed: its staged files go, a file it had
      // moved aside comes back
      if (held) {
        recoverStagedFiles(outDir, held.pid);
        try {
          unlinkSync(lockTmpName(outDir, held.pid));
        } catch {
          // none left
        }
      }
      try {
        unlinkSync(file);
      } catch (err) {
        if (errnoCode(err) !== 'ENOENT') throw asCannotWrite(err, file);
      }
    }
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    unregister();
    try {
      // only our own lock: never one a later batch took over
      if (readLock(file)?.pid === process.pid) unlinkSync(file);
    } catch {
      // already gone
    }
  };
  const unregister = onInterrupt(release);
  return { release };
}
