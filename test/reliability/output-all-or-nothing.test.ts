/**
 * All-or-nothing outputs through the CLI: a command that fails after staging some of its files
 * (the PDF step, a full disk, a rename refused midway) leaves the earlier outputs byte for byte
 * as they were, no temporary or backup file, and no folder it created.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { outputFs } from '../../src/output/set.ts';
import { runMain } from '../helpers/cli.ts';
import { dataPath, samplePath } from '../helpers/seeds.ts';
import { writeSyntheticNation } from '../money/nation-fixture.ts';
import { expectCannotWrite, expectNoStray, expectUnchanged, snapshot, systemError, tempDir } from './output-helpers.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

let nation: ReturnType<typeof writeSyntheticNation>;
beforeAll(() => {
  nation = writeSyntheticNation(3, 300);
});

/** An out folder holding the earlier outputs of a run (any bytes will do: they must survive). */
function earlierOutputs(names: string[]): string {
  const out = join(tempDir('earlier'), 'out');
  mkdirSync(out);
  for (const n of names) writeFileSync(join(out, n), `earlier ${n}\n`);
  writeFileSync(join(out, 'unrelated.txt'), 'not ours');
  return out;
}

/** Makes staging fail with `code` for the output whose name ends in `suffix`, after a partial write. */
const writeNew = outputFs.writeNew.bind(outputFs);
function failWriting(suffix: string, code: string): void {
  vi.restoreAllMocks();
  vi.spyOn(outputFs, 'writeNew').mockImplementation(async (path, data) => {
    if (!path.includes(`${suffix}.`)) return writeNew(path, data);
    await writeNew(path, data.slice(0, 10));
    throw systemError(code, 'write', path);
  });
}

describe('a failed run leaves out/ exactly as it was', () => {
  it('build: the disk fills while the PDF is written after the HTML was staged — earlier HTML and PDF are byte-identical', async () => {
    const names = ['kofukin-2024-261009.html', 'kofukin-2024-261009.pdf'];
    const out = earlierOutputs(names);
    const before = snapshot(out);
    failWriting('kofukin-2024-261009.pdf', 'ENOSPC');
    const r = await runMain(['build', samplePath('municipality.json'), '--out', out]);
    expectCannotWrite(r, 'build', join(out, names[1]!), /no space left on the disk \(ENOSPC\)/);
    expect(r.stdout).toBe('');
    expectUnchanged(out, before);
  });

  it('national --no-pdf: the HTML cannot be written after the XLSX and JSON were staged — all three earlier files stay', async () => {
    const names = ['kofukin-national-2024.xlsx', 'kofukin-national-2024-aggregates.json', 'kofukin-national-2024.html'];
    const out = earlierOutputs(names);
    const before = snapshot(out);
    failWriting('kofukin-national-2024.html', 'EDQUOT');
    const r = await runMain(['national', nation.file, '--no-pdf', '--out', out, '--date', '2025-01-01']);
    expectCannotWrite(r, 'national', join(out, names[2]!), /the disk quota is exceeded \(EDQUOT\)/);
    expectUnchanged(out, before);
  });

  it('grants: the last rename fails after two files were replaced — both are restored from their backups', async () => {
    const names = ['kofukin-grants-2024.xlsx', 'kofukin-grants-2024.csv', 'kofukin-grants-2024.json'];
    const out = earlierOutputs(names);
    const before = snapshot(out);
    const rename = outputFs.rename.bind(outputFs);
    const renamed: string[] = [];
    vi.spyOn(outputFs, 'rename').mockImplementation((from, to) => {
      if (to.endsWith('.json')) throw systemError('EIO', 'rename', from);
      rename(from, to);
      renamed.push(to);
    });
    const r = await runMain(['grants', nation.file, '--out', out, '--date', '2025-01-01']);
    expect(renamed).toEqual([join(out, names[0]!), join(out, names[1]!)]);
    expectCannotWrite(r, 'grants', join(out, names[2]!), /an input\/output error of the disk \(EIO\)/);
    expectUnchanged(out, before);
  });

  it('grants: a new --out folder is not left behind when the run fails', async () => {
    const parent = tempDir('newdir');
    failWriting('kofukin-grants-2024.json', 'ENOSPC');
    const r = await runMain(['grants', nation.file, '--out', join(parent, 'new', 'out'), '--date', '2025-01-01']);
    expect(r.code).toBe(73);
    expect(existsSync(join(parent, 'new'))).toBe(false);
    expect([...snapshot(parent).keys()]).toEqual([]);
  });

  it('the same runs succeed without the failure and replace every file, leaving no temporary file', async () => {
    const out = earlierOutputs(['kofukin-grants-2024.xlsx']);
    const r = await runMain(['grants', nation.file, '--out', out, '--date', '2025-01-01']);
    expect(r.code, r.stderr).toBe(0);
    expect([...snapshot(out).keys()]).toEqual(['kofukin-grants-2024.csv', 'kofukin-grants-2024.json', 'kofukin-grants-2024.xlsx', 'unrelated.txt']);
    expectNoStray(out);
  });

  it('compare and init: one file each, through the same writer', async () => {
    const out = earlierOutputs(['c.xlsx', 'w.xlsx']);
    const before = snapshot(out);
    failWriting('c', 'EROFS');
    const c = await runMain(['compare', dataPath('peers/designated-cities-fy2024.json'), '--out', join(out, 'c.xlsx')]);
    expectCannotWrite(c, 'compare', join(out, 'c.xlsx'), /the file system is read-only \(EROFS\)/);
    failWriting('w', 'EROFS');
    const i = await runMain(['init', samplePath('municipality.json'), '--out', join(out, 'w.xlsx'), '--force']);
    expectCannotWrite(i, 'init', join(out, 'w.xlsx'), /the file system is read-only \(EROFS\)/);
    expectUnchanged(out, before);
  });
});
