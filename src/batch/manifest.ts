/**
 * What a batch has built in an out folder, kept so a later run skips what did not change and an
 * interrupted run resumes: the manifest (`.kofukin-batch.json`, key → hash of everything the
 * report is made from), rewritten atomically at the end of a run, and beside it a journal
 * (`.kofukin-batch.journal`) that gets one line per report as soon as its files are renamed into
 * place. Even if the batch process is killed outright (`kill -9`), only the reports in flight are
 * lost: the next run reads the manifest, replays the journal over it and skips the rest.
 */
import { closeSync, fsyncSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { asCannotWrite } from '../output/cannot-write.ts';
import { writeFileAtomic } from '../output/atomic.ts';

export const MANIFEST_FILE = '.kofukin-batch.json';
export const JOURNAL_FILE = '.kofukin-batch.journal';

export interface Manifest {
  format: 'kofukin-batch-manifest/1';
  entries: Record<string, string>;
  /** Set when the run that wrote it was interrupted (the next one says it resumes). */
  unfinished?: boolean;
}

export interface LoadedManifest {
  manifest: Manifest;
  /** The previous run did not end normally: it was interrupted, or killed (a journal was left). */
  resuming: boolean;
}

function emptyManifest(): Manifest {
  return { format: 'kofukin-batch-manifest/1', entries: {} };
}

/** Reads an out folder's manifest and replays its journal (a torn last line is ignored). */
export function readManifest(outDir: string): LoadedManifest {
  let manifest = emptyManifest();
  try {
    const m = JSON.parse(readFileSync(join(outDir, MANIFEST_FILE), 'utf8')) as Manifest;
    if (m.format === 'kofukin-batch-manifest/1' && m.entries && typeof m.entries === 'object') manifest = m;
  } catch {
    // no manifest yet, or unreadable: rebuild everything
  }
  let journal = '';
  try {
    journal = readFileSync(join(outDir, JOURNAL_FILE), 'utf8');
  } catch {
    // no journal: the last run ended normally (or there was none)
  }
  for (const line of journal.split('\n')) {
    const m = /^(\S+)\t([0-9a-f]{64}|-)$/.exec(line);
    if (!m) continue; // a line cut short by a kill
    if (m[2] === '-') delete manifest.entries[m[1]!];
    else manifest.entries[m[1]!] = m[2]!;
  }
  return { manifest, resuming: journal.length > 0 || manifest.unfinished === true };
}

/** The journal of one run: appended to (and flushed) after each report. */
export class Journal {
  readonly #file: string;
  #fd: number | undefined;

  constructor(outDir: string) {
    this.#file = join(outDir, JOURNAL_FILE);
  }

  /** Records that `key` is built from `hash` (null: it failed, so its entry is dropped). */
  record(key: string, hash: string | null): void {
    try {
      this.#fd ??= openSync(this.#file, 'a', 0o644);
      writeSync(this.#fd, `${key}\t${hash ?? '-'}\n`);
      fsyncSync(this.#fd);
    } catch (err) {
      throw asCannotWrite(err, this.#file);
    }
  }

  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }

  /**
   * Writes the whole manifest atomically, then removes the journal (replaying it over the new
   * manifest would change nothing, so a kill between the two steps is harmless).
   */
  async compact(outDir: string, manifest: Manifest): Promise<void> {
    this.close();
    await writeFileAtomic(join(outDir, MANIFEST_FILE), JSON.stringify(manifest, null, 1));
    try {
      unlinkSync(this.#file);
    } catch {
      // no report was recorded in this run
    }
  }
}
