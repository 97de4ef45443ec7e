/**
 * Batch inputs and the out folder, through the CLI (in-process): any input folder (recursive,
 * municipality files told apart from companion files by content, .json and fill-in .xlsx), a
 * duplicated municipality refused before anything is built, the out-folder lock, --shard auto/n
 * and merging the shards' out folders into one.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { resolveShard } from '../../src/batch/shard.ts';
import { batchSpec } from '../../src/cli/specs/batch.ts';
import { setLanguage } from '../../src/errors/language.ts';
import { SIZE_CAPS } from '../../src/input/file.ts';
import { runMain } from '../helpers/cli.ts';
import { repoRoot } from '../helpers/seeds.ts';
import { SLOW_TEST_MS } from '../helpers/time-limits.ts';

const work = mkdtempSync(join(tmpdir(), 'kofukin-batch-inputs-'));
const sample = (name: string, file: string) => `${repoRoot}data/samples/${name}/${file}`;

/** The Kyoto sample as a municipality file in `dir`, its companions copied beside it (names unchanged). */
function kyotoJson(dir: string, name = 'kyoto.json', edit: (j: Record<string, any>) => void = () => undefined): string {
  mkdirSync(dir, { recursive: true });
  const j = JSON.parse(readFileSync(sample('kyoto-2024', 'municipality.json'), 'utf8'));
  for (const [k, f] of Object.entries(j.files as Record<string, string>)) {
    if (f.startsWith('..')) j.files[k] = sample('kyoto-2024', f); // a shared file (the national table): by its absolute path
    else copyFileSync(sample('kyoto-2024', f), join(dir, f));
  }
  edit(j);
  writeFileSync(join(dir, name), JSON.stringify(j, null, 1));
  return join(dir, name);
}

function qpdfCheck(file: string): number {
  return spawnSync('qpdf', ['--check', file]).status ?? -1;
}

describe('batch on any input folder', () => {
  it('searches subfolders and builds a .json and a filled-in .xlsx, passing over companion files; takes over a stale lock', async () => {
    const input = join(work, 'mixed');
    kyotoJson(join(input, 'kyoto'));
    mkdirSync(join(input, 'towns', '2024'), { recursive: true });
    const workbook = join(input, 'towns', '2024', 'town.xlsx');
    expect((await runMain(['init', sample('fictional-town', 'municipality.json'), '--out', workbook])).code).toBe(0);
    // a workbook that is not a fill-in workbook, and a national results file: not municipality files
    expect((await runMain(['synth', '--seed', '1', '--count', '3', '--per-indicator', '--out', join(input, 'nation.xlsx')])).code).toBe(0);

    const out = join(work, 'out-mixed');
    mkdirSync(out);
    // a lock left by a batch that was killed: a process that has ended
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(join(out, '.kofukin-batch.lock'), JSON.stringify({ pid: Number(dead.stdout), host: hostname(), started: '2026-01-01T00:00:00.000Z' }));
    // …and what it was writing when it was killed: a staged file, and a file it had moved aside
    // before renaming the new one in (its own file is missing)
    writeFileSync(join(out, `.kofukin-2024-261009.pdf.${dead.stdout}.0123456789ab.tmp`), 'half a PDF');
    writeFileSync(join(out, `.old-notes.txt.${dead.stdout}.0123456789ab.bak`), 'the notes as they were');
    writeFileSync(join(out, `.kofukin-batch.lock.${dead.stdout}.tmp`), '{');

    const r = await runMain(['batch', input, '--out', out, '--concurrency', '2']);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.stderr).toContain('2 municipality file(s) (1 .json, 1 fill-in workbook(s)); 3 other .json/.xlsx file(s) are not municipality files');
    expect(r.stderr).toContain(`took over the lock of an earlier batch that is no longer running (process ${dead.stdout}, started 2026-01-01T00:00:00.000Z)`);
    expect(r.stdout).toContain('built 2, unchanged 0, failed 0 of 2');
    const pdfs = readdirSync(out).filter((f) => f.endsWith('.pdf')).sort();
    expect(pdfs).toEqual(['kofukin-2024-261009.pdf', 'kofukin-2024-990001.pdf']);
    for (const p of pdfs) expect(qpdfCheck(join(out, p))).toBe(0);
    expect(execFileSync('pdftotext', [join(out, 'kofukin-2024-990001.pdf'), '-'], { encoding: 'utf8' })).toContain('架空町');
    expect(existsSync(join(out, '.kofukin-batch.lock'))).toBe(false);
    expect(readdirSync(out).filter((f) => /\.(tmp|bak|journal)$/.test(f))).toEqual([]);
    expect(readFileSync(join(out, 'old-notes.txt'), 'utf8')).toBe('the notes as they were');
  }, SLOW_TEST_MS);

  it('two inputs for the same municipality and year: exit 2 naming both files, nothing built', async () => {
    const input = join(work, 'dup');
    const first = kyotoJson(join(input, 'a'));
    const second = kyotoJson(join(input, 'b', 'deeper'), 'copy-of-kyoto.json', (j) => (j.municipality.name = '京都市（再提出）'));
    const out = join(work, 'out-dup');
    const r = await runMain(['batch', input, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(second);
    expect(r.stderr).toContain(`a second input for municipality 261009, fiscal year 2024 (the first is ${first})`);
    expect(existsSync(out)).toBe(false);
    const ja = await runMain(['batch', input, '--out', out], { env: { KOFUKIN_LANG: 'ja' } });
    expect(ja.stderr).toContain('自治体コード 261009・2024年度の入力が2つあります');
  });

  it('a folder without municipality files is exit 2, not "0 of 0"', async () => {
    const input = join(work, 'only-companions');
    mkdirSync(input);
    copyFileSync(sample('kyoto-2024', 'narrative.json'), join(input, 'narrative.json'));
    const r = await runMain(['batch', input, '--out', join(work, 'out-none')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no municipality files in this folder or its subfolders');
  });

  it('a narrative beyond the 10 MB limit is refused up front with the limit named (exit 1 with the report listed, not a print timeout)', async () => {
    const input = join(work, 'huge');
    kyotoJson(input);
    const narrative = JSON.parse(readFileSync(join(input, 'narrative.json'), 'utf8'));
    narrative.unscored[0].reason = [String('長い記述。').repeat(Math.ceil(SIZE_CAPS.json / 15) + 1000)];
    writeFileSync(join(input, 'narrative.json'), JSON.stringify(narrative));
    const started = performance.now();
    const r = await runMain(['batch', input, '--out', join(work, 'out-huge')]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('failed 1 of 1');
    expect(r.stdout).toMatch(/narrative\.json: is too large for a JSON file: .* the limit is 10\.0 MB/);
    expect(performance.now() - started).toBeLessThan(60_000); // no print was attempted
  });

  it('another batch writing to the out folder: exit 75 naming it', async () => {
    const input = join(work, 'locked-in');
    kyotoJson(input);
    const out = join(work, 'out-locked');
    mkdirSync(out);
    writeFileSync(join(out, '.kofukin-batch.lock'), JSON.stringify({ pid: process.pid, host: hostname(), started: '2026-01-02T03:04:05.000Z' }));
    const r = await runMain(['batch', input, '--out', out]);
    expect(r.code).toBe(75);
    expect(r.stderr).toContain(`another batch (process ${process.pid} on ${hostname()}, started 2026-01-02T03:04:05.000Z) is writing to ${out}`);
    expect(existsSync(join(out, '.kofukin-batch.lock'))).toBe(true); // not ours to remove
  });
});

describe('shards', () => {
  it('--shard auto/n reads KOFUKIN_SHARD_INDEX, JOB_COMPLETION_INDEX (0-based) or CI_NODE_INDEX', () => {
    const previous = setLanguage('en');
    onTestFinished(() => void setLanguage(previous));
    expect(resolveShard('auto/4', { JOB_COMPLETION_INDEX: '0' })).toEqual({ index: 1, count: 4 });
    expect(resolveShard('auto/4', { JOB_COMPLETION_INDEX: '3' })).toEqual({ index: 4, count: 4 });
    expect(resolveShard('auto/4', { CI_NODE_INDEX: '2' })).toEqual({ index: 2, count: 4 });
    expect(resolveShard('auto/4', { KOFUKIN_SHARD_INDEX: '3', JOB_COMPLETION_INDEX: '0' })).toEqual({ index: 3, count: 4 });
    expect(() => resolveShard('auto/4', { JOB_COMPLETION_INDEX: '4' })).toThrow('JOB_COMPLETION_INDEX=4 is not a shard number of 4 shards');
    expect(() => resolveShard('auto/4', {})).toThrow(/needs the shard number: set KOFUKIN_SHARD_INDEX/);
  });

  it('two shards from a Kubernetes-style index, merged into one folder that a later unsharded run finds complete', async () => {
    const nation = join(work, 'nation4.csv');
    expect((await runMain(['synth', '--seed', '5', '--count', '4', '--per-indicator', '--out', nation])).code).toBe(0);
    const shardDirs = [join(work, 'shards', 'shard-0'), join(work, 'shards', 'shard-1')];
    for (const [i, dir] of shardDirs.entries()) {
      const r = await runMain(['batch', nation, '--shard', 'auto/2', '--out', dir], { env: { JOB_COMPLETION_INDEX: String(i), KOFUKIN_SHARD_INDEX: '', CI_NODE_INDEX: '' } });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`2 of 4 municipalities (shard ${i + 1}/2)`);
      expect(existsSync(join(dir, `batch-summary-${i + 1}-of-2.json`))).toBe(true);
    }
    const merged = join(work, 'merged');
    const m = await runMain(['batch', '--merge', ...shardDirs, '--out', merged]);
    expect(m.code, m.stderr).toBe(0);
    expect(m.stderr).toContain(`merged 4 report(s) and the manifests and summaries of 2 shard(s) into ${merged}`);
    const summary = JSON.parse(readFileSync(join(merged, 'batch-summary.json'), 'utf8'));
    expect([summary.total, summary.built, summary.failed]).toEqual([4, 4, 0]);
    expect(summary.shards.map((s: { dir: string; built: number }) => [s.dir, s.built])).toEqual(shardDirs.map((d) => [d, 2]));
    expect(readdirSync(merged).filter((f) => f.endsWith('.pdf'))).toHaveLength(4);
    const again = await runMain(['batch', nation, '--out', merged]);
    expect(again.stdout).toContain('built 0, unchanged 4, failed 0 of 4');
    // the same report in two shards: the shards were not made with one n
    const bad = await runMain(['batch', '--merge', shardDirs[0]!, merged, '--out', join(work, 'merged-bad')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/kofukin-2024-\d{6} is in .*shard-0 too: the same report is in two shards/);
  }, SLOW_TEST_MS);
});

describe('batch --help', () => {
  it('lists every option', async () => {
    const r = await runMain(['batch', '--help']);
    expect(r.code).toBe(0);
    const options = ['out', 'filter', 'concurrency', 'shard', 'merge', 'force', 'strict', 'docx', 'with-framework', 'browser', 'print-timeout', 'national', 'peers', 'grants', 'narrative', 'catalog'];
    for (const o of options) expect(r.stdout).toContain(`--${o}`);
    expect(r.stdout).toContain('75 another batch is writing to the out folder');
    // and every option the command declares
    for (const o of Object.keys(batchSpec.options)) expect(r.stdout).toContain(`--${o}`);
    expect(Object.keys(batchSpec.options)).toEqual(expect.arrayContaining(options));
  });
});
