/**
 * `kofukin preview <municipality file> [--port N] [--host H] [--browser PATH] [input options]`:
 * serves the report as HTML on a local web server and rebuilds it whenever an input file is saved
 * (the open page reloads itself); /report.pdf prints the PDF on demand with a browser kept warm.
 * Runs until interrupted (Ctrl-C).
 */
import { UsageError } from '../errors/errors.ts';
import { previewMessages } from '../errors/messages-preview.ts';
import { startPreview } from '../preview/server.ts';
import { INPUT_OPTIONS, NATION_OPTION, inputOptionsFrom } from './inputs.ts';
import { parseCommandArgs, requirePositional, type Command } from './command.ts';

const USAGE =
  'kofukin preview <municipality file (.json or .xlsx)> [--port N (default 8040; 0 = any free port)] [--host 127.0.0.1] [--browser PATH] [--nation FILE] [--national F] [--peers F] [--grants F] [--narrative F]';

export const DEFAULT_PREVIEW_PORT = 8040;

export const command: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(
    'preview',
    args,
    { ...INPUT_OPTIONS, ...NATION_OPTION, port: { type: 'string', default: String(DEFAULT_PREVIEW_PORT) }, host: { type: 'string', default: '127.0.0.1' }, browser: { type: 'string' } },
    USAGE,
  );
  if (values.help) {
    io.stdout.write(`usage: ${USAGE}\n`);
    return 0;
  }
  requirePositional(positionals, 1, USAGE);
  const port = Number(values.port);
  if (!/^\d+$/.test(String(values.port)) || port > 65535) throw new UsageError(`${previewMessages.badPort(String(values.port))}\n\nusage: ${USAGE}`);
  const preview = await startPreview(positionals[0]!, {
    load: inputOptionsFrom(values),
    port,
    host: String(values.host),
    browser: { executablePath: typeof values.browser === 'string' ? values.browser : undefined, env: io.env },
    env: io.env,
    log: (line) => io.stderr.write(`kofukin preview: ${line}\n`),
  });
  io.stdout.write(`${previewMessages.serving(preview.url)}\n`);
  // until interrupted: the signal handler (src/common/interrupt.ts) kills the browser and exits
  await new Promise<never>(() => undefined);
  return 0;
};
