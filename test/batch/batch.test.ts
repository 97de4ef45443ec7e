/**
 * Batch runs: failures isolated and reported, a killed browser recovered, unchanged reports
 * skipped, shards covering every municipality exactly once.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { jobsFromNationalFile } from '../../src/batch/national-jobs.ts';
import { parseShard, shardJobs, filterJobs } from '../../src/batch/jobs.ts';
import { runBatch } from '../../src/batch/run.ts';
import { runMain, type CliResult } from '../helpers/cli.ts';
import { pageCount, pdfFontRows, pdfInfo, pdfText } from '../helpers/pdf.ts';
import { repoRoot } from '../helpers/seeds.ts';
import { SLOW_TEST_MS } from '../helpers/time-limits.ts';

const work = mkdtempSync(join(tmpdir(), 'kofukin-batch-'));

/** A directory with the two samples (companion paths made absolute) and one broken file. */
function sampleDirectory(): string {
  const dir = join(work, 'municipalities');
  mkdirSync(dir, { recursive: true });
  for (const [name, sample] of [['kyoto', 'kyoto-2024'], ['town', 'fictional-town']] as const) {
    const base = `${repoRoot}data/samples/${sample}/`;
    const j = JSON.parse(readFileSync(`${base}municipality.json`, 'utf8'));
    j.files = Object.fromEntries(Object.entries(j.files as Record<string, string>).map(([k, v]) => [k, join(base, v)]));
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(j));
    if (name === 'town') {
      j.municipality.code = '990019'; // a valid fictional code (check digit 9) of its own
      j.municipality.name = '壊れ町';
      j.scores['suishin.I.i.1'] = 99;
      writeFileSync(join(dir, 'broken.json'), JSON.stringify(j));
    }
  }
  return dir;
}

describe('kofukin batch on a directory', () => {
  const out = join(work, 'out-dir');
  let dir: string;
  let first: CliResult;

  beforeAll(async () => {
    dir = sampleDirectory();
    first = await runMain(['batch', dir, '--out', out, '--concurrency', '2']);
  });

  it('finishes the others, lists the broken one and exits non-zero', () => {
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('built 2, unchanged 0, failed 1 of 3');
    expect(first.stdout).toMatch(/990019\s+壊れ町\s+error: .*broken\.json: \$\.scores\["suishin\.I\.i\.1"\] \(line 1, column \d+\): score 99/);
    const summary = JSON.parse(readFileSync(join(out, 'batch-summary.json'), 'utf8'));
    expect(summary.failures.map((f: { code: string }) => f.code)).toEqual(['990019']);
    expect(readdirSync(out).filter((f) => f.endsWith('.pdf')).sort()).toEqual(['kofukin-2024-261009.pdf', 'kofukin-2024-990001.pdf']);
    expect(readdirSync(out).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('prints real reports: tagged, embedded fonts only, titled', () => {
    const pdf = join(out, 'kofukin-2024-261009.pdf');
    expect(pdfInfo(pdf)).toMatch(/Tagged:\s+yes/);
    expect(pdfInfo(pdf)).toContain('令和6年度における保険者機能強化推進交付金等の評価結果について');
    expect(pdfFontRows(pdf).every((f) => f.emb === 'yes' && /BIZUDPGothic/.test(f.name))).toBe(true);
    expect(pageCount(pdf)).toBeGreaterThan(8);
  });

  it('rebuilds nothing on a second run without changes', async () => {
    const before = statSync(join(out, 'kofukin-2024-261009.pdf')).mtimeMs;
    const again = await runMain(['batch', dir, '--out', out]);
    expect(again.stdout).toContain('built 0, unchanged 2, failed 1 of 3');
    expect(statSync(join(out, 'kofukin-2024-261009.pdf')).mtimeMs).toBe(before);
  });

  it('rebuilds only what changed, and everything with --force', async () => {
    const narrative = join(dir, 'town.json');
    const j = JSON.parse(readFileSync(narrative, 'utf8'));
    j.municipality.insuredType1 += 1;
    writeFileSync(narrative, JSON.stringify(j));
    const changed = await runMain(['batch', dir, '--out', out, '--filter', '架空町']);
    expect(changed.stdout).toContain('built 1, unchanged 0, failed 0 of 1');
    const forced = await runMain(['batch', dir, '--out', out, '--force', '--filter', '京都府']);
    expect(forced.stdout).toContain('built 1, unchanged 0, failed 0 of 1');
  });

  it('--with-framework adds 参考資料1 (11 pages) and rebuilds the reports made without it', async () => {
    const pdf = join(out, 'kofukin-2024-261009.pdf');
    const without = pageCount(pdf);
    const withFramework = await runMain(['batch', dir, '--out', out, '--with-framework', '--filter', '京都府']);
    expect(withFramework.code, withFramework.stderr).toBe(0);
    expect(withFramework.stdout).toContain('built 1, unchanged 0, failed 0 of 1');
    expect(pageCount(pdf)).toBe(without + 11);
    expect(pdfText(pdf)).toContain('参考資料1');
    const again = await runMain(['batch', dir, '--out', out, '--with-framework', '--filter', '京都府']);
    expect(again.stdout).toContain('built 0, unchanged 1, failed 0 of 1');
  });
});

describe('batch from a national results file', () => {
  const nation = join(work, 'nation.csv');
  beforeAll(async () => {
    const r = await runMain(['synth', '--seed', '3', '--count', '30', '--per-indicator', '--out', nation]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('shards 1/3, 2/3, 3/3 together cover every municipality exactly once', async () => {
    const { jobs } = await jobsFromNationalFile(nation);
    expect(jobs).toHaveLength(30);
    const shards = [1, 2, 3].map((i) => shardJobs(jobs, parseShard(`${i}/3`)).map((j) => j.code));
    expect(shards.map((s) => s.length)).toEqual([10, 10, 10]);
    expect(shards.flat().sort()).toEqual(jobs.map((j) => j.code).sort());
    expect(new Set(shards.flat()).size).toBe(30);
    // deterministic: the same shard twice is the same list
    expect(shardJobs(jobs, parseShard('2/3')).map((j) => j.code)).toEqual(shards[1]);
    expect(() => parseShard('4/3')).toThrow(/1 ≤ i ≤ n/);
    expect(filterJobs(jobs, [jobs[0]!.prefecture]).every((j) => j.prefecture === jobs[0]!.prefecture)).toBe(true);
  });

  it('recovers from a browser killed mid-batch, retrying only the affected reports', async () => {
    // three reports without the peer section (not what is tested): the browser is killed after
    // the first lands, while the second is in flight
    const { jobs, extraText } = await jobsFromNationalFile(nation, 2024, 'none');
    const some = jobs.slice(0, 3);
    let pid: number | undefined;
    let killed = false;
    const attempts: number[] = [];
    const summary = await runBatch(some, {
      outDir: join(work, 'out-kill'),
      concurrency: 2,
      // a browser of its own, killed below: not the run's shared one
      browser: { browserWSEndpoint: '' },
      force: true,
      strict: false,
      extraText,
      onBrowser: (p) => {
        pid = p;
      },
      onReport: (e) => {
        attempts.push(e.attempts);
        if (!killed && e.status === 'built') {
          killed = true;
          process.kill(pid!, 'SIGKILL');
        }
      },
    });
    expect(killed).toBe(true);
    expect(summary.failed).toBe(0);
    expect(summary.built).toBe(3);
    expect(summary.browserRestarts).toBeGreaterThanOrEqual(1);
    expect(Math.max(...attempts)).toBeGreaterThanOrEqual(2); // the report in flight was retried
    expect(readdirSync(join(work, 'out-kill')).filter((f) => f.endsWith('.pdf'))).toHaveLength(3);
  }, SLOW_TEST_MS);
});
