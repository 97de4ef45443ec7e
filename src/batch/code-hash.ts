/**
 * A hash of the program's own source (every source file under src/, or dist/ when installed): a report is rebuilt when the code that makes
 * it changed, not only its inputs and templates. Computed once per process.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function codeHash(): string {
  if (cached) return cached;
  const root = fileURLToPath(new URL('../', import.meta.url));
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|js)$/.test(e.name) && !e.name.endsWith('.d.ts')) files.push(p);
    }
  };
  walk(root);
  const h = createHash('sha256');
  for (const f of files.sort()) h.update(f.slice(root.length)).update('\0').update(readFileSync(f)).update('\0');
  cached = h.digest('hex');
  return cached;
}
