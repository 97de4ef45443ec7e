/**
 * Reading JSON input files and validating them with a zod schema. Every schema problem is
 * reported with its file and JSON path; a syntax error with its line and column.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { InputError, type Problem } from '../errors/errors.ts';
import { messages } from '../errors/messages.ts';

/** `$.a.b[0]["suishin.I.i.1"]` from a zod issue path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

export function readTextFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError([
      { location: { file }, rule: messages.cannotRead(code ?? String(err)), severity: 'error' },
    ]);
  }
}

/** Parses JSON text; a syntax error becomes an InputError naming file, line and column. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const msg = (err as Error).message;
    const m = /position (\d+)/.exec(msg);
    const place = m ? (({ line, column }) => `line ${line}, column ${column}`)(lineColumn(text, Number(m[1]))) : undefined;
    throw new InputError([
      { location: { file, place }, rule: messages.invalidJson(msg.replace(/ in JSON at position \d+.*$/, '')), severity: 'error' },
    ]);
  }
}

export function readJsonFile(file: string): unknown {
  return parseJsonText(readTextFile(file), file);
}

/** zod issues as located problems. */
export function schemaProblems(error: z.ZodError, file: string): Problem[] {
  return error.issues.map((issue) => ({
    location: { file, place: jsonPath(issue.path) },
    rule: issue.message,
    severity: 'error' as const,
  }));
}

/** Validates data against a schema; throws one InputError listing every problem. */
export function validate<S extends z.ZodType>(schema: S, data: unknown, file: string): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new InputError(schemaProblems(result.error, file));
  return result.data;
}

/** Reads and validates a JSON file in one step. */
export function loadJson<S extends z.ZodType>(schema: S, file: string): z.output<S> {
  return validate(schema, readJsonFileStrict(file), file);
}

/**
 * JSON.parse silently keeps the last of duplicated keys; an input that scores an indicator twice
 * must be rejected instead. Scans the (already valid) JSON text and returns the JSON path of
 * every key that repeats within its object.
 */
export function findDuplicateKeys(text: string): string[] {
  const dups: string[] = [];
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const str = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: PropertyKey[]): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const seen = new Set<string>();
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        const key = str();
        if (seen.has(key)) dups.push(jsonPath([...path, key]));
        seen.add(key);
        ws();
        i++; // colon
        value([...path, key]);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        i++; // closing brace
        return;
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        value([...path, n]);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        i++;
        return;
      }
    } else if (c === '"') {
      str();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
    }
  };
  value([]);
  return dups;
}

/** Reads a JSON file and rejects duplicated keys, naming each. */
export function readJsonFileStrict(file: string): unknown {
  const text = readTextFile(file);
  const data = parseJsonText(text, file);
  const dups = findDuplicateKeys(text.replace(/^\uFEFF/, ''));
  if (dups.length > 0)
    throw new InputError(dups.map((place) => ({ location: { file, place }, rule: messages.duplicateKey(), severity: 'error' as const })));
  return data;
}
