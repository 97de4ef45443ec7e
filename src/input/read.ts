/**
 * Reading a user's JSON file: regular file within the JSON size cap, UTF-8 (Shift_JIS and other
 * encodings refused with a hint), then the iterative parser with line/column places.
 */
import { readUserFile } from './file.ts';
import { parseJsonDocument, type JsonDocument } from './json.ts';
import { decodeUserText } from './text.ts';

/** Reads and parses a user's JSON file; an InputError naming the file and place otherwise. */
export function readUserJson(file: string): JsonDocument {
  const { text } = decodeUserText(readUserFile(file, 'json'), file, { shiftJis: false, format: 'JSON' });
  return parseJsonDocument(text, file);
}
