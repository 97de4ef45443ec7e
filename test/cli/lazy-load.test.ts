/**
 * `kofukin --help`, `<command> --help` and usage errors come from the command declarations alone:
 * the modules src/cli.ts imports statically (followed transitively) hold no command module and
 * no puppeteer, and `summary`'s own static imports do not reach puppeteer either.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/seeds.ts';

/** Every module reached from `entry` by static imports (dynamic `import()` not followed). */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [resolve(repoRoot, entry)];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.ts')) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^'";]*?from\s+'([^']+)'/gm)) {
      const spec = m[1]!;
      todo.push(spec.startsWith('.') ? resolve(dirname(file), spec) : `pkg:${spec}`);
    }
  }
  return seen;
}

describe('lazy loading of command modules', () => {
  it('src/cli.ts (help, usage errors) imports no command module and no puppeteer statically', () => {
    const graph = [...staticGraph('src/cli.ts')].map((f) => f.replace(repoRoot, ''));
    expect(graph).toContain('src/cli/specs/summary.ts');
    const commands = graph.filter((f) => f.startsWith('src/commands/') && f !== 'src/commands/command.ts');
    expect(commands).toEqual([]);
    expect(graph.filter((f) => /puppeteer|exceljs|print\//.test(f))).toEqual([]);
  });

  it('summary reaches no puppeteer', () => {
    const graph = [...staticGraph('src/commands/summary.ts')];
    expect(graph.filter((f) => /puppeteer|src\/print\//.test(f))).toEqual([]);
  });
});
