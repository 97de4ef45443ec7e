/**
 * All-or-nothing outputs. A command stages every file it writes in one OutputSet: each file is
 * written to a hidden temporary file beside its target and flushed to disk; `commit()` then
 * renames them all over their targets in one synchronous step. If a rename fails midway, the
 * targets already replaced get their previous version back (kept as a hidden hard-link backup
 * until every rename succeeded), so the folder is exactly as before. A failure, `discard()` or an
 * interrupt (SIGINT/SIGTERM/SIGHUP) removes every temporary file and every folder the set
 * created. System errors of the kind "cannot write here" become CannotWriteError (exit 73).
 *
 *   await withOutputSet(async (out) => {
 *     await out.write('out/a.html', html); // creates out/ if needed (removed again on failure)
 *     await out.write('out/a.pdf', pdf);
 *   }); // both renamed together, or neither
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  copyFileSync,
  fsync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFile,
} from 'node:fs';
import { promisify } from 'node:util';
import { basename, dirname, join, resolve } from 'node:path';
import { onInterrupt } from '../common/interrupt.ts';
import { outputMessages } from '../errors/messages.ts';
import { asCannotWrite, cannotWriteError, errnoCode } from './cannot-write.ts';

/**
 * The file-system calls of the output layer, in one object so a test can make one of them fail
 * (a full disk, a rename refused midway) and watch the set undo its work.
 */
export const outputFs = {
  /**
   * Creates `path` (it must not exist), writes `data`, flushes it to disk. The file is created
   * synchronously, so an interrupt never finds it half-created (created after its cleanup ran).
   */
  async writeNew(path: string, data: string | Uint8Array): Promise<void> {
    const fd = openSync(path, 'wx', 0o644);
    try {
      await writeFd(fd, data);
      await fsyncFd(fd);
    } finally {
      closeSync(fd);
    }
  },
  rename(from: string, to: string): void {
    renameSync(from, to);
  },
  /** A second name for `existing` (the backup); a copy where hard links are not supported. */
  backup(existing: string, backup: string): void {
    try {
      linkSync(existing, backup);
    } catch (err) {
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'EMLINK', 'ENOSYS'].includes(errnoCode(err) ?? '')) throw err;
      copyFileSync(existing, backup, constants.COPYFILE_EXCL);
    }
  },
  mkdir(path: string): void {
    mkdirSync(path);
  },
};

const writeFd = promisify(writeFile) as (fd: number, data: string | Uint8Array) => Promise<void>;
const fsyncFd = promisify(fsync);

interface Staged {
  target: string;
  tmp: string;
}

function hiddenName(target: string, kind: 'tmp' | 'bak'): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.${kind}`);
}

/**
 * What a process killed outright (kill -9, power loss) left of its output sets in `dir`: its
 * staged files are removed, and a backup whose file is missing (killed between moving the old
 * file aside and renaming the new one in) is put back, so the folder holds the files as they were
 * before that set. Only names this module gives files of process `pid` are touched. Returns how
 * many files it removed or restored. Call it only once `pid` is known to be dead (see
 * src/batch/lock.ts).
 */
export function recoverStagedFiles(dir: string, pid: number): number {
  const mine = new RegExp(`^\\.(.+)\\.${pid}\\.[0-9a-f]{12}\\.(tmp|bak)$`);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  let recovered = 0;
  for (const name of names) {
    const m = mine.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    const target = join(dir, m[1]!);
    try {
      if (m[2] === 'bak' && !lstatSync(target, { throwIfNoEntry: false })) renameSync(path, target);
      else unlinkSync(path);
      recovered++;
    } catch {
      // gone meanwhile, or not ours to change: left as it is
    }
  }
  return recovered;
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/** Flushes a folder's entries (the renames) to disk; not every file system allows it. */
function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Creates folder `abs` and its missing parents, outermost first, appending each folder it
 * creates to `created` as soon as it exists (so an interrupt can remove it again). Errors name
 * `named` (the output the folder is for).
 */
function makeDirs(abs: string, created: string[], named = abs): void {
  const missing: string[] = [];
  for (let p = abs; ; p = dirname(p)) {
    let isDir: boolean | undefined;
    try {
      isDir = statSync(p).isDirectory();
    } catch (err) {
      const code = errnoCode(err);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw asCannotWrite(err, named);
    }
    if (isDir === true) break;
    if (isDir === false) throw cannotWriteError(named, p === abs ? 'EEXIST' : 'ENOTDIR', p);
    missing.unshift(p);
    if (p === dirname(p)) break;
  }
  for (const d of missing) {
    try {
      outputFs.mkdir(d);
    } catch (err) {
      if (errnoCode(err) === 'EEXIST' && statSync(d, { throwIfNoEntry: false })?.isDirectory()) continue; // made meanwhile
      throw asCannotWrite(err, named);
    }
    created.push(d);
  }
}

/**
 * Makes sure folder `path` exists, for a command whose folder outlives a failed run (batch keeps
 * its manifest there); returns the absolute path. Cannot-write errors become CannotWriteError.
 */
export async function ensureOutputDir(path: string): Promise<string> {
  const abs = resolve(path);
  makeDirs(abs, []);
  return abs;
}

export class OutputSet {
  private readonly staged: Staged[] = [];
  /** Folders this set created, outermost first. */
  private readonly createdDirs: string[] = [];
  private state: 'open' | 'committed' | 'discarded' = 'open';
  private readonly unregister: () => void;

  constructor() {
    this.unregister = onInterrupt(() => this.discard());
  }

  /** The targets staged so far, in order. */
  get files(): string[] {
    return this.staged.map((s) => s.target);
  }

  private assertOpen(): void {
    if (this.state !== 'open') throw new Error(`output set already ${this.state}`);
  }

  /**
   * Makes sure folder `path` exists and returns its absolute path. Folders it has to create are
   * removed again if the set is discarded (when still empty).
   */
  async dir(path: string): Promise<string> {
    this.assertOpen();
    const abs = resolve(path);
    makeDirs(abs, this.createdDirs);
    return abs;
  }

  /**
   * Stages `data` for `path` and returns the absolute target. Missing folders on the way are
   * created (and removed again on discard) unless `createFolders` is false. Staging the same
   * target again replaces the earlier data.
   */
  async write(path: string, data: string | Uint8Array, opts: { createFolders?: boolean } = {}): Promise<string> {
    this.assertOpen();
    const target = resolve(path);
    if (opts.createFolders !== false) makeDirs(dirname(target), this.createdDirs, target);
    let existing;
    try {
      existing = statSync(target, { throwIfNoEntry: false });
    } catch (err) {
      throw asCannotWrite(err, target);
    }
    if (existing?.isDirectory()) throw cannotWriteError(target, 'EISDIR');
    const earlier = this.staged.findIndex((s) => s.target === target);
    if (earlier >= 0) removeQuietly(this.staged.splice(earlier, 1)[0]!.tmp);
    const entry: Staged = { target, tmp: hiddenName(target, 'tmp') };
    this.staged.push(entry); // before the file exists, so an interrupt removes it
    try {
      await outputFs.writeNew(entry.tmp, data);
    } catch (err) {
      this.staged.splice(this.staged.indexOf(entry), 1);
      removeQuietly(entry.tmp);
      throw asCannotWrite(err, target);
    }
    if (this.state !== 'open') {
      removeQuietly(entry.tmp);
      this.assertOpen();
    }
    return target;
  }

  /**
   * Renames every staged file over its target, all or none, and returns the targets. Runs
   * synchronously, so no interrupt can fall between two renames.
   */
  commit(): string[] {
    this.assertOpen();
    const done: Array<{ target: string; backup: string | null; renamed: boolean }> = [];
    let failed: { target: string; err: unknown } | undefined;
    for (const s of this.staged) {
      const step = { target: s.target, backup: null as string | null, renamed: false };
      try {
        if (lstatSync(s.target, { throwIfNoEntry: false })) {
          const backup = hiddenName(s.target, 'bak');
          outputFs.backup(s.target, backup);
          step.backup = backup;
        }
        done.push(step);
        outputFs.rename(s.tmp, s.target);
        step.renamed = true;
      } catch (err) {
        failed = { target: s.target, err };
        break;
      }
    }
    if (failed) {
      const unrestored: string[] = [];
      for (const step of done.reverse()) {
        try {
          if (step.renamed && step.backup) renameSync(step.backup, step.target);
          else if (step.renamed) unlinkSync(step.target);
          else if (step.backup) unlinkSync(step.backup);
        } catch {
          unrestored.push(step.backup ? outputMessages.cannotRestore(step.target, step.backup) : step.target);
        }
      }
      this.discard();
      const err = asCannotWrite(failed.err, failed.target);
      if (unrestored.length > 0 && err instanceof Error) err.message += `; ${unrestored.join('; ')}`;
      throw err;
    }
    for (const step of done) if (step.backup) removeQuietly(step.backup);
    for (const dir of new Set(this.staged.map((s) => dirname(s.target)))) syncDir(dir);
    this.state = 'committed';
    this.unregister();
    return this.files;
  }

  /** Removes every staged temporary file and the folders this set created. Safe to call twice. */
  discard(): void {
    if (this.state !== 'open') return;
    this.state = 'discarded';
    this.unregister();
    for (const s of this.staged) removeQuietly(s.tmp);
    for (const d of [...this.createdDirs].reverse()) {
      try {
        rmdirSync(d); // only when empty
      } catch {
        break;
      }
    }
  }
}

/**
 * Runs `stage` with a fresh OutputSet and commits it when `stage` resolves; on any error the set
 * is discarded and the error rethrown, so the outputs are all written or none.
 */
export async function withOutputSet<T>(stage: (out: OutputSet) => Promise<T>): Promise<T> {
  const out = new OutputSet();
  try {
    const result = await stage(out);
    out.commit();
    return result;
  } finally {
    out.discard();
  }
}
