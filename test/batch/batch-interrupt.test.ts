/**
 * A batch stopped in the middle and run again: SIGINT (clean stop: manifest and summary written,
 * no temporary file or browser profile left, exit 130), `kill -9` of the batch process (only the
 * reports in flight are lost), and a browser stopped with SIGSTOP (noticed, killed, relaunched).
 * These need a real process with a browser of its own, so they spawn the CLI as a user would;
 * the reruns run in-process. Time limits only catch a hang: the recovery is checked through what
 * the batch itself reports.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STALL_ALLOWANCE_MS, STALL_MARGIN } from '../../src/batch/time-limit.ts';
import { removeOrphanedProfiles } from '../../src/print/launch.ts';
import { runMain } from '../helpers/cli.ts';
import { repoRoot } from '../helpers/seeds.ts';
import { SLOW_TEST_MS } from '../helpers/time-limits.ts';

const work = mkdtempSync(join(tmpdir(), 'kofukin-batch-interrupt-'));
const COUNT = 3;
/** The peer section is not what is tested here: leaving it out makes each report shorter to print. */
const NO_PEERS = ['--peers', 'none'];
let nation: string;

interface Batch {
  child: ChildProcess;
  /** The temp folder of the child (where its browser profile lives). */
  tmp: string;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `kofukin batch` in a process of its own, with a browser of its own and its own temp folder. */
function startBatch(out: string, concurrency = 2): Batch {
  const tmp = mkdtempSync(join(work, 'tmp-'));
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

/** Waits until `ready()` holds (checked every 100 ms). */
async function until(ready: () => boolean, what: string, batch: Batch): Promise<void> {
  for (let i = 0; i < 3000; i++) {
    if (ready()) return;
    if (batch.child.exitCode !== null) throw new Error(`the batch ended before ${what}: ${batch.stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const pdfsIn = (out: string) => (existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.pdf')).sort() : []);
const journalLines = (out: string) => {
  try {
    return readFileSync(join(out, '.kofukin-batch.journal'), 'utf8').split('\n').filter((l) => /\t[0-9a-f]{64}$/.test(l)).length;
  } catch {
    return 0;
  }
};
/** Browser profiles and Chromium's singleton folders left in a temp folder (tsx keeps a cache folder there too). */
const browserLeftovers = (tmp: string) => readdirSync(tmp).filter((f) => /^(kofukin-chrome-|org\.chromium\.|\.com\.google\.Chrome)/.test(f));
/** The reruns launch a browser of their own too: a stall of the run's shared browser (busy with other tests) is not what is tested. */
const OWN_BROWSER = { env: { KOFUKIN_BROWSER_WS_ENDPOINT: '' } };
const qpdfCheck = (file: string) => spawnSync('qpdf', ['--check', file]).status;

beforeAll(async () => {
  nation = join(work, 'nation.csv');
  const r = await runMain(['synth', '--seed', '11', '--count', String(COUNT), '--per-indicator', '--out', nation]);
  expect(r.code, r.stderr).toBe(0);
});

describe('an interrupted batch resumes', () => {
  it('SIGINT in the middle: exit 130, manifest and summary written, nothing left behind; the rerun skips what was finished', async () => {
    const out = join(work, 'out-sigint');
    // one report at a time: after the first has landed, at most the one in flight can finish
    const batch = startBatch(out, 1);
    await until(() => pdfsIn(out).length >= 1, 'the first report', batch);
    batch.child.kill('SIGINT');
    const { code } = await batch.exit;
    expect(code, batch.stderr()).toBe(130);
    expect(batch.stderr()).toContain('interrupted (SIGINT): taking no new reports');
    expect(batch.stderr()).toMatch(/interrupted \(SIGINT\): built \d+ report\(s\) in this run, \d+ not built; the manifest and batch-summary\.json are written; run the same command again to resume/);
    const summary = JSON.parse(readFileSync(join(out, 'batch-summary.json'), 'utf8'));
    expect(summary.interrupted).toBe('SIGINT');
    expect(summary.built + summary.notBuilt + summary.failed).toBe(COUNT);
    const finished = pdfsIn(out);
    expect(finished.length).toBe(summary.built);
    expect(finished.length).toBeLessThan(COUNT);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock') || f.endsWith('.journal'))).toEqual([]);
    expect(browserLeftovers(batch.tmp)).toEqual([]); // the browser profile is gone

    const rerun = await runMain(['batch', nation, '--out', out, ...NO_PEERS], OWN_BROWSER);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toContain(`resuming an unfinished batch: skipped ${finished.length} report(s) already built, ${COUNT - finished.length} to build`);
    expect(rerun.stdout).toContain(`built ${COUNT - finished.length}, unchanged ${finished.length}, failed 0 of ${COUNT}`);
    const all = pdfsIn(out);
    expect(all).toHaveLength(COUNT);
    for (const f of all) expect(qpdfCheck(join(out, f)), f).toBe(0);
    // the next run is an ordinary one again
    const third = await runMain(['batch', nation, '--out', out, ...NO_PEERS], OWN_BROWSER);
    expect(third.stderr).toContain(`skipped ${COUNT} unchanged report(s), 0 to build`);
  }, SLOW_TEST_MS);

  it('kill -9 of the batch: the rerun takes over the lock and skips every report recorded before the kill', async () => {
    const out = join(work, 'out-kill9');
    const batch = startBatch(out);
    await until(() => journalLines(out) >= 1, 'the first recorded report', batch);
    batch.child.kill('SIGKILL');
    await batch.exit;
    const recorded = journalLines(out);
    expect(existsSync(join(out, '.kofukin-batch.lock'))).toBe(true);
    // its browser profile is left behind, named with the dead process's id: the next batch removes it
    expect(browserLeftovers(batch.tmp).filter((f) => f.startsWith(`kofukin-chrome-${batch.child.pid}-`))).toHaveLength(1);
    // (the browser ends once it sees its pipe closed; until then its profile is in use and kept)
    let removed = 0;
    for (let i = 0; i < 600 && removed === 0; i++) {
      removed = await removeOrphanedProfiles(batch.tmp);
      if (removed === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(removed).toBe(1);
    expect(browserLeftovers(batch.tmp).filter((f) => f.startsWith('kofukin-chrome-'))).toEqual([]);
    const rerun = await runMain(['batch', nation, '--out', out, ...NO_PEERS], OWN_BROWSER);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toMatch(/took over the lock of an earlier batch that is no longer running \(process \d+/);
    const skipped = Number(/resuming an unfinished batch: skipped (\d+) report\(s\) already built/.exec(rerun.stderr)?.[1]);
    expect(skipped).toBeGreaterThanOrEqual(recorded);
    expect(rerun.stdout).toContain(`built ${COUNT - skipped}, unchanged ${skipped}, failed 0 of ${COUNT}`);
    const all = pdfsIn(out);
    expect(all).toHaveLength(COUNT);
    for (const f of all) expect(qpdfCheck(join(out, f)), f).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock') || f.endsWith('.journal'))).toEqual([]);
  }, SLOW_TEST_MS);
});

describe('a stopped browser', () => {
  it('SIGSTOP of the browser mid-batch: noticed at the limit scaled by the document, killed, relaunched, the batch completes', async () => {
    const out = join(work, 'out-sigstop');
    mkdirSync(out);
    const batch = startBatch(out);
    await until(() => pdfsIn(out).length >= 1, 'the first report', batch);
    // the browser: the child's child process running Chromium
    const children = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(batch.child.pid)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /chrom/i.test(l));
    expect(children.length, 'the browser process').toBe(1);
    const browserPid = Number(children[0]!.split(/\s+/)[0]);
    process.kill(browserPid, 'SIGSTOP');
    try {
      const { code } = await batch.exit;
      expect(code, batch.stderr()).toBe(0);
    } finally {
      try {
        process.kill(browserPid, 'SIGCONT');
        process.kill(browserPid, 'SIGKILL');
      } catch {
        // killed by the batch, as it should be
      }
    }
    const notice = /the browser did not answer for (\d+) s \(a document of \d+ KB normally takes about (\d+) s\); killed the browser and relaunched it, retrying \(restart 1\)/.exec(batch.stderr());
    expect(notice, batch.stderr()).not.toBeNull();
    // noticed at the limit computed for the document (15 s plus 5 times its expected print time,
    // which the batch measures as it goes), not at the 60 s protocol timeout
    const [waited, expected] = [Number(notice![1]), Number(notice![2])];
    expect(waited).toBeLessThanOrEqual(STALL_ALLOWANCE_MS / 1000 + STALL_MARGIN * (expected + 0.5) + 1);
    expect(batch.stdout()).toMatch(new RegExp(`built ${COUNT}, unchanged 0, failed 0 of ${COUNT} in [\\d.]+ s \\([\\d.]+ reports/s, browser restarts [1-9]`));
    for (const f of pdfsIn(out)) expect(qpdfCheck(join(out, f)), f).toBe(0);
    expect(browserLeftovers(batch.tmp)).toEqual([]); // both browsers' profiles removed
    console.log(`SIGSTOP run: ${notice![0]}; ${/built .*/.exec(batch.stdout())?.[0]}`);
  }, SLOW_TEST_MS);
});
