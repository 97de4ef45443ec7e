/**
 * The few tests that need a real process (every other CLI test runs `main` in-process): the bin
 * starts through tsx and turns main's result into the process exit code, usage and input errors
 * give 64 and 2, and a whole build in a process of its own (its own browser) writes its files and
 * exits — nothing left running keeps the process alive.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSER_WS_ENV } from '../../src/print/launch.ts';
import { runCli } from '../helpers/cli.ts';
import { repoRoot } from '../helpers/seeds.ts';
import { SLOW_TEST_MS } from '../helpers/time-limits.ts';

const dir = mkdtempSync(join(tmpdir(), 'kofukin-smoke-'));

function bin(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin/kofukin.js'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: SLOW_TEST_MS,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

describe('bin/kofukin.js', () => {
  it('--help: the commands, exit 0', () => {
    const r = bin(['--help']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: kofukin <command> \[options\]/);
    for (const c of ['summary', 'build', 'compare', 'init', 'batch', 'whatif', 'agenda', 'national', 'grants', 'synth', 'tiers'])
      expect(r.stdout).toMatch(new RegExp(`\\n  ${c} +\\S`));
  });

  it('no command, or an unknown one: usage on the streams, exit 64', () => {
    const none = bin([]);
    expect(none.code).toBe(64);
    expect(none.stdout).toContain('usage: kofukin <command>');
    const unknown = bin(['nope']);
    expect(unknown.code).toBe(64);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('kofukin: unknown command "nope"');
  });

  it('a whole build in its own process, with its own browser: exit 0, the PDF and the HTML written', () => {
    const out = join(dir, 'out');
    const r = bin(['build', `${repoRoot}data/samples/fictional-town/municipality.json`, '--out', out], { [BROWSER_WS_ENV]: '' });
    expect(r.stderr).toBe('');
    expect([r.code, r.signal]).toEqual([0, null]);
    expect(r.stdout.trim().split('\n')).toEqual([join(out, 'kofukin-2024-990001.pdf'), join(out, 'kofukin-2024-990001.html')]);
    expect(readdirSync(out).sort()).toEqual(['kofukin-2024-990001.html', 'kofukin-2024-990001.pdf']);
  }, SLOW_TEST_MS);
});

describe('node --import tsx src/cli.ts', () => {
  it('bad input: located error on stderr, nothing on stdout, exit 2', () => {
    const file = join(dir, 'municipality.json');
    writeFileSync(file, '{ "fiscalYear": 2024,, }\n');
    const r = runCli(['summary', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`kofukin summary: error: ${file}: line 1, column`);
  });
});

describe('the test run', () => {
  it("shares one browser: its address is in the product's KOFUKIN_BROWSER_WS_ENDPOINT", () => {
    expect(BROWSER_WS_ENV).toBe('KOFUKIN_BROWSER_WS_ENDPOINT'); // the name test/setup/worker.ts writes out
    expect(process.env[BROWSER_WS_ENV]).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/devtools\/browser\//);
  });
});
