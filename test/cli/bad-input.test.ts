/**
 * Malformed or inconsistent inputs: the CLI exits non-zero with a message naming the file, the
 * JSON path or indicator, and the rule broken.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { samplePath } from '../helpers/seeds.ts';

/** A copy of the Kyoto sample in a temp dir, with the municipality file's text transformed. */
function brokenSample(transform: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kofukin-bad-'));
  for (const f of ['grants.json', 'narrative.json']) copyFileSync(samplePath(f), join(dir, f));
  const original = readFileSync(samplePath('municipality.json'), 'utf8').replaceAll('../../', `${samplePath('../../')}`);
  const file = join(dir, 'municipality.json');
  writeFileSync(file, transform(original));
  return file;
}

const mutateJson = (f: (j: any) => void) => (text: string) => {
  const j = JSON.parse(text);
  f(j);
  return JSON.stringify(j, null, 2);
};

/** A literal string as a regular expression. */
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('summary rejects bad input with located errors', () => {
  it('accepts the untouched copy (control)', async () => {
    const r = await runMain(['summary', brokenSample((t) => t)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('bad JSON: names file, line and column', async () => {
    const file = brokenSample((t) => t.replace('"fiscalYear": 2024,', '"fiscalYear": 2024,,'));
    const r = await runMain(['summary', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(/line 2, column \d+/);
    expect(r.stderr).toContain('not valid JSON');
  });

  it('a score above its max: names the indicator path and the maximum', async () => {
    const file = brokenSample(mutateJson((j) => (j.scores['suishin.I.i.1'] = 18)));
    const r = await runMain(['summary', file]);
    expect(r.code).toBe(2);
    // the JSON path and the line and column where the key was typed
    expect(r.stderr).toMatch(new RegExp(`${esc(file)}: ${esc('$.scores["suishin.I.i.1"]')} \\(line \\d+, column 5\\): ${esc('score 18 of "suishin.I.i.1" is above its maximum 16')}`));
  });

  it('a score its 配点 rule cannot produce (15 on a 各4点 indicator)', async () => {
    const file = brokenSample(mutateJson((j) => (j.scores['suishin.I.i.1'] = 15)));
    const r = await runMain(['summary', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`${esc(file)}: ${esc('$.scores["suishin.I.i.1"]')} \\(line \\d+, column 5\\): ${esc('score 15 of "suishin.I.i.1" cannot be produced by its 配点 rule (ア～エ 各4点（最大16点）); possible scores are 0, 4, 8, 12, 16')}`),
    );
    const out = mkdtempSync(join(tmpdir(), 'kofukin-out-'));
    const build = await runMain(['build', file, '--out', out]);
    expect(build.code).toBe(2);
    expect(readdirSync(out)).toEqual([]); // nothing written, not even a temp file
  });

  it('a missing indicator', async () => {
    const file = brokenSample(mutateJson((j) => delete j.scores['shien.III.ii.2']));
    const r = await runMain(['summary', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('indicator "shien.III.ii.2" has no score');
  });

  it('a duplicated indicator (the same key twice in the JSON text)', async () => {
    const file = brokenSample((t) => t.replace('"suishin.I.i.2": 16,', '"suishin.I.i.2": 16,\n    "suishin.I.i.2": 12,'));
    const r = await runMain(['summary', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\$\.scores\["suishin\.I\.i\.2"\] \(line \d+, column 5\): key appears more than once/);
  });

  it('an unknown indicator', async () => {
    const file = brokenSample(mutateJson((j) => (j.scores['suishin.I.i.9'] = 1)));
    const r = await runMain(['summary', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown indicator "suishin.I.i.9"');
  });

  it('stated totals that disagree with the scores', async () => {
    const file = brokenSample(mutateJson((j) => (j.statedTotals.suishin = 278)));
    const r = await runMain(['summary', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\$\.statedTotals\.suishin \(line \d+, column \d+\): stated suishin total 278 does not equal the 277 derived/);
  });

  it('a wrong type: names the path and the expected type', async () => {
    const file = brokenSample(mutateJson((j) => (j.municipality.insuredType1 = '393,443')));
    const r = await runMain(['summary', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('$.municipality.insuredType1');
    expect(r.stderr).toMatch(/expected number/);
  });

  it('reports several problems at once', async () => {
    const file = brokenSample(
      mutateJson((j) => {
        j.scores['suishin.I.i.1'] = 17;
        j.scores['shien.IV.5'] = 21;
      }),
    );
    const r = await runMain(['summary', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"suishin.I.i.1"');
    expect(r.stderr).toContain('"shien.IV.5"');
  });

  it('a peer group that disagrees with the municipality', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kofukin-peer-'));
    const peers = JSON.parse(readFileSync(samplePath('../../peers/designated-cities-fy2024.json'), 'utf8'));
    peers.members[11].shien = 282;
    const peersFile = join(dir, 'peers.json');
    writeFileSync(peersFile, JSON.stringify(peers));
    const r = await runMain(['summary', samplePath('municipality.json'), '--peers', peersFile]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${peersFile}: $.members[11].shien`);
  });

  it('--strict fails on an unscored item without narrative text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kofukin-narr-'));
    const narrative = JSON.parse(readFileSync(samplePath('narrative.json'), 'utf8'));
    narrative.unscored = narrative.unscored.filter((u: { indicator: string }) => u.indicator !== 'shien.I.ii.7');
    const narrativeFile = join(dir, 'narrative.json');
    writeFileSync(narrativeFile, JSON.stringify(narrative));
    const lax = await runMain(['summary', samplePath('municipality.json'), '--narrative', narrativeFile]);
    expect(lax.code).toBe(0);
    expect(lax.stderr).toContain('warning');
    expect(lax.stderr).toContain('"shien.I.ii.7" has no reason');
    const strict = await runMain(['summary', samplePath('municipality.json'), '--narrative', narrativeFile, '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('"shien.I.ii.7" has no reason');
  });

  it('--json prints the documented document', async () => {
    const r = await runMain(['summary', samplePath('municipality.json'), '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.format).toBe('kofukin-summary/1');
    expect(j.scoreSheet.score).toBe(560);
    expect(j.peerPlacement.totalRank).toBe(5);
  });
});
