/** Runs the real CLI in a child process, as a user would. */
import { spawnSync } from 'node:child_process';
import { repoRoot } from './seeds.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `${repoRoot}src/cli.ts`, ...args], {
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    timeout: 240_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs a command in-process through `main(argv, io)`, capturing what it writes, as `runCli`
 * does for a child process (same result shape). Use this by default; keep `runCli` for the few
 * tests that must see a real process (the bin, exit codes, signals).
 */
export async function runMain(args: string[]): Promise<CliResult> {
  const { Writable } = await import('node:stream');
  const { main } = await import('../../src/cli.ts');
  const sink = () => {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    return { stream, text: () => chunks.join('') };
  };
  const out = sink();
  const err = sink();
  const code = await main(args, { stdout: out.stream, stderr: err.stream });
  return { code, stdout: out.text(), stderr: err.text() };
}
