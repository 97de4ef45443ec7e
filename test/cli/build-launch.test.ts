/**
 * `build` starts the browser while it renders the report: a browser that cannot start is still
 * reported as such (exit 69, nothing written), and bad input is reported before any launch.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { samplePath } from '../helpers/seeds.ts';

const dir = mkdtempSync(join(tmpdir(), 'kofukin-build-launch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const missingBrowser = join(dir, 'no-such-chrome');

describe('build with a browser launched ahead', () => {
  it('a browser that cannot be used: exit 69 naming it, no file written', async () => {
    const out = join(dir, 'out-69');
    const r = await runMain(['build', samplePath('municipality.json'), '--browser', missingBrowser, '--out', out]);
    expect(r.code).toBe(69);
    expect(r.stderr).toContain(missingBrowser);
    expect(r.stdout).toBe('');
    expect(existsSync(out) ? readdirSync(out).filter((f) => /\.(pdf|html)$/.test(f)) : []).toEqual([]);
  });

  it('bad input with a browser that cannot be used: the input error (exit 2) comes first', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "fiscalYear": ');
    const r = await runMain(['build', bad, '--browser', missingBrowser, '--out', join(dir, 'out-2')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.json');
    expect(r.stderr).not.toContain(missingBrowser);
  });
});
