/**
 * A municipality file (JSON or the fill-in workbook) that names a companion file which is not
 * there — a workbook moved away from its companions, a typo — is reported where the file is
 * named: the 基本情報 cell or the JSON path, with the folder it was looked for in.
 */
import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { samplePath } from '../helpers/seeds.ts';

const work = mkdtempSync(join(tmpdir(), 'kofukin-companions-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a missing companion file', () => {
  it('of a moved workbook names the 基本情報 cell to fix', async () => {
    const made = join(work, 'kyoto.xlsx');
    expect((await runMain(['init', samplePath('municipality.json'), '--out', made])).code).toBe(0);
    const moved = join(work, 'elsewhere', 'deeper', 'kyoto.xlsx');
    mkdirSync(join(work, 'elsewhere', 'deeper'), { recursive: true });
    renameSync(made, moved);
    const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // under --strict the missing national file is an error at its cell
    const strict = await runMain(['summary', moved, '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(
      new RegExp(`error: ${esc(moved)}: 基本情報!B\\d+: the national aggregates \\(全国集計\\) file ".*fy2024-summary\\.json" named here does not exist \\(looked for it relative to .*deeper\\): correct the path here, or give --national FILE`),
    );
    // otherwise the bundled national figures stand in, with a warning naming the cell and the file
    const r = await runMain(['summary', moved]);
    expect(r.code).toBe(2); // the peer group is still missing
    expect(r.stderr).toMatch(new RegExp(`warning: ${esc(moved)}: 基本情報!B\\d+: the national aggregates file ".*fy2024-summary\\.json" named here does not exist, so the bundled national figures .*data/national/fy2024-summary\\.json were used`));
    expect(r.stderr).toMatch(/基本情報!B\d+: the peer group \(比較グループ\) file .* or give --peers FILE/);
    expect(r.stderr).not.toMatch(/ENOENT|\n\s+at /);
    // the flag is the other way out
    const fixed = await runMain(['summary', moved, '--national', samplePath('../../national/fy2024-summary.json'), '--peers', samplePath('../../peers/designated-cities-fy2024.json')]);
    expect(fixed.code, fixed.stderr).toBe(0);
  });

  it('of a JSON file names its JSON path with line and column', async () => {
    const copy = join(work, 'municipality.json');
    copyFileSync(samplePath('municipality.json'), copy);
    const r = await runMain(['summary', copy]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/municipality\.json: \$\.files\.grants \(line \d+, column \d+\): the grant history \(交付金の推移\) file "grants\.json" named here does not exist/);
    expect(r.stderr).toMatch(/\$\.files\.narrative \(line \d+, column \d+\): .* or give --narrative FILE/);
  });

  it('of national figures falls back to the bundled ones of the fiscal year, with a warning (an error under --strict)', async () => {
    const copy = join(work, 'only-national-missing', 'municipality.json');
    mkdirSync(join(work, 'only-national-missing'), { recursive: true });
    copyFileSync(samplePath('municipality.json'), copy);
    const flags = ['--peers', samplePath('../../peers/designated-cities-fy2024.json'), '--grants', samplePath('grants.json'), '--narrative', samplePath('narrative.json')];
    const r = await runMain(['summary', copy, ...flags]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: .*municipality\.json: \$\.files\.national \(line \d+, column \d+\): the national aggregates file "\.\.\/\.\.\/national\/fy2024-summary\.json" named here does not exist, so the bundled national figures \S*data\/national\/fy2024-summary\.json were used/);
    expect(r.stdout).toContain('■ 全国との比較（1741市町村）');
    const ja = await runMain(['summary', copy, ...flags], { env: { KOFUKIN_LANG: 'ja' } });
    expect(ja.stderr).toContain('が見つからないため、同梱の全国集計');
    const strict = await runMain(['summary', copy, ...flags, '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/error: .*\$\.files\.national .*named here does not exist \(looked for it relative to/);
  });
});
