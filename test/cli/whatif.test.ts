import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { samplePath } from '../helpers/seeds.ts';

describe('kofukin whatif', () => {
  it("ranks Kyoto's largest opportunities as a reader of seed 003 would expect", async () => {
    const r = await runMain(['whatif', samplePath('municipality.json'), '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { totalPossible: number; items: Array<{ indicator: string; current: number; maxGain: number; nextGain: number; nextStep: string }> };
    expect(j.totalPossible).toBe(240); // 800 − 560
    const top = j.items.slice(0, 3).map((i) => i.indicator);
    expect(top).toEqual(['suishin.IV.5', 'shien.IV.5', 'suishin.II.ii.1']);
    const carePlan = j.items.find((i) => i.indicator === 'suishin.II.ii.1')!;
    expect([carePlan.current, carePlan.maxGain, carePlan.nextGain, carePlan.nextStep]).toEqual([0, 16, 4, '上位7割に到達（ア）']);
    const outreach = j.items.find((i) => i.indicator === 'shien.I.i.2')!;
    expect([outreach.maxGain, outreach.nextGain]).toEqual([1, 1]);
  });

  it('prints a table', async () => {
    const r = await runMain(['whatif', samplePath('municipality.json'), '--top', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('満点までの点数の合計 240点');
    expect(r.stdout.trim().split('\n')).toHaveLength(2 + 3 + 1);
  });
});
