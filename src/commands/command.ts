/**
 * The shape of a CLI command and its argument parsing, from the command's declaration
 * (src/cli/spec.ts, src/cli/specs/).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors/errors.ts';
import { cliMessages } from '../errors/messages-cli.ts';
import { text, usageLine, type CommandSpec, type OptionSpecs } from '../cli/spec.ts';
import { closest } from '../cli/closest.ts';

export interface CommandIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /**
   * Environment the command reads (SOURCE_DATE_EPOCH, KOFUKIN_BROWSER,
   * KOFUKIN_BROWSER_WS_ENDPOINT, PATH). Default process.env.
   */
  env?: NodeJS.ProcessEnv;
  /** Where `-` reads from (tests pass their own stream). Default process.stdin. */
  stdin?: NodeJS.ReadableStream;
  /** `--progress`: progress lines on stderr even when it is not a terminal. */
  progress?: boolean;
  /** `--quiet`: no progress lines and no hints. */
  quiet?: boolean;
}

/** A command takes its arguments (after the command name) and returns the exit code. */
export type Command = (args: string[], io: CommandIO) => Promise<number>;

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
type HelpOption = { help: { type: 'boolean'; short: 'h' } };
/** What `parseCommandArgs` returns for a command's options (named, so declarations can be emitted). */
export type ParsedCommandArgs<T extends OptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T & HelpOption; allowPositionals: true; strict: true }>
>;

/** A usage error: the message, then the command's usage line. */
export function usageError(spec: CommandSpec | string, message: string): UsageError {
  const line = typeof spec === 'string' ? spec : usageLine(spec);
  return new UsageError(`${message}\n\n${cliMessages.usageWord()}: ${line}`);
}

function parserOptions(options: OptionSpecs): OptionsConfig {
  const out: OptionsConfig = {};
  for (const [name, o] of Object.entries(options))
    out[name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}), ...(o.default !== undefined ? { default: o.default } : {}) };
  return out;
}

/** The usage error for a parseArgs error, in the user's language. */
function parseProblem(spec: CommandSpec, err: Error & { code?: string }): string {
  const quoted = /'(-[^' ]*)/.exec(err.message)?.[1];
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) {
    const names = Object.keys(spec.options).map((n) => `--${n}`);
    const guess = quoted.startsWith('--') ? closest(quoted.split('=')[0]!, names) : undefined;
    return cliMessages.unknownOption(quoted, guess);
  }
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && quoted) {
    const long = quoted.startsWith('--') ? quoted : `--${Object.entries(spec.options).find(([, o]) => `-${o.short}` === quoted)?.[0] ?? quoted}`;
    const opt = spec.options[long.slice(2)];
    if (/argument missing/.test(err.message)) return cliMessages.optionNeedsValue(long, opt?.value ?? 'VALUE');
    return cliMessages.optionTakesNoValue(long);
  }
  return cliMessages.badArguments(err.message);
}

/**
 * Parses a command's arguments by its declaration: unknown options, missing values, missing and
 * extra positionals are UsageErrors (exit 64) with the command's usage line.
 */
export function parseCommandArgs<O extends OptionSpecs>(spec: CommandSpec<O>, args: string[]): ParsedCommandArgs<O> {
  let parsed: ParsedCommandArgs<O>;
  try {
    const help: HelpOption = { help: { type: 'boolean', short: 'h' } };
    parsed = parseArgs({ args, options: { ...parserOptions(spec.options), ...help }, allowPositionals: true, strict: true }) as unknown as ParsedCommandArgs<O>;
  } catch (err) {
    throw usageError(spec, parseProblem(spec, err as Error));
  }
  if ((parsed.values as { help?: boolean }).help) return parsed;
  const { positionals } = parsed;
  const required = spec.positionals.filter((p) => p.required);
  if (positionals.length < required.length) {
    const example = spec.example ? `\n${cliMessages.hint(cliMessages.missingArgumentExample(spec.example))}` : '';
    const p = required[positionals.length]!;
    throw usageError(spec, (p.missing ? text(p.missing) : cliMessages.missingArgument(p.name)) + example);
  }
  const variadic = spec.positionals.some((p) => p.variadic);
  if (!variadic && positionals.length > spec.positionals.length) throw usageError(spec, cliMessages.tooManyArguments(positionals.slice(spec.positionals.length).join(' ')));
  return parsed;
}

/**
 * Checks a command got at least `count` positionals. `parseCommandArgs` already does this from
 * the declaration; kept for commands with checks of their own.
 */
export function requirePositional(positionals: string[], count: number, usage: string): void {
  if (positionals.length < count) throw usageError(usage, cliMessages.missingArgument('…'));
}
