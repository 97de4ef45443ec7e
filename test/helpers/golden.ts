/**
 * Golden files: compares text with test/golden/<name>. On a mismatch writes <name>-changed beside
 * it for review (`diff`), and fails. A missing golden is created locally but never under CI=true.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { repoRoot } from './seeds.ts';

export function expectGolden(name: string, actual: string): void {
  const file = `${repoRoot}test/golden/${name}`;
  const changed = file.replace(/(\.[^.]+)$/, '-changed$1');
  if (!existsSync(file)) {
    if (process.env.CI) throw new Error(`golden file ${file} is missing (never created under CI=true)`);
    writeFileSync(file, actual);
    return;
  }
  const expected = readFileSync(file, 'utf8');
  if (expected !== actual) {
    writeFileSync(changed, actual);
    expect.fail(`${name} differs from its golden file; see ${changed} (diff it; copy over the golden if the change is intended)`);
  }
  rmSync(changed, { force: true });
}
