/**
 * The public `summary --json` document of both bundled samples against golden files: a change to
 * any field or figure other tools read shows up as a diff to review (UPDATE_GOLDENS=1 to accept).
 */
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { expectGolden } from '../helpers/golden.ts';
import { repoRoot } from '../helpers/seeds.ts';

describe.each(['kyoto-2024', 'fictional-town'])('summary --json of the sample %s', (sample) => {
  it('equals its golden file', async () => {
    const r = await runMain(['summary', `${repoRoot}data/samples/${sample}/municipality.json`, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(repoRoot); // no machine-specific path in the document
    expectGolden(`${sample}.summary.json`, r.stdout);
  });
});
