/**
 * Where a page draws something: the rectangles (PDF points, page space) covered by its text,
 * paths, images and forms, read from its content streams. Used to find free space for the
 * packet's 資料 stamp on documents that are not ours (free-space.ts).
 *
 * The estimate errs on the side of "occupied": a glyph is taken as 1 em wide for two-byte (Type0)
 * fonts and 0.6 em otherwise, from 0.25 em below the baseline to 1 em above it; a form whose content
 * cannot be read counts as its whole BBox; a shading fill as the whole page. Fills in white
 * (page backgrounds) and clipping-only paths draw nothing and are not counted.
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, decodePDFRawStream } from 'pdf-lib';
import type { PDFContext, PDFObject, PDFPageLeaf } from 'pdf-lib';
import { lookupDict } from './objects.ts';

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** inner × outer: the matrix after `inner cm` under `outer`. */
const multiply = (inner: Matrix, outer: Matrix): Matrix => {
  const [a, b, c, d, e, f] = inner;
  return [a * outer[0] + b * outer[2], a * outer[1] + b * outer[3], c * outer[0] + d * outer[2], c * outer[1] + d * outer[3], e * outer[0] + f * outer[2] + outer[4], e * outer[1] + f * outer[3] + outer[5]];
};
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** The page-space rectangle around a rectangle given in the space of `m`. */
function transformRect(m: Matrix, x0: number, y0: number, x1: number, y1: number): Rect {
  const pts = [apply(m, x0, y0), apply(m, x1, y0), apply(m, x0, y1), apply(m, x1, y1)];
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

// --- tokens of a content stream
type Token = { op: string } | { name: string } | { dict: true } | { value: number | string | Token[] };
type Operand = number | string | Token[] | { name: string } | { dict: true };

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

/**
 * Splits a content stream into operands and operators. Strings keep their bytes (latin1), names
 * their text; dictionaries (marked-content properties) are skipped; inline images (BI … ID … EI)
 * become the operator `BI`.
 */
export function tokenize(bytes: Uint8Array): Token[] {
  const out: Token[] = [];
  const stack: Token[][] = [out];
  let i = 0;
  const n = bytes.length;
  const push = (t: Token) => stack[stack.length - 1]!.push(t);
  const regular = (c: number) => !WHITESPACE.has(c) && !DELIMITERS.has(c);
  while (i < n) {
    const c = bytes[i]!;
    if (WHITESPACE.has(c)) {
      i++;
    } else if (c === 0x25) {
      while (i < n && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++; // comment
    } else if (c === 0x28) {
      // literal string, nested parentheses and escapes
      let depth = 1;
      let s = '';
      i++;
      while (i < n && depth > 0) {
        const d = bytes[i]!;
        if (d === 0x5c) {
          const e = bytes[i + 1];
          if (e !== undefined && e >= 0x30 && e <= 0x37) {
            let oct = '';
            let j = i + 1;
            while (j < n && oct.length < 3 && bytes[j]! >= 0x30 && bytes[j]! <= 0x37) oct += String.fromCharCode(bytes[j++]!);
            s += String.fromCharCode(parseInt(oct, 8) & 0xff);
            i = j;
            continue;
          }
          if (e === 0x0d || e === 0x0a) {
            i += e === 0x0d && bytes[i + 2] === 0x0a ? 3 : 2;
            continue;
          }
          s += e === undefined ? '' : String.fromCharCode(e);
          i += 2;
          continue;
        }
        if (d === 0x28) depth++;
        if (d === 0x29 && --depth === 0) {
          i++;
          break;
        }
        s += String.fromCharCode(d);
        i++;
      }
      push({ value: s });
    } else if (c === 0x3c && bytes[i + 1] === 0x3c) {
      // dictionary: skipped to its matching >>
      let depth = 0;
      while (i < n) {
        if (bytes[i] === 0x3c && bytes[i + 1] === 0x3c) {
          depth++;
          i += 2;
        } else if (bytes[i] === 0x3e && bytes[i + 1] === 0x3e) {
          depth--;
          i += 2;
          if (depth === 0) break;
        } else if (bytes[i] === 0x28) {
          // a string inside the dictionary may hold >>
          let d = 1;
          i++;
          while (i < n && d > 0) {
            if (bytes[i] === 0x5c) i++;
            else if (bytes[i] === 0x28) d++;
            else if (bytes[i] === 0x29) d--;
            i++;
          }
        } else i++;
      }
      push({ dict: true });
    } else if (c === 0x3c) {
      // hex string
      let hex = '';
      i++;
      while (i < n && bytes[i] !== 0x3e) {
        const ch = String.fromCharCode(bytes[i]!);
        if (/[0-9a-fA-F]/.test(ch)) hex += ch;
        i++;
      }
      i++;
      if (hex.length % 2) hex += '0';
      let s = '';
      for (let k = 0; k < hex.length; k += 2) s += String.fromCharCode(parseInt(hex.slice(k, k + 2), 16));
      push({ value: s });
    } else if (c === 0x5b) {
      const arr: Token[] = [];
      push({ value: arr });
      stack.push(arr);
      i++;
    } else if (c === 0x5d) {
      if (stack.length > 1) stack.pop();
      i++;
    } else if (c === 0x2f) {
      let j = i + 1;
      while (j < n && regular(bytes[j]!)) j++;
      push({ name: Buffer.from(bytes.subarray(i + 1, j)).toString('latin1') });
      i = j;
    } else if (c === 0x3e || c === 0x29 || c === 0x7b || c === 0x7d) {
      i++; // stray delimiter
    } else {
      let j = i;
      while (j < n && regular(bytes[j]!)) j++;
      const word = Buffer.from(bytes.subarray(i, j)).toString('latin1');
      i = j;
      const num = Number(word);
      if (word !== '' && Number.isFinite(num) && /^[-+]?(\d+\.?\d*|\.\d+)$/.test(word)) {
        push({ value: num });
      } else if (word === 'ID') {
        // inline image data runs to whitespace + EI + whitespace
        let k = i + 1;
        while (k < n && !(WHITESPACE.has(bytes[k - 1]!) && bytes[k] === 0x45 && bytes[k + 1] === 0x49 && (k + 2 >= n || WHITESPACE.has(bytes[k + 2]!)))) k++;
        i = k + 2;
        // the image is drawn at BI; `ID` and `EI` carry nothing more
      } else if (word !== '') {
        if (stack.length > 1) stack.length = 1; // an operator inside an unclosed array
        out.push({ op: word });
      }
    }
  }
  return out;
}

// --- graphics state
interface TextState {
  tm: Matrix;
  tlm: Matrix;
  size: number;
  leading: number;
  scale: number;
  rise: number;
  wide: boolean;
}

interface Scope {
  ctx: PDFContext;
  resources: PDFDict | undefined;
  page: Rect;
  found: Rect[];
  depth: number;
  seenForms: Set<PDFObject>;
}

const MAX_FORM_DEPTH = 8;

function resourceEntry(scope: Scope, category: string, key: string): PDFObject | undefined {
  const dict = lookupDict(scope.ctx, scope.resources?.get(PDFName.of(category)));
  const raw = dict?.get(PDFName.of(key));
  return raw instanceof PDFRef ? scope.ctx.lookup(raw) : raw;
}

function isTwoByteFont(scope: Scope, fontName: string): boolean {
  const font = resourceEntry(scope, 'Font', fontName);
  return font instanceof PDFDict && font.get(PDFName.of('Subtype'))?.toString() === '/Type0';
}

function numberArray(ctx: PDFContext, o: PDFObject | undefined): number[] | undefined {
  const arr = o instanceof PDFRef ? ctx.lookup(o) : o;
  if (!(arr instanceof PDFArray)) return undefined;
  const v = arr.asArray().map((x) => {
    const r = x instanceof PDFRef ? ctx.lookup(x) : x;
    return r instanceof PDFNumber ? r.asNumber() : NaN;
  });
  return v.every(Number.isFinite) ? v : undefined;
}

/** Whether colour operands paint white (a background, not content). */
function isWhite(op: string, operands: number[]): boolean {
  if (op === 'g') return operands[0] === 1;
  if (op === 'rg') return operands.length === 3 && operands.every((v) => v === 1);
  if (op === 'k') return operands.length === 4 && operands.every((v) => v === 0);
  return false;
}

function scan(scope: Scope, bytes: Uint8Array, start: Matrix): void {
  const tokens = tokenize(bytes);
  let ctm: Matrix = start;
  const stack: Array<{ ctm: Matrix; white: boolean }> = [];
  let whiteFill = false;
  let path: Array<[number, number]> = [];
  let text: TextState = { tm: IDENTITY, tlm: IDENTITY, size: 0, leading: 0, scale: 1, rise: 0, wide: false };
  let operands: Operand[] = [];
  const nameOperand = (): string | undefined => operands.find((o): o is { name: string } => typeof o === 'object' && !Array.isArray(o) && 'name' in o)?.name;
  const stringOperand = (): string | undefined => operands.find((o): o is string => typeof o === 'string');

  const addPath = (stroked: boolean, filled: boolean) => {
    if (path.length > 0 && (stroked || (filled && !whiteFill))) {
      const xs = path.map((p) => p[0]);
      const ys = path.map((p) => p[1]);
      scope.found.push({ x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) });
    }
    path = [];
  };
  const showText = (glyphBytes: number, adjust: number) => {
    const glyphs = text.wide ? Math.ceil(glyphBytes / 2) : glyphBytes;
    const em = text.wide ? 1 : 0.6;
    const width = (glyphs * em * text.size - (adjust / 1000) * text.size) * text.scale;
    if (text.size > 0 && glyphs > 0) {
      const m = multiply(text.tm, ctm);
      scope.found.push(transformRect(m, Math.min(0, width), text.rise - 0.25 * text.size, Math.max(0, width), text.rise + text.size));
    }
    text = { ...text, tm: multiply([1, 0, 0, 1, width, 0], text.tm) };
  };
  const nextLine = () => {
    text.tlm = multiply([1, 0, 0, 1, 0, -text.leading], text.tlm);
    text.tm = text.tlm;
  };
  const nums = () => operands.filter((o): o is number => typeof o === 'number');

  for (const t of tokens) {
    if ('value' in t) {
      operands.push(t.value);
      continue;
    }
    if ('name' in t || 'dict' in t) {
      operands.push(t);
      continue;
    }
    const op = t.op;
    const v = nums();
    switch (op) {
      case 'q':
        stack.push({ ctm, white: whiteFill });
        break;
      case 'Q': {
        const s = stack.pop();
        if (s) {
          ctm = s.ctm;
          whiteFill = s.white;
        }
        break;
      }
      case 'cm':
        if (v.length === 6) ctm = multiply(v as Matrix, ctm);
        break;
      case 'g':
      case 'rg':
      case 'k':
        whiteFill = isWhite(op, v);
        break;
      case 'sc':
      case 'scn':
      case 'cs':
        whiteFill = false;
        break;
      case 'm':
      case 'l':
        if (v.length >= 2) path.push(apply(ctm, v[v.length - 2]!, v[v.length - 1]!));
        break;
      case 'c':
      case 'v':
      case 'y':
        for (let k = 0; k + 1 < v.length; k += 2) path.push(apply(ctm, v[k]!, v[k + 1]!));
        break;
      case 're':
        if (v.length === 4) {
          const r = transformRect(ctm, v[0]!, v[1]!, v[0]! + v[2]!, v[1]! + v[3]!);
          path.push([r.x0, r.y0], [r.x1, r.y1]);
        }
        break;
      case 'S':
      case 's':
        addPath(true, false);
        break;
      case 'f':
      case 'F':
      case 'f*':
        addPath(false, true);
        break;
      case 'B':
      case 'B*':
      case 'b':
      case 'b*':
        addPath(true, true);
        break;
      case 'n':
        path = [];
        break;
      case 'BT':
        text = { ...text, tm: IDENTITY, tlm: IDENTITY };
        break;
      case 'Tf': {
        const fontName = nameOperand();
        if (v.length >= 1) text.size = Math.abs(v[v.length - 1]!);
        text.wide = fontName ? isTwoByteFont(scope, fontName) : false;
        break;
      }
      case 'TL':
        if (v.length === 1) text.leading = v[0]!;
        break;
      case 'Tz':
        if (v.length === 1) text.scale = v[0]! / 100;
        break;
      case 'Ts':
        if (v.length === 1) text.rise = v[0]!;
        break;
      case 'Tm':
        if (v.length === 6) {
          text.tm = v as Matrix;
          text.tlm = v as Matrix;
        }
        break;
      case 'Td':
      case 'TD':
        if (v.length === 2) {
          if (op === 'TD') text.leading = -v[1]!;
          text.tlm = multiply([1, 0, 0, 1, v[0]!, v[1]!], text.tlm);
          text.tm = text.tlm;
        }
        break;
      case 'T*':
        nextLine();
        break;
      case 'Tj':
      case "'":
      case '"': {
        if (op !== 'Tj') nextLine();
        showText(stringOperand()?.length ?? 0, 0);
        break;
      }
      case 'TJ': {
        const arr = operands.find((o): o is Token[] => Array.isArray(o)) ?? [];
        let count = 0;
        let adjust = 0;
        for (const el of arr) {
          if ('value' in el && typeof el.value === 'string') count += el.value.length;
          else if ('value' in el && typeof el.value === 'number') adjust += el.value;
        }
        showText(count, adjust);
        break;
      }
      case 'BI':
        scope.found.push(transformRect(ctm, 0, 0, 1, 1));
        break;
      case 'sh':
        scope.found.push(scope.page);
        break;
      case 'Do': {
        const key = nameOperand();
        if (key) drawXObject(scope, key, ctm);
        break;
      }
      default:
        break;
    }
    operands = [];
  }
}

function drawXObject(scope: Scope, key: string, ctm: Matrix): void {
  const xobject = resourceEntry(scope, 'XObject', key);
  if (!(xobject instanceof PDFRawStream)) return;
  const subtype = xobject.dict.get(PDFName.of('Subtype'))?.toString();
  if (subtype === '/Image') {
    scope.found.push(transformRect(ctm, 0, 0, 1, 1));
    return;
  }
  if (subtype !== '/Form') return;
  const matrix = (numberArray(scope.ctx, xobject.dict.get(PDFName.of('Matrix'))) ?? IDENTITY) as Matrix;
  const m = multiply(matrix.length === 6 ? matrix : IDENTITY, ctm);
  const bbox = numberArray(scope.ctx, xobject.dict.get(PDFName.of('BBox')));
  const whole = (): void => {
    if (bbox && bbox.length === 4) scope.found.push(transformRect(m, bbox[0]!, bbox[1]!, bbox[2]!, bbox[3]!));
    else scope.found.push(scope.page);
  };
  if (scope.depth >= MAX_FORM_DEPTH || scope.seenForms.has(xobject)) return whole();
  let bytes: Uint8Array;
  try {
    bytes = decodePDFRawStream(xobject).decode();
  } catch {
    return whole();
  }
  const resources = lookupDict(scope.ctx, xobject.dict.get(PDFName.of('Resources'))) ?? scope.resources;
  const inner: Scope = { ...scope, resources, depth: scope.depth + 1, seenForms: new Set([...scope.seenForms, xobject]), found: [] };
  scan(inner, bytes, m);
  // what a form draws stays inside its BBox
  const clip = bbox && bbox.length === 4 ? transformRect(m, bbox[0]!, bbox[1]!, bbox[2]!, bbox[3]!) : undefined;
  for (const r of inner.found) {
    const c = clip ? intersect(r, clip) : r;
    if (c) scope.found.push(c);
  }
}

function intersect(a: Rect, b: Rect): Rect | undefined {
  const r = { x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) };
  return r.x0 <= r.x1 && r.y0 <= r.y1 ? r : undefined;
}

/**
 * The rectangles a page draws on, clipped to its visible box (`page`). A content stream that
 * cannot be decoded makes the whole page occupied.
 */
export function pageContentExtent(ctx: PDFContext, leaf: PDFPageLeaf, page: Rect): Rect[] {
  const scope: Scope = { ctx, resources: lookupDict(ctx, leaf.get(PDFName.of('Resources'))), page, found: [], depth: 0, seenForms: new Set() };
  const contents = leaf.get(PDFName.of('Contents'));
  const resolved = contents instanceof PDFRef ? ctx.lookup(contents) : contents;
  const refs = resolved instanceof PDFArray ? resolved.asArray() : resolved ? [resolved] : [];
  const parts: Uint8Array[] = [];
  for (const r of refs) {
    const stream = r instanceof PDFRef ? ctx.lookup(r) : r;
    if (!(stream instanceof PDFRawStream)) continue;
    try {
      parts.push(decodePDFRawStream(stream).decode());
    } catch {
      return [page];
    }
  }
  // the streams of a page are one content stream split anywhere between tokens
  const joined = Buffer.concat(parts.flatMap((p) => [Buffer.from(p), Buffer.from('\n')]));
  scan(scope, joined, IDENTITY);
  return scope.found.map((r) => intersect(r, page)).filter((r): r is Rect => r !== undefined);
}
