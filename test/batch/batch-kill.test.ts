/**
 * A batch killed outright (`kill -9`) and run again: only the reports in flight are lost; the
 * rerun takes over the dead batch's lock, removes its browser profile and skips every report its
 * journal recorded. The batch is a real process with a browser of its own; the rerun runs in-process.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { removeOrphanedProfiles } from '../../src/print/launch.ts';
import { runMain } from '../helpers/cli.ts';
import { browserLeftovers, journalLines, NO_PEERS, outLeftovers, pdfsIn, qpdfCheck, startBatch, syntheticNation, until } from '../helpers/batch-process.ts';
import { SLOW_TEST_MS } from '../helpers/time-limits.ts';

const work = mkdtempSync(join(tmpdir(), 'kofukin-batch-kill-'));
const COUNT = 2;
let nation: string;

beforeAll(async () => {
  nation = await syntheticNation(work, COUNT);
});

it('kill -9 of the batch: the rerun takes over the lock and skips every report recorded before the kill', async () => {
  const out = join(work, 'out-kill9');
  const batch = startBatch(work, nation, out);
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
  const rerun = await runMain(['batch', nation, '--out', out, ...NO_PEERS]);
  expect(rerun.code, rerun.stderr).toBe(0);
  expect(rerun.stderr).toMatch(/took over the lock of an earlier batch that is no longer running \(process \d+/);
  const skipped = Number(/resuming an unfinished batch: skipped (\d+) report\(s\) already built/.exec(rerun.stderr)?.[1]);
  expect(skipped).toBeGreaterThanOrEqual(recorded);
  expect(rerun.stdout).toContain(`built ${COUNT - skipped}, unchanged ${skipped}, failed 0 of ${COUNT}`);
  const all = pdfsIn(out);
  expect(all).toHaveLength(COUNT);
  for (const f of all) expect(qpdfCheck(join(out, f)), f).toBe(0);
  expect(outLeftovers(out)).toEqual([]);
}, SLOW_TEST_MS);
