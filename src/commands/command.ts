/**
 * The shape of a CLI command and its argument parsing helpers.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors/errors.ts';
import { commandMessages } from '../errors/messages.ts';

export interface CommandIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /**
   * Environment the command reads (SOURCE_DATE_EPOCH, KOFUKIN_BROWSER,
   * KOFUKIN_BROWSER_WS_ENDPOINT, PATH). Default process.env.
   */
  env?: NodeJS.ProcessEnv;
}

/** A command takes its arguments (after the command name) and returns the exit code. */
export type Command = (args: string[], io: CommandIO) => Promise<number>;

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
type HelpOption = { help: { type: 'boolean'; short: 'h' } };
/** What `parseCommandArgs` returns for a command's options (named, so declarations can be emitted). */
export type ParsedCommandArgs<T extends OptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T & HelpOption; allowPositionals: true; strict: true }>
>;

/** parseArgs with usage errors as UsageError (exit 64) and --help support. */
export function parseCommandArgs<T extends OptionsConfig>(
  name: string,
  args: string[],
  options: T,
  usage: string,
): ParsedCommandArgs<T> {
  try {
    const help: HelpOption = { help: { type: 'boolean', short: 'h' } };
    return parseArgs({ args, options: { ...options, ...help }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\nusage: ${usage}`);
  }
}

export function requirePositional(positionals: string[], count: number, usage: string): void {
  if (positionals.length < count) throw new UsageError(`${commandMessages.missingArgument()}\n\nusage: ${usage}`);
}
