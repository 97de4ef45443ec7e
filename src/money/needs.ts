/**
 * The needs file of `kofukin grants --needs`: each municipality's 所要見込額 (required amount) per
 * grant, in 千円, which caps its allocation. CSV (UTF-8, BOM optional) or JSON.
 *
 * CSV: a header row with `code` (団体コード) and `suishin` and/or `shien` (aliases 推進 / 支援,
 * 所要見込額（推進）/ 所要見込額（支援）); `name` and `prefecture` may be given and are ignored.
 * One row per municipality; an empty amount means no cap for that grant; "120,000" and
 * "120000千円" are accepted.
 *
 * JSON: `{ "unit": "千円", "needs": [ { "code": "261009", "suishin": 120000, "shien": null } ] }`
 * or just the array. `unit` is optional and must be 千円.
 *
 * Every problem is located (`line 3, column 2 (suishin)`, `$.needs[2].code`) and all are reported
 * at once: unknown or repeated columns, amounts that are not whole 千円 ≥ 0, codes that are
 * malformed, have a wrong check digit, repeat, or are not in the national results file.
 */
import { extname } from 'node:path';
import { z } from 'zod';
import { ProblemCollector } from '../errors/errors.ts';
import { messages } from '../errors/messages.ts';
import type { GrantId } from '../load/schemas/catalog.ts';
import { readMunicipalityCode } from '../common/municipality-code.ts';
import { cellText } from '../input/cells.ts';
import { jsonPath } from '../input/json.ts';
import { readUserJson } from '../input/read.ts';
import { csvTable, readUserCsvTable, type RawTable } from '../input/table.ts';

import type { Need } from '../derive/money/estimate.ts';

export type { Need };

export interface NeedsTable {
  file: string;
  /** Municipality code (6 digits, as in the national file) → needs. */
  byCode: Map<string, Need>;
  /** The grants the file has a column (or any value) for. */
  grants: GrantId[];
}

type Field = 'code' | 'name' | 'prefecture' | GrantId;

const ALIASES: Readonly<Record<Field, readonly string[]>> = {
  code: ['code', '団体コード', 'コード', '市町村コード', '全国地方公共団体コード'],
  name: ['name', '市区町村', '市町村', '市区町村名', '市町村名', '保険者名'],
  prefecture: ['prefecture', '都道府県', '都道府県名'],
  suishin: ['suishin', '推進', '推進交付金', '所要見込額（推進）', '所要見込額(推進)', '推進交付金所要見込額'],
  shien: ['shien', '支援', '支援交付金', '所要見込額（支援）', '所要見込額(支援)', '支援交付金所要見込額'],
};

function fieldOf(header: string): Field | undefined {
  const h = header.normalize('NFKC').trim();
  for (const [f, names] of Object.entries(ALIASES) as Array<[Field, readonly string[]]>) if (names.some((n) => n.normalize('NFKC') === h)) return f;
  return undefined;
}

/** "120,000" / "120000千円" / "１２００００" → 120000; undefined when not a number. */
function amountFromText(text: string): number | undefined {
  const t = text.normalize('NFKC').replace(/[\s,]/g, '').replace(/千円$/, '');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
}

/** A code as written → the code of the national file (src/common/municipality-code.ts), or a problem. */
function resolveCode(raw: string, known: ReadonlySet<string>): { code: string } | { rule: string } {
  const r = readMunicipalityCode(raw, { known });
  if (!r.ok) return { rule: r.rule };
  return known.has(r.code) ? { code: r.code } : { rule: messages.needsUnknownCode(r.code) };
}

type Problems = ProblemCollector;

function checkAmount(n: number, place: string, p: Problems, text: string): number | undefined {
  if (!Number.isSafeInteger(n)) {
    p.add(place, messages.needsNotAmount(text));
    return undefined;
  }
  if (n < 0) {
    p.add(place, messages.needsNegative(n));
    return undefined;
  }
  return n;
}

/** Needs from CSV text. `known`: the codes of the national results file. */
export function needsFromCsvText(text: string, file: string, known: ReadonlySet<string>): NeedsTable {
  return needsFromTable(csvTable(text, file), file, known);
}

/** Needs from a table (CSV or the first sheet of an .xlsx workbook). */
export function needsFromTable(table: RawTable, file: string, known: ReadonlySet<string>): NeedsTable {
  const p = new ProblemCollector(file);
  const column = new Map<Field, number>();
  const firstPlace = new Map<Field, string>();
  table.header.forEach((cell, i) => {
    const h = cellText(cell.value);
    if (h === undefined) return;
    const f = fieldOf(h);
    if (!f) return p.add(cell.place, messages.needsUnknownColumn(h));
    const first = firstPlace.get(f);
    if (first) return p.add(cell.place, messages.needsDuplicateColumn(f, first));
    firstPlace.set(f, cell.place);
    column.set(f, i + 1);
  });
  if (!column.has('code')) p.add(table.headerPlace, messages.needsNoCode());
  const grants = (['suishin', 'shien'] as const).filter((g) => column.has(g));
  if (grants.length === 0) p.add(table.headerPlace, messages.needsNoGrant());
  if (table.rows.length === 0) p.add(table.headerPlace, messages.needsNoRows());
  p.throwIfAny();

  const byCode = new Map<string, Need>();
  const firstAt = new Map<string, string>();
  for (const row of table.rows) {
    if (row.fieldCount !== undefined && row.fieldCount !== table.header.length) p.add(row.place, messages.needsFieldCount(row.fieldCount, table.header.length));
    const cell = (f: Field) => {
      const col = column.get(f)!;
      return row.cells[col - 1] ?? { value: { kind: 'empty' as const }, place: table.cellPlace(row, col) };
    };
    const codeCell = cell('code');
    let code: string | undefined;
    const codeText = codeCell.value.kind === 'number' && Number.isInteger(codeCell.value.value) ? String(codeCell.value.value) : cellText(codeCell.value);
    if (codeText === undefined) p.add(codeCell.place, messages.needsBadCode(''));
    else {
      const r = resolveCode(codeText, known);
      if ('rule' in r) p.add(codeCell.place, r.rule);
      else code = r.code;
    }
    const need: Need = { suishin: null, shien: null };
    for (const g of grants) {
      const c = cell(g);
      const text = cellText(c.value);
      if (text === undefined) continue; // empty: no cap
      const n = c.value.kind === 'number' ? c.value.value : amountFromText(text);
      if (n === undefined) p.add(c.place, messages.needsNotAmount(text));
      else need[g] = checkAmount(n, c.place, p, text) ?? null;
    }
    if (code !== undefined) {
      const first = firstAt.get(code);
      if (first) p.add(codeCell.place, messages.needsDuplicateCode(code, first));
      else {
        firstAt.set(code, codeCell.place);
        byCode.set(code, need);
      }
    }
  }
  p.throwIfAny();
  return { file, byCode, grants };
}

const amount = z.number().nullable().optional();
const NeedRow = z.strictObject({
  code: z.union([z.string(), z.number()]),
  name: z.string().optional(),
  prefecture: z.string().optional(),
  suishin: amount,
  shien: amount,
});
const NeedsDocument = z.union([
  z.array(NeedRow),
  z.strictObject({ $schema: z.string().optional(), unit: z.string().optional(), needs: z.array(NeedRow) }),
]);

/** Needs from parsed JSON. */
export function needsFromJson(data: unknown, file: string, known: ReadonlySet<string>): NeedsTable {
  const p = new ProblemCollector(file);
  const parsed = NeedsDocument.safeParse(data);
  if (!parsed.success) {
    // report against the shape the file seems to aim at
    const aim = Array.isArray(data) ? z.array(NeedRow) : z.strictObject({ $schema: z.string().optional(), unit: z.string().optional(), needs: z.array(NeedRow) });
    const r = aim.safeParse(data);
    for (const issue of r.success ? parsed.error.issues : r.error.issues) p.add(jsonPath(issue.path), issue.message);
    p.throwIfAny();
  }
  const doc = parsed.data!;
  const rows = Array.isArray(doc) ? doc : doc.needs;
  const base: PropertyKey[] = Array.isArray(doc) ? [] : ['needs'];
  if (!Array.isArray(doc) && doc.unit !== undefined && doc.unit.normalize('NFKC').trim() !== '千円') p.add('$.unit', messages.needsUnit(doc.unit));
  if (rows.length === 0) p.add(jsonPath(base), messages.needsNoRows());
  const byCode = new Map<string, Need>();
  const firstAt = new Map<string, string>();
  const seen = new Set<GrantId>();
  rows.forEach((row, i) => {
    const at = (...k: PropertyKey[]) => jsonPath([...base, i, ...k]);
    const r = resolveCode(String(row.code), known);
    const need: Need = { suishin: null, shien: null };
    for (const g of ['suishin', 'shien'] as const) {
      if (g in row) seen.add(g);
      const v = row[g];
      if (v === null || v === undefined) continue;
      need[g] = checkAmount(v, at(g), p, String(v)) ?? null;
    }
    if ('rule' in r) return p.add(at('code'), r.rule);
    const first = firstAt.get(r.code);
    if (first) return p.add(at('code'), messages.needsDuplicateCode(r.code, first));
    firstAt.set(r.code, at('code'));
    byCode.set(r.code, need);
  });
  if (rows.length > 0 && seen.size === 0) p.add(jsonPath(base), messages.needsNoGrant());
  p.throwIfAny();
  return { file, byCode, grants: (['suishin', 'shien'] as const).filter((g) => seen.has(g)) };
}

/** Reads a needs file: JSON by extension `.json`, otherwise CSV. */
export function readNeedsFile(file: string, known: ReadonlySet<string>): NeedsTable {
  if (extname(file).toLowerCase() === '.json') return needsFromJson(readUserJson(file).value, file, known);
  return needsFromTable(readUserCsvTable(file), file, known);
}
