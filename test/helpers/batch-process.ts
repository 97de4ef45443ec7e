/**
 * A batch run as a process of its own (`kofukin batch` through tsx), with a browser of its own
 * and its own temp folder, for the tests that interrupt or kill it; and what such a run leaves in
 * its out and temp folders.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from './cli.ts';
import { repoRoot } from './seeds.ts';

/** The peer section is not what these tests check: leaving it out makes each report shorter to print. */
export const NO_PEERS = ['--peers', 'none'];

export interface BatchProcess {
  child: ChildProcess;
  /** The temp folder of the child (where its browser profile lives). */
  tmp: string;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A synthetic nation of `count` municipalities with every indicator (`synth --per-indicator`). */
export async function syntheticNation(dir: string, count: number, seed = 11): Promise<string> {
  const nation = join(dir, 'nation.csv');
  const r = await runMain(['synth', '--seed', String(seed), '--count', String(count), '--per-indicator', '--out', nation]);
  if (r.code !== 0) throw new Error(`synth failed: ${r.stderr}`);
  return nation;
}

/** Starts `kofukin batch <nation>` in a process of its own, with a browser of its own and its own temp folder under `work`. */
export function startBatch(work: string, nation: string, out: string, concurrency = 2): BatchProcess {
  const tmp = mkdtempSync(join(work, 'tmp-'));
  // tsx keeps its compiled sources in <temp>/tsx-<uid>: the child shares the run's, instead of
  // compiling every source again in its own temp folder
  const tsxCache = `tsx-${process.getuid?.() ?? 0}`;
  if (existsSync(join(tmpdir(), tsxCache))) symlinkSync(join(tmpdir(), tsxCache), join(tmp, tsxCache));
  const child = spawn(process.execPath, ['--import', 'tsx', `${repoRoot}src/cli.ts`, 'batch', nation, '--out', out, '--concurrency', String(concurrency), ...NO_PEERS], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, KOFUKIN_LANG: 'en', KOFUKIN_BROWSER_WS_ENDPOINT: '', TMPDIR: tmp },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += String(d)));
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return { child, tmp, stdout: () => stdout, stderr: () => stderr, exit };
}

/** Waits until `ready()` holds (checked every 100 ms); fails if the batch ends first. */
export async function until(ready: () => boolean, what: string, batch: BatchProcess): Promise<void> {
  for (let i = 0; i < 3000; i++) {
    if (ready()) return;
    if (batch.child.exitCode !== null) throw new Error(`the batch ended before ${what}: ${batch.stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export const pdfsIn = (out: string): string[] => (existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.pdf')).sort() : []);

/** Reports recorded in the batch's journal. */
export const journalLines = (out: string): number => {
  try {
    return readFileSync(join(out, '.kofukin-batch.journal'), 'utf8').split('\n').filter((l) => /\t[0-9a-f]{64}$/.test(l)).length;
  } catch {
    return 0;
  }
};

/** Browser profiles and Chromium's singleton folders left in a temp folder (tsx keeps a cache folder there too). */
export const browserLeftovers = (tmp: string): string[] => readdirSync(tmp).filter((f) => /^(kofukin-chrome-|org\.chromium\.|\.com\.google\.Chrome)/.test(f));

/** Temporary files, locks and journals left in an out folder. */
export const outLeftovers = (out: string): string[] => readdirSync(out).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock') || f.endsWith('.journal'));

export const qpdfCheck = (file: string): number | null => spawnSync('qpdf', ['--check', file]).status;
