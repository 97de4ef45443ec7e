/**
 * One cell-conversion module for every table the user gives (CSV fields and .xlsx cells): a
 * cell's value as one of a few kinds, its text, numbers written the ways Japanese offices write
 * them, yes/no words, and the rule for a cell that shows an error or a formula without a saved
 * value.
 */
import type ExcelJS from 'exceljs';
import { inputMessages } from '../errors/messages.ts';
import { readMunicipalityCode, type CodeContext } from '../common/municipality-code.ts';

export type CellValue =
  | { kind: 'empty' }
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: Date }
  /** An error the cell shows (`#DIV/0!`), or (`formula`) a formula whose value was never saved. */
  | { kind: 'error'; value: string; formula?: string };

export interface RawCell {
  value: CellValue;
  /** `line 5, column 7 (suishin.I.i.3)` or `Sheet!G5` */
  place: string;
}

const EMPTY: CellValue = { kind: 'empty' };

/** Text as a cell value: trimmed; blank is empty. */
export function textCell(s: string): CellValue {
  const t = s.trim();
  return t === '' ? EMPTY : { kind: 'text', value: t };
}

/**
 * An exceljs cell value as a cell value. A formula gives its cached result (what Excel showed
 * when the file was saved); a formula without one (written by a program, never opened in Excel)
 * is an error value that names the formula, so the reader can say which cell to fix.
 */
export function xlsxCell(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'error', value: String(v) };
  if (typeof v === 'string') return textCell(v);
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { kind: 'error', value: '#VALUE!' } : { kind: 'date', value: v };
  if ('error' in v) return { kind: 'error', value: String(v.error) };
  if ('richText' in v) return textCell(v.richText.map((t) => t.text).join(''));
  if ('formula' in v || 'sharedFormula' in v) {
    const f = v as ExcelJS.CellFormulaValue & { sharedFormula?: string };
    if (f.result === undefined || f.result === null) return { kind: 'error', value: '', formula: f.formula ?? f.sharedFormula ?? '' };
    return xlsxCell(f.result as ExcelJS.CellValue);
  }
  if ('hyperlink' in v) return xlsxCell((v as ExcelJS.CellHyperlinkValue).text);
  return textCell(String(v));
}

/** `2024-12-10` (the date's UTC calendar day, as Excel stores it). */
export function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The text of a cell as the user sees it; undefined when empty. */
export function cellText(v: CellValue): string | undefined {
  switch (v.kind) {
    case 'empty':
      return undefined;
    case 'text':
      return v.value;
    case 'number':
      return String(v.value);
    case 'boolean':
      return v.value ? 'TRUE' : 'FALSE';
    case 'date':
      return isoDate(v.value);
    case 'error':
      return v.value;
  }
}

/** The rule broken by an error cell: the error it shows, or its formula without a saved value. */
export function cellErrorRule(v: Extract<CellValue, { kind: 'error' }>): string {
  return v.formula !== undefined ? inputMessages.formulaWithoutValue() : inputMessages.cellError(v.value);
}

/** "16", "１６", "30,475" → 16, 16, 30475; anything else → undefined. */
export function numberFromText(text: string): number | undefined {
  const t = text.normalize('NFKC').trim().replace(/,/g, '');
  return /^[-+]?\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 'はい', '○', '〇']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'いいえ', '']);

/** A yes/no cell (true/false, 1/0, yes/no, はい/いいえ, ○; empty is no); undefined when it is neither. */
export function yesNo(v: CellValue): boolean | undefined {
  if (v.kind === 'boolean') return v.value;
  const t = (cellText(v) ?? '').normalize('NFKC').trim().toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return undefined;
}

/** A cell read as a number: empty, a number, or the rule it breaks. */
export type CellNumber = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'problem'; rule: string };

/**
 * A number cell, or text that reads as a number (`parse`, default numberFromText); `notANumber`
 * words the problem for anything else. Error cells give their error rule.
 */
export function cellNumber(v: CellValue, notANumber: (text: string) => string, parse: (text: string) => number | undefined = numberFromText): CellNumber {
  if (v.kind === 'empty') return { kind: 'empty' };
  if (v.kind === 'error') return { kind: 'problem', rule: cellErrorRule(v) };
  const n = v.kind === 'number' ? v.value : v.kind === 'text' ? parse(v.value) : undefined;
  return n === undefined ? { kind: 'problem', rule: notANumber(cellText(v) ?? '') } : { kind: 'number', value: n };
}

/**
 * A 全国地方公共団体コード cell (src/common/municipality-code.ts has the rule): the 6-digit code,
 * or the rule it breaks.
 */
export function cellMunicipalityCode(v: CellValue, ctx: Omit<CodeContext, 'fromNumber'> = {}): { code: string } | { rule: string } {
  if (v.kind === 'empty') return { rule: inputMessages.emptyCode() };
  if (v.kind === 'error') return { rule: cellErrorRule(v) };
  const text = v.kind === 'number' && Number.isInteger(v.value) ? String(v.value) : (cellText(v) ?? '');
  const r = readMunicipalityCode(text, { ...ctx, fromNumber: v.kind === 'number' });
  return r.ok ? { code: r.code } : { rule: r.rule };
}
