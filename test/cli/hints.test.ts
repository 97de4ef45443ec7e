/**
 * Hints where a user is likely to be stuck, each through the CLI: a totals-only national file
 * for batch or --nation, a mistyped command, option or file name, a folder where a file is
 * expected, a missing argument, and where build wrote without --out.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { samplePath } from '../helpers/seeds.ts';
import { SLOW_TEST_MS } from '../helpers/time-limits.ts';

const work = mkdtempSync(join(tmpdir(), 'kofukin-hints-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let grantsLevel: string;
let totalsOnly: string;
beforeAll(async () => {
  // synth without --per-indicator: the columns suishin, shien and total only
  grantsLevel = join(work, 'nation-grants.csv');
  expect((await runMain(['synth', '--count', '40', '--out', grantsLevel])).code).toBe(0);
  // and a file with only the overall total
  const rows = readFileSync(grantsLevel, 'utf8').replace(/^\uFEFF/, '').trim().split('\n').map((l) => l.split(','));
  const keep = rows[0]!.map((h, i) => (['suishin', 'shien'].includes(h) ? -1 : i)).filter((i) => i >= 0);
  totalsOnly = join(work, 'nation-total.csv');
  writeFileSync(totalsOnly, rows.map((r) => keep.map((i) => r[i]).join(',')).join('\n') + '\n');
});

describe('hints', () => {
  it('batch given a national file without indicator columns says how to get one', async () => {
    const r = await runMain(['batch', grantsLevel, '--out', join(work, 'batch')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('this file has only totals');
    expect(r.stderr).toContain('kofukin batch: hint: give a national file with a column per indicator (suishin.I.i.1 … shien.IV.5); to try it out, kofukin synth --per-indicator --out nation.csv writes a fictional one');
    const ja = await runMain(['batch', grantsLevel, '--out', join(work, 'batch')], { env: { KOFUKIN_LANG: 'ja' } });
    expect(ja.stderr).toContain('kofukin batch: ヒント: 指標ごとの得点');
    expect(ja.stderr).toContain('kofukin synth --per-indicator');
  });

  it('--nation with only an overall total says which columns are needed', async () => {
    const r = await runMain(['summary', samplePath('municipality.json'), '--nation', totalsOnly]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/kofukin summary: hint: give a national file with each grant's score \(the columns suishin and shien, or a column per indicator\)/);
    const g = await runMain(['grants', totalsOnly, '--json']);
    expect(g.code).toBe(2);
    expect(g.stderr).toContain('kofukin grants: hint: give a national file with each grant');
  });

  it('an unknown command suggests the closest one; an unknown option the closest option', async () => {
    const r = await runMain(['buidl', 'x.json']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('kofukin: hint: did you mean kofukin build?');
    const ja = await runMain(['sumary'], { env: { KOFUKIN_LANG: 'ja' } });
    expect(ja.stderr).toContain('不明なコマンド "sumary" です');
    expect(ja.stderr).toContain('kofukin summary のことですか？');
    const far = await runMain(['xyzzy']);
    expect(far.stderr).not.toContain('did you mean');
    const o = await runMain(['build', samplePath('municipality.json'), '--outdir', 'x']);
    expect(o.code).toBe(64);
    expect(o.stderr).toMatch(/^kofukin build: unknown option --outdir \(did you mean --out\?\)\n\nusage: kofukin build <municipality\.json\|\.xlsx> \[--out DIR\]/);
  });

  it('a folder where a file is expected names the file in it', async () => {
    const r = await runMain(['summary', samplePath('.')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/kofukin summary: error: \S+kyoto-2024: is a folder, not a file\. give the file in it: \S+kyoto-2024\/municipality\.json/);
    const ja = await runMain(['build', samplePath('.')], { env: { KOFUKIN_LANG: 'ja' } });
    expect(ja.stderr).toMatch(/フォルダです。この中のファイルを指定してください: \S+\/municipality\.json/);
    const several = join(work, 'several');
    mkdirSync(several);
    writeFileSync(join(several, 'a.csv'), 'x');
    writeFileSync(join(several, 'b.xlsx'), 'x');
    const t = await runMain(['tiers', several]);
    expect(t.stderr).toContain('give one of the files in it (a.csv, b.xlsx)');
    const empty = join(work, 'empty');
    mkdirSync(empty);
    const none = await runMain(['compare', empty]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('is a folder, not a file. it holds no .json file');
  });

  it('a mistyped file name suggests the file that is there', async () => {
    const r = await runMain(['summary', samplePath('municipalty.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: \S+municipalty\.json: no such file \(looked in \S+kyoto-2024\)/);
    expect(r.stderr).toMatch(/hint: did you mean \S+kyoto-2024\/municipality\.json\?/);
  });

  it('a missing argument shows an example', async () => {
    const r = await runMain(['build']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('kofukin build: missing argument <municipality.json|.xlsx>\nhint: for example: kofukin build data/samples/kyoto-2024/municipality.json\n\nusage: kofukin build');
    const ja = await runMain(['summary'], { env: { KOFUKIN_LANG: 'ja' } });
    expect(ja.stderr).toContain('引数 <municipality.json|.xlsx> がありません\nヒント: 例: kofukin summary');
    expect(ja.stderr).toContain('使い方: kofukin summary');
  });

  it('build without --out says where it wrote, but not with --quiet', async () => {
    // the hint itself, after the progress lines, is checked in test/cli/progress.test.ts
    const dir = join(work, 'cwd');
    mkdirSync(dir);
    const before = process.cwd();
    process.chdir(dir);
    try {
      const q = await runMain(['build', samplePath('municipality.json'), '--quiet']);
      expect(q.code, q.stderr).toBe(0);
      expect(q.stdout).toBe(`${join(dir, 'out', 'kofukin-2024-261009.pdf')}\n${join(dir, 'out', 'kofukin-2024-261009.html')}\n`);
      expect(q.stderr).toBe('');
    } finally {
      process.chdir(before);
    }
  }, SLOW_TEST_MS);
});
