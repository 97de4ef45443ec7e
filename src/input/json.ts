/**
 * JSON text → raw data plus a map from JSON path to the line and column where the user typed
 * it. An iterative parser (no recursion, so no nesting can overflow the stack) that
 * - gives the line and column of every syntax error, without quoting the file's text;
 * - refuses nesting deeper than MAX_JSON_DEPTH;
 * - reports every key repeated within its object (JSON.parse silently keeps the last) and every
 *   `__proto__`, `constructor` or `prototype` key (which would vanish or change an object's
 *   prototype on the way through JavaScript), each at its line and column.
 */
import { InputError, type Problem } from '../errors/errors.ts';
import { inputMessages, messages, placeMessages } from '../errors/messages.ts';

/** Deepest nesting of objects and arrays accepted (the catalog, the deepest input, uses 8). */
export const MAX_JSON_DEPTH = 64;

/** Keys that do not survive a trip through a JavaScript object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface TextPosition {
  line: number;
  column: number;
}

export interface JsonDocument {
  value: unknown;
  /** JSON path (`$.scores["suishin.I.i.1"]`) → where its key (or, for array items, its value) starts. */
  places: Map<string, TextPosition>;
}

/** The JSON path segment of a key: `.name`, `["suishin.I.i.1"]` or `[3]`. */
export function jsonPathSegment(key: PropertyKey): string {
  if (typeof key === 'number') return `[${key}]`;
  if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) return `.${key}`;
  return `[${JSON.stringify(String(key))}]`;
}

/** `$.a.b[0]["suishin.I.i.1"]` from a path of keys (a zod issue path). */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) out += jsonPathSegment(key);
  return out;
}

/** `line 12, column 5` */
export function formatPosition(p: TextPosition): string {
  return placeMessages.lineColumn(p.line, p.column);
}

/** `$.scores (line 12, column 5)` */
export function pathAtPosition(path: string, p: TextPosition): string {
  return placeMessages.withNote(path, formatPosition(p));
}

class SyntaxProblem extends Error {
  constructor(
    readonly at: number,
    readonly rule: string,
  ) {
    super(rule);
  }
}

type Frame =
  | { kind: 'object'; value: Record<string, unknown>; path: string; keys: Set<string>; key: string | undefined; started: boolean }
  | { kind: 'array'; value: unknown[]; path: string; started: boolean };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WS = /[ \t\n\r]*/y;

/** Parses JSON text; an InputError with every problem (syntax: the first one) otherwise. */
export function parseJsonDocument(input: string, file: string): JsonDocument {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const places = new Map<string, TextPosition>();
  const problems: Problem[] = [];
  // line starts, to turn an index into line and column
  const lineStarts: number[] = [0];
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) lineStarts.push(k + 1);
  const position = (at: number): TextPosition => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - lineStarts[lo]! + 1 };
  };

  let i = 0;
  const len = text.length;
  const skip = () => {
    WS.lastIndex = i;
    WS.exec(text);
    i = WS.lastIndex;
  };
  const readString = (): string => {
    const open = i;
    i++;
    let out = '';
    let start = i;
    for (;;) {
      if (i >= len) throw new SyntaxProblem(open, inputMessages.jsonUnterminatedString());
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(start, i);
        i++;
        return out;
      }
      if (c < 0x20) throw new SyntaxProblem(i, inputMessages.jsonControlInString());
      if (c === 0x5c) {
        out += text.slice(start, i);
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else throw new SyntaxProblem(i, inputMessages.jsonBadEscape());
        start = i;
        continue;
      }
      i++;
    }
  };
  const readPrimitive = (): unknown => {
    const c = text[i];
    if (c === '"') return readString();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) throw new SyntaxProblem(i, inputMessages.jsonBadNumber());
      i += m[0].length;
      if (i < len && /[0-9.eE+\-]/.test(text[i]!)) throw new SyntaxProblem(i, inputMessages.jsonBadNumber());
      return Number(m[0]);
    }
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const)
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    if (i >= len) throw new SyntaxProblem(i, inputMessages.jsonUnexpectedEnd());
    throw new SyntaxProblem(i, inputMessages.jsonExpectedValue());
  };

  const stack: Frame[] = [];
  let root: unknown;
  try {
    skip();
    if (i >= len) throw new SyntaxProblem(i, inputMessages.jsonEmpty());
    let expectValue = true;
    let path = '$';
    for (;;) {
      if (expectValue) {
        skip();
        const top = stack[stack.length - 1];
        if (top?.kind === 'array') places.set(path, position(i));
        else if (!top) places.set(path, position(i));
        const c = text[i];
        let value: unknown;
        let opened: Frame | undefined;
        if (c === '{' || c === '[') {
          if (stack.length >= MAX_JSON_DEPTH) throw new SyntaxProblem(i, inputMessages.jsonTooDeep(MAX_JSON_DEPTH));
          i++;
          opened = c === '{' ? { kind: 'object', value: {}, path, keys: new Set(), key: undefined, started: false } : { kind: 'array', value: [], path, started: false };
          value = opened.value;
        } else value = readPrimitive();
        if (!top) root = value;
        else if (top.kind === 'array') top.value.push(value);
        else if (!FORBIDDEN_KEYS.has(top.key!)) top.value[top.key!] = value;
        if (opened) stack.push(opened);
        expectValue = false;
        continue;
      }
      skip();
      const top = stack[stack.length - 1];
      if (!top) {
        if (i < len) throw new SyntaxProblem(i, inputMessages.jsonTrailingText());
        break;
      }
      if (i >= len) throw new SyntaxProblem(i, inputMessages.jsonUnexpectedEnd());
      // the container closes, or (after its first item) a comma leads to the next item
      const close = top.kind === 'array' ? ']' : '}';
      if (text[i] === close) {
        i++;
        stack.pop();
        continue;
      }
      if (top.started) {
        if (text[i] !== ',') throw new SyntaxProblem(i, inputMessages.jsonExpectedCommaOr(close));
        i++;
        skip();
        if (text[i] === close) throw new SyntaxProblem(i, inputMessages.jsonTrailingComma());
      }
      if (top.kind === 'array') {
        path = top.path + `[${top.value.length}]`;
        top.started = true;
        expectValue = true;
        continue;
      }
      if (i >= len) throw new SyntaxProblem(i, inputMessages.jsonUnexpectedEnd());
      if (text[i] !== '"') throw new SyntaxProblem(i, inputMessages.jsonExpectedKey());
      const keyAt = i;
      const key = readString();
      skip();
      if (text[i] !== ':') throw new SyntaxProblem(i, i >= len ? inputMessages.jsonUnexpectedEnd() : inputMessages.jsonExpectedColon());
      i++;
      path = top.path + jsonPathSegment(key);
      const at = position(keyAt);
      const place = pathAtPosition(path, at);
      if (top.keys.has(key)) problems.push({ location: { file, place }, rule: messages.duplicateKey(), severity: 'error' });
      else places.set(path, at);
      if (FORBIDDEN_KEYS.has(key)) problems.push({ location: { file, place }, rule: inputMessages.forbiddenKey(key), severity: 'error' });
      top.keys.add(key);
      top.key = key;
      top.started = true;
      expectValue = true;
    }
  } catch (err) {
    if (!(err instanceof SyntaxProblem)) throw err;
    throw new InputError([{ location: { file, place: formatPosition(position(Math.min(err.at, len))) }, rule: messages.invalidJson(err.rule), severity: 'error' }]);
  }
  if (problems.length > 0) throw new InputError(problems);
  return { value: root, places };
}
