/**
 * Running the CLI in tests. `runMain` runs a command in-process through `main(argv, io)` (use it
 * by default); `runCli` starts a real child process through tsx, for the few tests that must see
 * one (the bin, exit codes of the process, signals): see test/cli/smoke.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { Readable, Writable } from 'node:stream';
import { main } from '../../src/cli.ts';
import { repoRoot } from './seeds.ts';
import { SLOW_TEST_MS } from './time-limits.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Variables added to (or, as '', cleared from) the process's environment. */
  env?: Record<string, string>;
  /** What the command reads from standard input (`-`), for runMain. */
  stdin?: string | Uint8Array;
}

/**
 * Tests run the CLI in English unless they ask for Japanese (env KOFUKIN_LANG: 'ja', or --lang ja):
 * the machine's own locale must not change what a test sees.
 */
const TEST_LANGUAGE = { KOFUKIN_LANG: 'en' };

export function runCli(args: string[], options: CliOptions & { cwd?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `${repoRoot}src/cli.ts`, ...args], {
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ...TEST_LANGUAGE, ...options.env },
    timeout: SLOW_TEST_MS,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function sink() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/**
 * Runs a command in-process through `main(argv, io)`, capturing what it writes, as `runCli`
 * does for a child process (same result shape). `env` is added to process.env as for runCli.
 * Relative paths resolve against the working directory of the test run (the repository).
 */
export async function runMain(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const out = sink();
  const err = sink();
  const stdin = options.stdin === undefined ? undefined : Readable.from([Buffer.from(options.stdin)]);
  const code = await main(args, { stdout: out.stream, stderr: err.stream, env: { ...process.env, ...TEST_LANGUAGE, ...options.env }, ...(stdin ? { stdin } : {}) });
  return { code, stdout: out.text(), stderr: err.text() };
}
