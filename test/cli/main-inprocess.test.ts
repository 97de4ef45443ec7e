/** `main(argv, io)` runs a command in-process: output reaches the injected streams, not the process's. */
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { samplePath } from '../helpers/seeds.ts';

describe('main(argv, io)', () => {
  it('writes summary --json to the injected stdout and returns 0', async () => {
    const r = await runMain(['summary', samplePath('municipality.json'), '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toBeTypeOf('object');
    expect(r.stdout).toContain('"suishin"');
  });
  it('an unknown command is exit 64 with the usage on the injected stderr', async () => {
    const r = await runMain(['nope']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('unknown command "nope"');
    expect(r.stdout).toBe('');
  });
});
