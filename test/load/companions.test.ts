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
    const r = await runMain(['summary', moved]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`error: ${moved.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 基本情報!B\\d+: the national aggregates \\(全国集計\\) file ".*fy2024-summary\\.json" named here does not exist \\(looked for it relative to .*deeper\\): correct the path here, or give --national FILE`),
    );
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
});
