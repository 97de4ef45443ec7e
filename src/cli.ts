#!/usr/bin/env node
/**
 * kofukin: the command-line entry. Parses the command name, imports that command's module
 * lazily (so `summary` never loads puppeteer), and maps errors to exit codes in one place:
 * user errors print their message; internal errors print a stack trace only with --debug.
 *
 * Exit codes: 0 done; 1 a user error (a batch with failed reports); 2 bad input; 64 bad usage;
 * 69 no browser; 70 an internal error (a bug); 73 an output cannot be written; 75 another batch
 * holds the out folder (try again later); 130/143
 * interrupted (SIGINT/SIGTERM, src/common/interrupt.ts).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError, InputError, formatProblem } from './errors/errors.ts';
import { writeErrorOutsideOutputs } from './output/cannot-write.ts';
import { parseCommandArgs, usageError, type Command, type CommandIO } from './commands/command.ts';
import { isLang, languageFromEnv, withLanguage, type Lang } from './errors/language.ts';
import { cliMessages } from './errors/messages-cli.ts';
import { commandHelp, mainHelp, type CommandSpec, type PositionalSpec } from './cli/spec.ts';
import { closest } from './cli/closest.ts';
import { clearStdin, readStream, registerStdin, STDIN_NAME } from './common/stdin.ts';
import { SIZE_CAPS } from './input/file.ts';
import {
  agendaSpec,
  batchSpec,
  buildSpec,
  COMMAND_SPECS,
  compareSpec,
  grantsSpec,
  initSpec,
  nationalSpec,
  previewSpec,
  summarySpec,
  synthSpec,
  tiersSpec,
  whatifSpec,
} from './cli/specs/index.ts';
import { problemMessages } from './errors/messages.ts';

/**
 * Each command's declaration (src/cli/specs/: parser, help, usage line) and its module, imported
 * only to run it: help and usage errors load no command module, and `summary` never loads
 * puppeteer.
 */
const COMMANDS: Record<string, { spec: CommandSpec; load: () => Promise<{ command: Command }> }> = {
  summary: { spec: summarySpec, load: () => import('./commands/summary.ts') },
  build: { spec: buildSpec, load: () => import('./commands/build.ts') },
  compare: { spec: compareSpec, load: () => import('./commands/compare.ts') },
  init: { spec: initSpec, load: () => import('./commands/init.ts') },
  preview: { spec: previewSpec, load: () => import('./commands/preview.ts') },
  batch: { spec: batchSpec, load: () => import('./commands/batch.ts') },
  whatif: { spec: whatifSpec, load: () => import('./commands/whatif.ts') },
  agenda: { spec: agendaSpec, load: () => import('./commands/agenda.ts') },
  national: { spec: nationalSpec, load: () => import('./commands/national.ts') },
  grants: { spec: grantsSpec, load: () => import('./commands/grants.ts') },
  synth: { spec: synthSpec, load: () => import('./commands/synth.ts') },
  tiers: { spec: tiersSpec, load: () => import('./commands/tiers.ts') },
};

/** The version in package.json (beside src/ in a checkout, beside dist/ in an installed package). */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function usage(): string {
  return mainHelp(COMMAND_SPECS);
}

/**
 * Runs one command in-process and returns its exit code. Output goes to the injected streams
 * (tests pass their own; the bin passes the process's), so nothing here exits the process.
 */
export async function main(argv: string[], io: CommandIO = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const { lang, args, error } = takeLanguage(argv, io.env ?? process.env);
  return withLanguage(lang, async () => {
    if (error !== undefined) {
      io.stderr.write(`kofukin: ${cliMessages.badLang(error)}\n`);
      return 64;
    }
    const globals = takeGlobalFlags(args);
    return runCommand(globals.args, { ...io, progress: io.progress || globals.progress, quiet: io.quiet || globals.quiet }, globals.debug);
  });
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
    if (!isLang(value)) return { lang, args, error: value };
    lang = value;
  }
  return { lang, args };
}

/** --debug, --progress and --quiet (-q), anywhere on the command line. */
function takeGlobalFlags(argv: string[]): { args: string[]; debug: boolean; progress: boolean; quiet: boolean } {
  const flags = { debug: false, progress: false, quiet: false };
  const args: string[] = [];
  for (const a of argv) {
    if (a === '--debug') flags.debug = true;
    else if (a === '--progress') flags.progress = true;
    else if (a === '--quiet' || a === '-q') flags.quiet = true;
    else args.push(a);
  }
  return { args, ...flags };
}

/** The declaration of the positional at index i (the last one takes the rest when variadic). */
function positionalAt(spec: CommandSpec, i: number): PositionalSpec | undefined {
  const last = spec.positionals[spec.positionals.length - 1];
  return spec.positionals[i] ?? (last?.variadic ? last : undefined);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * A folder given where a file is expected: exit 2 naming the file in it to give
 * (municipality.json), or the files it holds of the expected kinds.
 */
function directoryProblem(arg: string, p: PositionalSpec): InputError {
  const path = resolve(arg);
  let advice: string;
  const usual = p.fileInDirectory ? join(arg, p.fileInDirectory) : undefined;
  let files: string[] = [];
  try {
    files = readdirSync(path).filter((f) => (p.extensions ?? []).includes(extname(f).toLowerCase())).sort();
  } catch {
    files = [];
  }
  if (usual && p.fileInDirectory && files.includes(p.fileInDirectory)) advice = cliMessages.giveFileInDirectory(usual);
  else if (files.length === 1) advice = cliMessages.giveFileInDirectory(join(arg, files[0]!));
  else if (files.length > 1) advice = cliMessages.giveOneOfFiles(files.slice(0, 6).join(', ') + (files.length > 6 ? ', …' : ''));
  else advice = cliMessages.noFileInDirectory((p.extensions ?? []).join(' / '));
  return new InputError([{ location: { file: path }, rule: cliMessages.directoryGiven(advice), severity: 'error' }]);
}

/**
 * A file that is not there while a file of a similar name is (a typo: municipalty.json): exit 2
 * naming the folder looked in, with that file as the hint. Otherwise undefined (the reader says
 * the file cannot be read).
 */
function notFoundProblem(arg: string, p: PositionalSpec): InputError | undefined {
  const path = resolve(arg);
  const folder = dirname(path);
  if (!existsSync(folder)) return undefined; // the reader's own message names the path
  let names: string[] = [];
  try {
    names = readdirSync(folder).filter((f) => !p.extensions || p.extensions.includes(extname(f).toLowerCase()));
  } catch {
    return undefined;
  }
  const guess = closest(basename(arg), names);
  if (!guess) return undefined; // the reader's own message (cannot read the file: ENOENT)
  return new InputError([
    {
      location: { file: path },
      rule: cliMessages.fileNotFound(folder),
      severity: 'error',
      hint: cliMessages.didYouMeanFile(join(dirname(arg), guess)),
    },
  ]);
}

/**
 * Checks the positionals against the declaration before the command's module is loaded: `-` only
 * where standard input is allowed (then reads it), no folder where a file is expected.
 */
async function preparePositionals(spec: CommandSpec, positionals: string[], io: CommandIO): Promise<void> {
  let stdinUsed = false;
  for (let i = 0; i < positionals.length; i++) {
    const arg = positionals[i]!;
    const p = positionalAt(spec, i);
    if (!p) continue;
    if (arg === STDIN_NAME) {
      if (!p.stdin) throw usageError(spec, cliMessages.noStdinHere(p.name));
      if (stdinUsed) throw usageError(spec, cliMessages.stdinTwice());
      stdinUsed = true;
      continue;
    }
    if (!p.directory && isDirectory(arg)) throw directoryProblem(arg, p);
    if (p.extensions && !p.variadic && !existsSync(arg)) {
      const missing = notFoundProblem(arg, p);
      if (missing) throw missing;
    }
  }
  if (stdinUsed) {
    const cap = SIZE_CAPS.csv; // the largest cap of a JSON, CSV or XLSX input; readUserFile applies the cap of its kind
    const { bytes } = await readStream(io.stdin ?? process.stdin, cap);
    registerStdin(bytes);
  }
}

/** The hints of an error's problems, each once. */
function hintsOf(err: unknown): string[] {
  if (!(err instanceof InputError)) return [];
  return [...new Set(err.problems.map((p) => p.hint).filter((h): h is string => typeof h === 'string'))];
}

async function runCommand(argv: string[], io: CommandIO, debug: boolean): Promise<number> {
  const [name, ...rest] = argv;
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
    const guess = closest(name, Object.keys(COMMANDS));
    io.stderr.write(`kofukin: ${cliMessages.unknownCommand(name)}\n`);
    if (guess) io.stderr.write(`kofukin: ${cliMessages.hint(cliMessages.didYouMeanCommand(guess))}\n`);
    io.stderr.write(`\n${usage()}\n`);
    return 64;
  }
  try {
    const { values, positionals } = parseCommandArgs(entry.spec, rest);
    if (values.help) {
      io.stdout.write(commandHelp(entry.spec));
      return 0;
    }
    await preparePositionals(entry.spec, positionals, io);
    const { command } = await entry.load();
    return await command(rest, io);
  } catch (err) {
    if (err instanceof InputError) {
      for (const p of err.problems) io.stderr.write(`kofukin ${name}: ${formatProblem(p)}\n`);
      for (const h of hintsOf(err)) io.stderr.write(`kofukin ${name}: ${cliMessages.hint(h)}\n`);
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
  } finally {
    clearStdin();
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
