/** `kofukin --version`, and a reader that closes the pipe early (`… --json | head`) is not an error. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { repoRoot, samplePath } from '../helpers/seeds.ts';

const version = (JSON.parse(readFileSync(`${repoRoot}package.json`, 'utf8')) as { version: string }).version;

describe('kofukin --version', () => {
  it('prints the package version and exits 0', async () => {
    for (const flag of ['--version', '-V']) {
      const r = await runMain([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`kofukin-report ${version}\n`);
    }
  });
});

describe('a closed stdout pipe', () => {
  it('summary --json into a reader that stops after a few bytes exits quietly, without a stack trace', async () => {
    const child = spawn(process.execPath, [`${repoRoot}bin/kofukin.js`, 'summary', samplePath('municipality.json'), '--json'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += String(c)));
    // like `| head -c 1`: read one chunk, then close our end of the pipe
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|Error|at .*\.ts:\d+/);
    expect(code).toBe(0);
  }, 60_000);
});
