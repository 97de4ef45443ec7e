/**
 * Progress lines on standard error for the steps of a command that can take more than a second
 * (`kofukin build: [2/3] 印刷中…`): shown when stderr is a terminal or with --progress, never with
 * --quiet, never on standard output (which stays the command's result). Notes (`note`) are the
 * hints printed beside a result; --quiet hides them too.
 */
import type { CommandIO } from '../commands/command.ts';
import { cliMessages } from '../errors/messages-cli.ts';

export interface Progress {
  /** The next of `total` steps. */
  step(text: string): void;
  /** A line without a step number (`書き出し: out/x.pdf`). */
  line(text: string): void;
  /** A hint beside the result (hidden by --quiet only). */
  note(text: string): void;
  readonly enabled: boolean;
}

export function progressFor(io: CommandIO, command: string, total: number): Progress {
  const enabled = !io.quiet && (io.progress === true || (io.stderr as { isTTY?: boolean }).isTTY === true);
  let i = 0;
  const write = (text: string) => io.stderr.write(`kofukin ${command}: ${text}\n`);
  return {
    enabled,
    step(text) {
      i = Math.min(i + 1, total);
      if (enabled) write(`[${i}/${total}] ${text}`);
    },
    line(text) {
      if (enabled) write(text);
    },
    note(text) {
      if (!io.quiet) write(cliMessages.hint(text));
    },
  };
}
