/**
 * Bytes → text for the user's text files. UTF-8 with or without BOM is read as is. Japanese
 * Excel and Notepad save CSV as Shift_JIS (CP932): a file that is not valid UTF-8 but is valid
 * Shift_JIS is decoded as Shift_JIS where the caller allows it (CSV), and refused with a message
 * naming the encoding where it does not (JSON). UTF-16 (Excel's "Unicode text") and binary
 * files are refused. Nothing is ever decoded with replacement characters, so no mojibake can
 * reach a report.
 */
import { InputError } from '../errors/errors.ts';
import { inputMessages } from '../errors/messages.ts';

export type TextEncoding = 'utf-8' | 'shift_jis';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

export interface DecodeOptions {
  /** Accept Shift_JIS (CP932) text (CSV); otherwise it is refused with a hint. */
  shiftJis: boolean;
  /** What the file is, for messages: "CSV", "JSON". */
  format: string;
}

function fail(file: string, rule: string): never {
  throw new InputError([{ location: { file }, rule, severity: 'error' }]);
}

/** Control characters other than tab, CR and LF mark a binary file. */
function hasBinaryControl(text: string): boolean {
  return /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text);
}

function tryDecode(bytes: Uint8Array, label: string): string | undefined {
  try {
    // ignoreBOM false (the default): a leading BOM of the encoding is dropped
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Decodes a user's text file; an InputError naming the file when it is not text we can read. */
export function decodeUserText(bytes: Uint8Array, file: string, options: DecodeOptions): DecodedText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    fail(file, inputMessages.utf16(options.format));
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== undefined) {
    if (hasBinaryControl(utf8)) fail(file, inputMessages.binaryFile(options.format));
    return { text: utf8, encoding: 'utf-8' };
  }
  const sjis = tryDecode(bytes, 'shift_jis');
  if (sjis !== undefined && !hasBinaryControl(sjis)) {
    if (!options.shiftJis) fail(file, inputMessages.shiftJisRefused(options.format));
    return { text: sjis, encoding: 'shift_jis' };
  }
  return fail(file, inputMessages.notText(options.format));
}
