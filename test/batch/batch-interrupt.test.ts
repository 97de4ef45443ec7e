/**
 * A batch stopped with SIGINT in the middle and run again: a clean stop (manifest and summary
 * written, no temporary file or browser profile left, exit 130), and a rerun that skips what was
 * finished. The batch needs a real process with a browser of its own, so it is spawned as a user
 * would run it; the reruns run in-process, on the test run's shared browser. `kill -9` is in batch-kill.test.ts and a stopped
 * browser in batch-stall.test.ts (separate files, so the test run can schedule them side by side).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { browserLeftovers, NO_PEERS, outLeftovers, pdfsIn, qpdfCheck, startBatch, syntheticNation, until } from '../helpers/batch-process.ts';
import { SLOW_TEST_MS } from '../helpers/time-limits.ts';

const work = mkdtempSync(join(tmpdir(), 'kofukin-batch-interrupt-'));
const COUNT = 3;
let nation: string;

beforeAll(async () => {
  nation = await syntheticNation(work, COUNT);
});

it('SIGINT in the middle: exit 130, manifest and summary written, nothing left behind; the rerun skips what was finished', async () => {
  const out = join(work, 'out-sigint');
  // one report at a time: after the first has landed, at most the one in flight can finish
  const batch = startBatch(work, nation, out, 1);
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
  expect(outLeftovers(out)).toEqual([]);
  expect(browserLeftovers(batch.tmp)).toEqual([]); // the browser profile is gone

  const rerun = await runMain(['batch', nation, '--out', out, ...NO_PEERS]);
  expect(rerun.code, rerun.stderr).toBe(0);
  expect(rerun.stderr).toContain(`resuming an unfinished batch: skipped ${finished.length} report(s) already built, ${COUNT - finished.length} to build`);
  expect(rerun.stdout).toContain(`built ${COUNT - finished.length}, unchanged ${finished.length}, failed 0 of ${COUNT}`);
  const all = pdfsIn(out);
  expect(all).toHaveLength(COUNT);
  for (const f of all) expect(qpdfCheck(join(out, f)), f).toBe(0);
  // the next run is an ordinary one again
  const third = await runMain(['batch', nation, '--out', out, ...NO_PEERS]);
  expect(third.stderr).toContain(`skipped ${COUNT} unchanged report(s), 0 to build`);
}, SLOW_TEST_MS);
