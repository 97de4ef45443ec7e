/**
 * Validating the user's JSON inputs with a zod schema. Reading and parsing is the input layer's
 * (src/input/: regular files, size caps, UTF-8, line and column of syntax errors, duplicate and
 * forbidden keys, nesting depth); here every schema problem is reported with its file and JSON
 * path.
 */
import type { z } from 'zod';
import { InputError, type Problem } from '../errors/errors.ts';
import { jsonPath, pathAtPosition } from '../input/json.ts';
import { readUserJson } from '../input/read.ts';

export { jsonPath } from '../input/json.ts';

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

/** Reads a user's JSON file (src/input/read.ts): its data, without validation. */
export function readJsonFile(file: string): unknown {
  return readUserJson(file).value;
}

/**
 * Reads and validates a JSON file in one step; schema problems name the JSON path and the line
 * and column where it was typed (`$.members[3].suishin (line 40, column 7)`).
 */
export function loadJson<S extends z.ZodType>(schema: S, file: string): z.output<S> {
  const doc = readUserJson(file);
  const result = schema.safeParse(doc.value);
  if (result.success) return result.data;
  throw new InputError(
    schemaProblems(result.error, file).map((p) => {
      const at = doc.places.get(p.location.place!);
      return at ? { ...p, location: { file, place: pathAtPosition(p.location.place!, at) } } : p;
    }),
  );
}
