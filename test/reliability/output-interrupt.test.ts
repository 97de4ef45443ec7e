/**
 * An interrupted run (SIGINT, SIGTERM) leaves out/ exactly as it was: the staged temporary files
 * are removed, the earlier outputs keep their bytes, and the process exits 130 / 143. These need
 * a real process, so they spawn the CLI (or a small script on the output layer) as a user would.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/seeds.ts';
import { writeSyntheticNation } from '../money/nation-fixture.ts';
import { expectUnchanged, snapshot, tempDir } from './output-helpers.ts';

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** Whether the signal was sent while a staged temporary file existed. */
  sentWhileStaged: boolean;
}

/** Starts `args` with node + tsx, sends `signal` as soon as a staged temporary file appears in `watch`. */
function interruptWhenStaged(args: string[], watch: string, signal: NodeJS.Signals): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.stdout.resume();
    let sentWhileStaged = false;
    const poll = setInterval(() => {
      let names: string[] = [];
      try {
        names = readdirSync(watch);
      } catch {
        return;
      }
      if (names.some((n) => n.endsWith('.tmp'))) {
        clearInterval(poll);
        sentWhileStaged = true;
        child.kill(signal);
      }
    }, 5);
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('exit', (code, sig) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ code, signal: sig, stderr, sentWhileStaged });
    });
  });
}

describe('an interrupted run leaves out/ as it was', () => {
  let nation: string;
  beforeAll(() => {
    nation = writeSyntheticNation(6, 300).file;
  });

  it('SIGINT during `kofukin national`: exit 130, earlier outputs byte-identical, no temporary file', async () => {
    const out = join(tempDir('sigint'), 'out');
    mkdirSync(out);
    for (const n of ['kofukin-national-2024.xlsx', 'kofukin-national-2024-aggregates.json', 'kofukin-national-2024.html']) writeFileSync(join(out, n), `earlier ${n}`);
    const before = snapshot(out);
    const r = await interruptWhenStaged(['src/cli.ts', 'national', nation, '--no-pdf', '--out', out, '--date', '2025-01-01'], out, 'SIGINT');
    expect(r.sentWhileStaged, r.stderr).toBe(true);
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toContain('kofukin: interrupted (SIGINT): the files of this run were discarded; earlier outputs are unchanged');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expectUnchanged(out, before);
  });

  it('SIGTERM while an output set holds staged files: exit 143, temporary files and the new folder removed', async () => {
    const dir = tempDir('sigterm');
    const script = join(dir, 'stage-and-wait.mts');
    writeFileSync(
      script,
      [
        `import { OutputSet } from ${JSON.stringify(join(repoRoot, 'src/output/set.ts'))};`,
        `import { setLanguage } from ${JSON.stringify(join(repoRoot, 'src/errors/language.ts'))};`,
        "setLanguage('en'); // a library caller chooses the language of the messages (Japanese by default)",
        'const set = new OutputSet();',
        `await set.write(${JSON.stringify(join(dir, 'new', 'a.html'))}, 'staged');`,
        `await set.write(${JSON.stringify(join(dir, 'new', 'b.pdf'))}, 'staged');`,
        'setInterval(() => undefined, 1000);',
      ].join('\n'),
    );
    const before = snapshot(dir);
    const r = await interruptWhenStaged([script], join(dir, 'new'), 'SIGTERM');
    expect(r.sentWhileStaged).toBe(true);
    expect(r.code, r.stderr).toBe(143);
    expect(r.stderr).toContain('interrupted (SIGTERM)');
    expectUnchanged(dir, before);
  });

  it('SIGINT while the browser is still starting: exit 130, its profile folder removed', async () => {
    const dir = tempDir('launch');
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    // a "browser" that never answers, so the interrupt lands during the launch
    const browser = join(dir, 'slow-chrome');
    writeFileSync(browser, '#!/bin/sh\nsleep 60\n', { mode: 0o755 });
    const script = join(dir, 'launch.mts');
    writeFileSync(
      script,
      [
        `import { launchBrowser } from ${JSON.stringify(join(repoRoot, 'src/print/launch.ts'))};`,
        `await launchBrowser({ executablePath: ${JSON.stringify(browser)}, browserWSEndpoint: '', timeoutMs: 60_000 });`,
      ].join('\n'),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: tmp } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.stdout.resume();
    const profiles = () => readdirSync(tmp).filter((f) => f.startsWith('kofukin-chrome-'));
    // wait for the profile folder, then interrupt
    for (let i = 0; i < 600 && profiles().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(profiles(), stderr).toHaveLength(1);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code, stderr).toBe(130);
    expect(profiles()).toEqual([]);
  });
});
