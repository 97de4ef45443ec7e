/**
 * A browser that stops answering in the middle of a batch (SIGSTOP of its process): the batch
 * notices within the time limit it computed for the document (the fixed allowance plus
 * STALL_MARGIN times the print time it expects from the prints so far), kills the browser,
 * relaunches it, retries the reports it was printing and completes. The batch runs in-process
 * with a browser of its own (not the test run's shared one); the allowance is cut from 15 s to
 * 3 s so the stall is noticed sooner — the scaled part of the limit is the product's own.
 */
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, expect, it } from 'vitest';
import { jobsFromNationalFile } from '../../src/batch/national-jobs.ts';
import { runBatch } from '../../src/batch/run.ts';
import { STALL_MARGIN } from '../../src/batch/time-limit.ts';
import { pdfsIn, qpdfCheck, syntheticNation } from '../helpers/batch-process.ts';
import { SLOW_TEST_MS } from '../helpers/time-limits.ts';

const work = mkdtempSync(join(tmpdir(), 'kofukin-batch-stall-'));
const COUNT = 3;
const ALLOWANCE_MS = 3_000;
let nation: string;

beforeAll(async () => {
  nation = await syntheticNation(work, COUNT);
});

it('SIGSTOP of the browser mid-batch: noticed at the limit scaled by the document, killed, relaunched, the batch completes', async () => {
  const out = join(work, 'out-sigstop');
  mkdirSync(out);
  const { jobs, extraText } = await jobsFromNationalFile(nation, 2024, 'none');
  let notices = '';
  const progress = new Writable({
    write(chunk, _enc, done) {
      notices += String(chunk);
      done();
    },
  });
  let browserPid: number | undefined;
  let stoppedPid: number | undefined;
  try {
    const summary = await runBatch(jobs, {
      outDir: out,
      concurrency: 2,
      force: false,
      strict: false,
      extraText,
      stallAllowanceMs: ALLOWANCE_MS,
      browser: { env: { ...process.env, KOFUKIN_BROWSER_WS_ENDPOINT: '' } },
      progress,
      onBrowser: (pid) => (browserPid = pid),
      onReport: (event) => {
        // after the first report has landed, the browser stops answering the one(s) in flight
        if (event.status !== 'built' || stoppedPid !== undefined) return;
        expect(browserPid, 'the browser process').toBeGreaterThan(0);
        stoppedPid = browserPid!;
        process.kill(stoppedPid, 'SIGSTOP');
      },
    });
    expect(stoppedPid).toBeDefined();
    expect(summary.built, notices).toBe(COUNT);
    expect(summary.failed).toBe(0);
    expect(summary.browserRestarts).toBeGreaterThanOrEqual(1);
  } finally {
    if (stoppedPid !== undefined) {
      try {
        process.kill(stoppedPid, 'SIGCONT');
        process.kill(stoppedPid, 'SIGKILL');
      } catch {
        // killed by the batch, as it should be
      }
    }
  }
  const notice = /the browser did not answer for (\d+) s \(a document of \d+ KB normally takes about (\d+) s\); killed the browser and relaunched it, retrying \(restart 1\)/.exec(notices);
  expect(notice, notices).not.toBeNull();
  // noticed at the limit computed for the document (the allowance plus STALL_MARGIN times its
  // expected print time, which the batch measures as it goes), not at the 60 s protocol timeout
  const [waited, expected] = [Number(notice![1]), Number(notice![2])];
  expect(waited).toBeLessThanOrEqual(ALLOWANCE_MS / 1000 + STALL_MARGIN * (expected + 0.5) + 1);
  for (const f of pdfsIn(out)) expect(qpdfCheck(join(out, f)), f).toBe(0);
  expect(pdfsIn(out)).toHaveLength(COUNT);
  // both browsers' profiles removed (they are named after this process)
  expect(readdirSync(tmpdir()).filter((f) => f.startsWith(`kofukin-chrome-${process.pid}-`))).toEqual([]);
  console.log(`SIGSTOP run: ${notice![0]}`);
}, SLOW_TEST_MS);
