/**
 * Which code the bin runs (bin/entry.js): compiled dist/ in an installed package, and in a
 * checkout only while dist/ is newer than every source file and the build configuration.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module without declarations
import { chooseEntry } from '../../bin/entry.js';

const root = mkdtempSync(join(tmpdir(), 'kofukin-entry-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const at = (file: string, seconds: number) => {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, '');
  utimesSync(file, seconds, seconds);
};

describe('chooseEntry', () => {
  it('an installed package (dist/ only) runs dist/', () => {
    const pkg = join(root, 'installed');
    at(join(pkg, 'dist', 'cli.js'), 1000);
    expect(chooseEntry(pkg)).toBe('dist');
  });

  it('a checkout without a build runs the sources', () => {
    const co = join(root, 'fresh-clone');
    at(join(co, 'src', 'cli.ts'), 1000);
    expect(chooseEntry(co)).toBe('src');
  });

  it('a checkout runs dist/ while it is newer than src/ and the tsconfigs, the sources after an edit', () => {
    const co = join(root, 'checkout');
    at(join(co, 'src', 'cli.ts'), 1000);
    at(join(co, 'src', 'print', 'pdf.ts'), 1000);
    at(join(co, 'tsconfig.json'), 1000);
    at(join(co, 'dist', 'cli.js'), 2000);
    expect(chooseEntry(co)).toBe('dist');
    at(join(co, 'src', 'print', 'pdf.ts'), 3000); // edited after the build (deep in a folder)
    expect(chooseEntry(co)).toBe('src');
    at(join(co, 'dist', 'cli.js'), 4000); // built again
    expect(chooseEntry(co)).toBe('dist');
    at(join(co, 'tsconfig.build.json'), 5000);
    expect(chooseEntry(co)).toBe('src');
  });
});
