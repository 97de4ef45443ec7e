/**
 * Helpers of the output-layer reliability tests: a byte snapshot of a folder (hidden files
 * included, so a stray temporary or backup file shows), temp folders, and the checks every
 * failure case makes (exit code, message naming the path and the cause, no stack trace).
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import type { CliResult } from '../helpers/cli.ts';

export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `kofukin-out-${label}-`));
}

/** Every file under `dir` (recursively, hidden ones too) → its bytes; folders end in "/". */
export function snapshot(dir: string): Map<string, Buffer | 'dir'> {
  const out = new Map<string, Buffer | 'dir'>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const rel = relative(dir, p);
      if (statSync(p).isDirectory()) {
        out.set(rel + '/', 'dir');
        walk(p);
      } else out.set(rel, readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

/** The folder is byte for byte as in `before`: same names (so no temporary file), same bytes. */
export function expectUnchanged(dir: string, before: Map<string, Buffer | 'dir'>): void {
  const after = snapshot(dir);
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [name, bytes] of before) {
    const now = after.get(name)!;
    if (bytes === 'dir') expect(now).toBe('dir');
    else expect(Buffer.compare(now as Buffer, bytes), `${name} changed`).toBe(0);
  }
}

/** No hidden temporary or backup file of the output layer under `dir`. */
export function expectNoStray(dir: string): void {
  expect([...snapshot(dir).keys()].filter((n) => /\.(tmp|bak)$/.test(n))).toEqual([]);
}

/** A cannot-write failure: exit 73, one message naming `path` and the cause, no stack trace, no "bug". */
export function expectCannotWrite(r: CliResult, command: string, path: string, cause: RegExp): void {
  expect(r.code, r.stderr).toBe(73);
  expect(r.stderr).toContain(`kofukin ${command}: cannot write ${path}`);
  expect(r.stderr).toMatch(cause);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toContain('internal error');
  expect(r.stderr).not.toContain('bug');
}

/** An errno-style error, as node:fs raises it. */
export function systemError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  const err = new Error(`${code}: simulated, ${syscall} '${path}'`) as NodeJS.ErrnoException;
  err.code = code;
  err.syscall = syscall;
  err.path = path;
  return err;
}
