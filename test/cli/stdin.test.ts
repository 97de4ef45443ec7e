/**
 * `-` reads the main input file from standard input through the input layer: the same size caps,
 * encoding checks and parsers as a file; messages name 標準入力 / stdin; companion files named in
 * a JSON read from stdin resolve relative to the current directory.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { repoRoot, samplePath } from '../helpers/seeds.ts';

const work = mkdtempSync(join(tmpdir(), 'kofukin-stdin-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The Kyoto sample with its companion paths relative to the repository (the tests' current directory). */
function kyotoFromRepoRoot(): string {
  const m = JSON.parse(readFileSync(samplePath('municipality.json'), 'utf8'));
  m.files = {
    national: 'data/national/fy2024-summary.json',
    peers: 'data/peers/designated-cities-fy2024.json',
    grants: 'data/samples/kyoto-2024/grants.json',
    narrative: 'data/samples/kyoto-2024/narrative.json',
  };
  return JSON.stringify(m, null, 2);
}

describe('- reads standard input', () => {
  it('summary -: the same figures as from the file, companions relative to the current directory', async () => {
    expect(process.cwd() + '/').toBe(repoRoot);
    const piped = await runMain(['summary', '-', '--json'], { stdin: kyotoFromRepoRoot() });
    expect(piped.code, piped.stderr).toBe(0);
    const file = await runMain(['summary', samplePath('municipality.json'), '--json']);
    const a = JSON.parse(piped.stdout);
    const b = JSON.parse(file.stdout);
    expect(a.scoreSheet).toEqual(b.scoreSheet);
    expect(a.nationalComparison).toEqual(b.nationalComparison);
    expect(a.peerPlacement).toEqual(b.peerPlacement);
    expect(a.grantHistory).toEqual(b.grantHistory);
  });

  it('bad JSON on stdin is located in 標準入力 / stdin, exit 2', async () => {
    const en = await runMain(['summary', '-'], { stdin: '{ "fiscalYear": 2024,, }' });
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^kofukin summary: error: stdin: line 1, column \d+: /);
    const ja = await runMain(['summary', '-'], { stdin: '{ "fiscalYear": 2024,, }', env: { KOFUKIN_LANG: 'ja' } });
    expect(ja.stderr).toMatch(/^kofukin summary: \S+: 標準入力: line 1, column \d+|^kofukin summary: \S+: 標準入力: 1行/);
    // Shift_JIS JSON is refused as from a file
    const sjis = Buffer.from([0x7b, 0x22, 0x82, 0xa0, 0x22, 0x3a, 0x31, 0x7d]);
    const s = await runMain(['summary', '-'], { stdin: sjis });
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/stdin: .*Shift_JIS/);
  });

  it('whatif - and init - read the municipality file from stdin', async () => {
    const w = await runMain(['whatif', '-', '--top', '3'], { stdin: kyotoFromRepoRoot() });
    expect(w.code, w.stderr).toBe(0);
    expect(w.stdout).toMatch(/^京都市: 満点までの点数の合計 \d+点/);
    const out = join(work, 'kyoto.xlsx');
    const i = await runMain(['init', '-', '--out', out], { stdin: kyotoFromRepoRoot() });
    expect(i.code, i.stderr).toBe(0);
    // the workbook itself from stdin (recognised by its ZIP signature), companions by flag
    const fromWorkbook = await runMain(['summary', '-', '--json', '--national', 'data/national/fy2024-summary.json', '--peers', 'data/peers/designated-cities-fy2024.json'], {
      stdin: readFileSync(out),
    });
    expect(fromWorkbook.code, fromWorkbook.stderr).toBe(0);
    expect(JSON.parse(fromWorkbook.stdout).municipality.name).toBe('京都市');
  });

  it('tiers - and compare - read CSV and JSON from stdin', async () => {
    const raw = readFileSync(`${repoRoot}test/fixtures/raw/fictional-20.csv`);
    const t = await runMain(['tiers', '-', '--json'], { stdin: raw });
    expect(t.code, t.stderr).toBe(0);
    const f = await runMain(['tiers', `${repoRoot}test/fixtures/raw/fictional-20.csv`, '--json']);
    expect({ ...JSON.parse(t.stdout), file: null }).toEqual({ ...JSON.parse(f.stdout), file: null });
    const out = join(work, 'peers.csv');
    const c = await runMain(['compare', '-', '--csv', '--out', out], { stdin: readFileSync(`${repoRoot}data/peers/designated-cities-fy2024.json`) });
    expect(c.code, c.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('京都市');
  });

  it('grants - reads a national results CSV from stdin', async () => {
    const synth = await runMain(['synth', '--count', '60', '--seed', '3']);
    expect(synth.code).toBe(0);
    const r = await runMain(['grants', '-', '--json'], { stdin: synth.stdout });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).municipalities).toHaveLength(60);
  });

  it('- where no file can be piped is a usage error; stdin larger than the cap of its kind is refused', async () => {
    const a = await runMain(['agenda', '-', '--title', 'x', '--date', '2025-01-01']);
    expect(a.code).toBe(64);
    expect(a.stderr).toContain('<report.pdf> cannot be read from standard input (-)');
    const b = await runMain(['batch', '-']);
    expect(b.code).toBe(64);
    const big = await runMain(['summary', '-'], { stdin: Buffer.alloc(11 * 1024 * 1024, 0x20) });
    expect(big.code).toBe(2);
    expect(big.stderr).toMatch(/stdin: is too large for a JSON file/);
  });
});
