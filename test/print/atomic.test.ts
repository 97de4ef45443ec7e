import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/output/atomic.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kofukin-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes and replaces a file, leaving no temporary file', async () => {
    const path = join(dir, 'report.pdf');
    await writeFileAtomic(path, Buffer.from('first'));
    await writeFileAtomic(path, '二回目');
    expect(await readFile(path, 'utf8')).toBe('二回目');
    expect(await readdir(dir)).toEqual(['report.pdf']);
  });

  it('leaves the old file and no temporary file when the rename fails', async () => {
    const path = join(dir, 'out');
    await mkdir(path); // renaming a file over a directory fails
    await writeFile(join(path, 'keep'), 'x');
    await expect(writeFileAtomic(path, 'data')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['out']);
    expect(await readdir(path)).toEqual(['keep']);
  });

  it('fails cleanly when the directory does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'x.pdf'), 'data')).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual([]);
  });
});
