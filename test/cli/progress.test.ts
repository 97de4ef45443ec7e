/**
 * Progress lines on stderr for the long commands: with --progress (or on a terminal), in the
 * user's language, never on stdout, never with --quiet.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { main } from '../../src/cli.ts';
import { runMain } from '../helpers/cli.ts';
import { samplePath } from '../helpers/seeds.ts';
import { SLOW_TEST_MS } from '../helpers/time-limits.ts';

const work = mkdtempSync(join(tmpdir(), 'kofukin-progress-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('progress on stderr', () => {
  it('build --progress: numbered steps on stderr, only the files on stdout; without --out, where it wrote', async () => {
    // run in a folder of its own without --out: the files go to ./out, and the last line says so
    const cwd = join(work, 'build');
    mkdirSync(cwd);
    const out = join(cwd, 'out');
    const before = process.cwd();
    process.chdir(cwd);
    let r;
    try {
      r = await runMain(['build', samplePath('municipality.json'), '--progress']);
    } finally {
      process.chdir(before);
    }
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${join(out, 'kofukin-2024-261009.pdf')}\n${join(out, 'kofukin-2024-261009.html')}\n`);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      `kofukin build: [1/4] reading ${samplePath('municipality.json')}`,
      'kofukin build: [2/4] deriving…',
      'kofukin build: [3/4] printing…',
      `kofukin build: [4/4] writing ${out}`,
      `kofukin build: hint: written to ${out} (choose another folder with --out DIR)`,
    ]);
    // the Japanese wording and --quiet, on builds that stop at the launch of an unusable browser
    // (exit 69) so nothing is printed twice: the steps before it show, in the user's language
    const noBrowser = ['--browser', join(work, 'no-such-browser')];
    const ja = await runMain(['build', samplePath('municipality.json'), '--out', join(work, 'ja'), '--progress', '--lang', 'ja', ...noBrowser]);
    expect(ja.code).toBe(69);
    expect(ja.stderr).toContain('kofukin build: [1/4] 読み込み: ');
    expect(ja.stderr).toContain('kofukin build: [2/4] 集計中…');
    expect(ja.stderr).toContain('kofukin build: [3/4] 印刷中…');
    expect(ja.stderr).toContain('ブラウザーは使えません');
    expect(ja.stdout).toBe('');
    const quiet = await runMain(['build', samplePath('municipality.json'), '--out', join(work, 'quiet'), '--progress', '--quiet', ...noBrowser]);
    expect(quiet.code).toBe(69);
    expect(quiet.stderr).not.toContain('[1/4]');
    expect(quiet.stderr).not.toContain('reading');
    // agenda binds the report just built
    const packet = join(work, 'packet.pdf');
    const a = await runMain(['agenda', join(out, 'kofukin-2024-261009.pdf'), '--title', '介護保険運営協議会', '--date', '2025-03-01', '--out', packet, '--progress']);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toBe(`${packet}\n`);
    expect(a.stderr).toBe(
      `kofukin agenda: [1/3] reading ${join(out, 'kofukin-2024-261009.pdf')}\nkofukin agenda: [2/3] binding 1 PDF(s)…\nkofukin agenda: [3/3] writing ${packet}\n`,
    );
  }, SLOW_TEST_MS);

  it('none when stderr is not a terminal and --progress is not given; shown on a terminal', async () => {
    const r = await runMain(['compare', samplePath('../../peers/designated-cities-fy2024.json'), '--out', join(work, 'c.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines: string[] = [];
    const tty = Object.assign(new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) }), { isTTY: true });
    const sink = new Writable({ write: (_c, _e, done) => done() });
    const code = await main(['compare', samplePath('../../peers/designated-cities-fy2024.json'), '--out', join(work, 'd.xlsx')], {
      stdout: sink,
      stderr: tty,
      env: { ...process.env, KOFUKIN_LANG: 'en' },
    });
    expect(code).toBe(0);
    expect(lines.join('')).toMatch(/^kofukin compare: \[1\/3\] reading .*designated-cities-fy2024\.json\nkofukin compare: \[2\/3\] making the comparison table…\nkofukin compare: \[3\/3\] writing .*d\.xlsx\n$/);
  });

  it('summary --json --progress keeps stdout pure JSON', async () => {
    const r = await runMain(['summary', samplePath('municipality.json'), '--json', '--progress']);
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it('national, grants and synth report their steps', async () => {
    const nation = join(work, 'nation.csv');
    const s = await runMain(['synth', '--count', '50', '--per-indicator', '--out', nation, '--progress']);
    expect(s.code).toBe(0);
    expect(s.stderr).toBe(`kofukin synth: [1/2] generating 50 municipalities…\nkofukin synth: [2/2] writing ${nation}\n`);
    expect(s.stdout).toBe(`${nation}\n`);
    const n = await runMain(['national', nation, '--out', join(work, 'nat'), '--no-pdf', '--date', '2025-01-01', '--progress']);
    expect(n.code, n.stderr).toBe(0);
    expect(n.stderr.split('\n').filter(Boolean).map((l) => l.replace(/ \/.*/, ''))).toEqual([
      'kofukin national: [1/4] reading',
      'kofukin national: [2/4] deriving…',
      'kofukin national: [3/4] writing',
      'kofukin national: [4/4] rendering…',
    ]);
    const g = await runMain(['grants', nation, '--json', '--progress']);
    expect(g.code).toBe(0);
    expect(g.stderr).toBe(`kofukin grants: [1/3] reading ${nation}\nkofukin grants: [2/3] estimating the grants…\n`);
    expect(JSON.parse(g.stdout).format).toBe('kofukin-grants/1');
  }, SLOW_TEST_MS);
});
