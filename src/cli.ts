#!/usr/bin/env node
/**
 * kofukin: the command-line entry. Parses the command name, imports that command's module
 * lazily (so `summary` never loads puppeteer), and maps errors to exit codes in one place:
 * user errors print their message; internal errors print a stack trace only with --debug.
 *
 * Exit codes: 0 done; 1 a user error (a batch with failed reports); 2 bad input; 64 bad usage;
 * 69 no browser; 70 an internal error (a bug); 73 an output cannot be written; 130/143
 * interrupted (SIGINT/SIGTERM, src/common/interrupt.ts).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError, InputError, formatProblem } from './errors/errors.ts';
import { writeErrorOutsideOutputs } from './output/cannot-write.ts';
import type { Command, CommandIO } from './commands/command.ts';
import { isLang, languageFromEnv, withLanguage, type Lang } from './errors/language.ts';
import { problemMessages } from './errors/messages.ts';

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ command: Command }> }> = {
  summary: { summary: 'print the derived figures of a municipality (table or --json)', load: () => import('./commands/summary.ts') },
  build: { summary: 'render a municipality report to PDF and HTML', load: () => import('./commands/build.ts') },
  compare: { summary: 'write a peer-group comparison table (.xlsx, or .csv with --csv)', load: () => import('./commands/compare.ts') },
  init: { summary: 'write an Excel fill-in workbook (empty, or prefilled from a municipality file)', load: () => import('./commands/init.ts') },
  preview: { summary: 'serve a municipality report as HTML on localhost, rebuilt when an input file is saved (PDF at /report.pdf)', load: () => import('./commands/preview.ts') },
  batch: { summary: 'build reports for many municipalities with one browser', load: () => import('./commands/batch.ts') },
  whatif: { summary: 'list the points a municipality could still gain, step by step', load: () => import('./commands/whatif.ts') },
  agenda: { summary: 'bind report PDFs into one agenda packet with a cover page', load: () => import('./commands/agenda.ts') },
  national: { summary: 'national summary (seed 000 tables, XLSX/JSON/HTML/PDF) from a national results file', load: () => import('./commands/national.ts') },
  grants: { summary: 'score-proportional grant estimate of every municipality (XLSX/CSV/JSON) from a national results file', load: () => import('./commands/grants.ts') },
  synth: { summary: 'write a synthetic (fictional) national results file for tests and benchmarks', load: () => import('./commands/synth.ts') },
  tiers: { summary: 'tier cut-offs (上位7割…1割) from a raw values file, and the value a municipality needs for the next tier', load: () => import('./commands/tiers.ts') },
};

/** The version in package.json (beside src/ in a checkout, beside dist/ in an installed package). */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return [
    'usage: kofukin <command> [options]',
    '',
    'commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `kofukin <command> --help` for the options of a command; `kofukin --version` prints the version.',
  ].join('\n');
}

/**
 * Runs one command in-process and returns its exit code. Output goes to the injected streams
 * (tests pass their own; the bin passes the process's), so nothing here exits the process.
 */
export async function main(argv: string[], io: CommandIO = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const { lang, args, error } = takeLanguage(argv, io.env ?? process.env);
  if (error) {
    io.stderr.write(`kofukin: ${error}\n`);
    return 64;
  }
  return withLanguage(lang, () => runCommand(args, io));
}

/**
 * The global `--lang ja|en` option (anywhere on the command line, like --debug) or the
 * environment's language (src/errors/language.ts), and the arguments without it.
 */
function takeLanguage(argv: string[], env: NodeJS.ProcessEnv): { lang: Lang; args: string[]; error?: string } {
  const args: string[] = [];
  let lang: Lang = languageFromEnv(env);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    let value: string | undefined;
    if (a === '--lang') value = argv[++i] ?? '';
    else if (a.startsWith('--lang=')) value = a.slice('--lang='.length);
    else {
      args.push(a);
      continue;
    }
    if (!isLang(value)) return { lang, args, error: `--lang must be ja or en (got "${value}") / --lang には ja または en を指定してください` };
    lang = value;
  }
  return { lang, args };
}

async function runCommand(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  const debug = rest.includes('--debug');
  if (name === '--version' || name === '-V') {
    io.stdout.write(`kofukin-report ${packageVersion()}\n`);
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage() + '\n');
    return name ? 0 : 64;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr.write(`kofukin: unknown command "${name}"\n\n${usage()}\n`);
    return 64;
  }
  try {
    const { command } = await entry.load();
    return await command(rest.filter((a) => a !== '--debug'), io);
  } catch (err) {
    if (err instanceof InputError) {
      for (const p of err.problems) io.stderr.write(`kofukin ${name}: ${formatProblem(p)}\n`);
      return err.exitCode;
    }
    if (err instanceof UserError) {
      io.stderr.write(`kofukin ${name}: ${err.message}\n`);
      return err.exitCode;
    }
    const cannotWrite = writeErrorOutsideOutputs(err);
    if (cannotWrite) {
      io.stderr.write(`kofukin ${name}: ${cannotWrite.message}\n`);
      return cannotWrite.exitCode;
    }
    const e = err as Error;
    io.stderr.write(`kofukin ${name}: ${problemMessages.internalError(e?.message ?? String(err))}\n`);
    if (debug && e?.stack) io.stderr.write(e.stack + '\n');
    else io.stderr.write(`${problemMessages.runWithDebug()}\n`);
    return 70;
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
