/**
 * Standard input as a user's file: `kofukin summary -` reads the municipality file from stdin.
 * The CLI reads the stream before the command runs (`readStdin`) and registers its bytes under
 * the name `-`; the input layer (src/input/file.ts) then serves those bytes for `-` (or the path
 * `-` resolves to) with the same size caps, decoding and parsing as a file, and messages name it
 * 標準入力 / stdin. Companion files named in a JSON read from stdin resolve relative to the
 * current directory (the directory of `-`).
 */
import { resolve } from 'node:path';
import { cliMessages } from '../errors/messages-cli.ts';

export const STDIN_NAME = '-';

let registered: { bytes: Buffer; resolved: string } | null = null;

/** Makes `bytes` the content of `-` until `clearStdin()`. */
export function registerStdin(bytes: Buffer): void {
  registered = { bytes, resolved: resolve(STDIN_NAME) };
}

export function clearStdin(): void {
  registered = null;
}

/** True when `file` names the registered standard input (`-`, or the path it resolves to). */
export function isStdin(file: string): boolean {
  return registered !== null && (file === STDIN_NAME || file === registered.resolved);
}

/** The bytes read from standard input when `file` names it, else undefined. */
export function stdinBytes(file: string): Buffer | undefined {
  return isStdin(file) ? registered!.bytes : undefined;
}

/** The file's name as messages show it: 標準入力 / stdin for standard input. */
export function displayFile(file: string): string {
  return isStdin(file) ? cliMessages.stdinName() : file;
}

/**
 * Reads a stream to its end, at most `cap` bytes (+1 to tell a larger input); `tooLarge` is called
 * when there is more.
 */
export async function readStream(stream: NodeJS.ReadableStream, cap: number): Promise<{ bytes: Buffer; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    chunks.push(b);
    total += b.length;
    if (total > cap) return { bytes: Buffer.concat(chunks, total), truncated: true };
  }
  return { bytes: Buffer.concat(chunks, total), truncated: false };
}
