/**
 * Outputs that cannot be written are the environment's fault, not a bug: exit 73 with a message
 * naming the output and the cause in words, no stack trace, nothing changed. Tests run as root,
 * where chmod does not stop a write, so the cases use what refuses even root: a file where a
 * folder should be (ENOTDIR, EEXIST), a folder where a file should be (EISDIR), /sys (EACCES,
 * EPERM); a full disk and a read-only file system are simulated at the file-system call.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeErrorOutsideOutputs } from '../../src/output/cannot-write.ts';
import { outputFs } from '../../src/output/set.ts';
import { runMain } from '../helpers/cli.ts';
import { dataPath } from '../helpers/seeds.ts';
import { writeSyntheticNation } from '../money/nation-fixture.ts';
import { expectCannotWrite, expectNoStray, expectUnchanged, snapshot, systemError, tempDir } from './output-helpers.ts';

const peers = dataPath('peers/designated-cities-fy2024.json');

let nation: ReturnType<typeof writeSyntheticNation>;
beforeAll(() => {
  nation = writeSyntheticNation(4, 120);
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Whether /sys refuses to create files here (a sysfs mount), checked rather than assumed. */
function sysRefusesWrites(): boolean {
  try {
    writeFileSync('/sys/kofukin-probe', 'x');
    return false;
  } catch (err) {
    return ['EACCES', 'EPERM', 'EROFS'].includes((err as NodeJS.ErrnoException).code ?? '');
  }
}
const SYS = existsSync('/sys') && sysRefusesWrites();

describe('cannot write: exit 73, the path and the cause named', () => {
  it('compare --out under a regular file (ENOTDIR)', async () => {
    const dir = tempDir('enotdir');
    writeFileSync(join(dir, 'notes.txt'), 'a file, not a folder');
    const before = snapshot(dir);
    const out = join(dir, 'notes.txt', 'tables', 'c.csv');
    const r = await runMain(['compare', peers, '--csv', '--out', out]);
    expectCannotWrite(r, 'compare', out, new RegExp(`${join(dir, 'notes.txt')} is a file, not a folder \\(ENOTDIR\\)`));
    expectUnchanged(dir, before);
  });

  it('grants --out naming an existing file (a file where the folder should be: EEXIST)', async () => {
    const dir = tempDir('eexist');
    const file = join(dir, 'out');
    writeFileSync(file, 'keep me');
    const before = snapshot(dir);
    const r = await runMain(['grants', nation.file, '--out', file]);
    expectCannotWrite(r, 'grants', join(file, 'kofukin-grants-2024.xlsx'), new RegExp(`${file} is a file, not a folder \\(EEXIST\\)`));
    expectUnchanged(dir, before);
  });

  it('compare --out naming an existing folder (EISDIR): the folder and its content stay', async () => {
    const dir = tempDir('eisdir');
    mkdirSync(join(dir, 'table.xlsx'));
    writeFileSync(join(dir, 'table.xlsx', 'inside'), 'x');
    const before = snapshot(dir);
    const r = await runMain(['compare', peers, '--out', join(dir, 'table.xlsx')]);
    expectCannotWrite(r, 'compare', join(dir, 'table.xlsx'), /a folder of that name is in the way \(EISDIR\)/);
    expectUnchanged(dir, before);
  });

  it.skipIf(!SYS)(`a folder that refuses writes: /sys (EACCES, EPERM)${SYS ? '' : ' — skipped: /sys accepts writes on this machine'}`, async () => {
    const r1 = await runMain(['compare', peers, '--csv', '--out', '/sys/kofukin-compare.csv']);
    expectCannotWrite(r1, 'compare', '/sys/kofukin-compare.csv', /(permission denied \(EACCES\)|not permitted \(EPERM\)|read-only \(EROFS\))/);
    const r2 = await runMain(['synth', '--count', '5', '--out', '/sys/kofukin-dir/n.csv']);
    expectCannotWrite(r2, 'synth', '/sys/kofukin-dir/n.csv', /(permission denied \(EACCES\)|not permitted \(EPERM\)|read-only \(EROFS\))/);
    expect(existsSync('/sys/kofukin-dir')).toBe(false);
  });

  for (const [code, words] of [
    ['ENOSPC', 'no space left on the disk'],
    ['EROFS', 'the file system is read-only'],
    ['EACCES', 'permission denied'],
    ['EPERM', 'the operation is not permitted'],
    ['EDQUOT', 'the disk quota is exceeded'],
  ] as const) {
    it(`${code} while writing (simulated): "${words}", earlier outputs unchanged`, async () => {
      const dir = tempDir(code.toLowerCase());
      writeFileSync(join(dir, 'kofukin-grants-2024.csv'), 'earlier');
      const before = snapshot(dir);
      vi.spyOn(outputFs, 'writeNew').mockRejectedValue(systemError(code, 'open', join(dir, '.tmp')));
      const r = await runMain(['grants', nation.file, '--out', dir]);
      expectCannotWrite(r, 'grants', join(dir, 'kofukin-grants-2024.xlsx'), new RegExp(`${words} \\(${code}\\)`));
      expectUnchanged(dir, before);
      expectNoStray(dir);
    });
  }

  it('batch --out under a regular file: exit 73 before any report is built', async () => {
    const dir = tempDir('batch');
    writeFileSync(join(dir, 'file'), 'x');
    const before = snapshot(dir);
    const out = join(dir, 'file', 'reports');
    const r = await runMain(['batch', nation.file, '--filter', nation.rows[0]!.code, '--out', out]);
    expectCannotWrite(r, 'batch', out, new RegExp(`${join(dir, 'file')} is a file, not a folder \\(ENOTDIR\\)`));
    expectUnchanged(dir, before);
  });

  it('a write error raised outside the output layer (a temporary folder) is exit 73 too, a read error is not', () => {
    expect(writeErrorOutsideOutputs(systemError('ENOSPC', 'mkdtemp', '/tmp/kofukin-chrome-x'))?.message).toBe(
      'cannot write /tmp/kofukin-chrome-x: no space left on the disk (ENOSPC)',
    );
    expect(writeErrorOutsideOutputs(systemError('EACCES', 'mkdir', '/srv/x'))?.exitCode).toBe(73);
    expect(writeErrorOutsideOutputs(systemError('EACCES', 'open', '/srv/input.json'))).toBeUndefined();
    expect(writeErrorOutsideOutputs(new Error('plain'))).toBeUndefined();
  });

  it('a bug is still a bug: an error that is not about writing stays exit 70', async () => {
    vi.spyOn(outputFs, 'writeNew').mockRejectedValue(new TypeError('something is undefined'));
    const r = await runMain(['compare', peers, '--csv', '--out', join(tempDir('bug'), 'c.csv')]);
    expect(r.code).toBe(70);
    expect(r.stderr).toContain('internal error: something is undefined');
  });
});
