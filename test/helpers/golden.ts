/**
 * Golden files: compares text with test/golden/<name>. On a mismatch writes <name>-changed beside
 * it for review (`diff`), and fails. Goldens are written only on request: with UPDATE_GOLDENS=1 a
 * missing or different golden is (re)written and the test passes; otherwise a missing golden
 * fails, saying how to create it.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { repoRoot } from './seeds.ts';

const updating = () => process.env['UPDATE_GOLDENS'] === '1';

export function expectGolden(name: string, actual: string): void {
  const file = `${repoRoot}test/golden/${name}`;
  const changed = file.replace(/(\.[^.]+)$/, '-changed$1');
  if (updating()) {
    writeFileSync(file, actual);
    rmSync(changed, { force: true });
    return;
  }
  if (!existsSync(file)) {
    writeFileSync(changed, actual);
    expect.fail(`golden file ${file} is missing; review ${changed}, then create the golden with UPDATE_GOLDENS=1 npx vitest run <this test file>`);
  }
  const expected = readFileSync(file, 'utf8');
  if (expected !== actual) {
    writeFileSync(changed, actual);
    expect.fail(`${name} differs from its golden file; see ${changed} (diff it; if the change is intended, run the test again with UPDATE_GOLDENS=1)`);
  }
  rmSync(changed, { force: true });
}
