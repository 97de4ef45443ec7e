/**
 * `kofukin preview <municipality file> [--port N] [--host H] [--browser PATH] [input options]`:
 * serves the report as HTML on a local web server and rebuilds it whenever an input file is saved
 * (the open page reloads itself); /report.pdf prints the PDF on demand with a browser kept warm.
 * Runs until interrupted (Ctrl-C).
 */
import { previewMessages } from '../errors/messages-preview.ts';
import { startPreview } from '../preview/server.ts';
import { inputOptionsFrom } from './inputs.ts';
import { usageLine } from '../cli/spec.ts';
import { DEFAULT_PREVIEW_PORT, previewSpec } from '../cli/specs/preview.ts';
import { parseCommandArgs, type Command, usageError } from './command.ts';

const USAGE = usageLine(previewSpec);

export { DEFAULT_PREVIEW_PORT };

export const command: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(previewSpec, args);
  const port = Number(values.port);
  if (!/^\d+$/.test(String(values.port)) || port > 65535) throw usageError(USAGE, previewMessages.badPort(String(values.port)));
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
