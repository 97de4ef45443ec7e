/**
 * Reading a 全国地方公共団体コード as the user typed it: the one rule every reader uses.
 *
 * - Six digits: must carry a valid check digit.
 * - Five digits are either a code without its check digit (京都市 26100 → 261009) or a six-digit
 *   code whose leading 0 a spreadsheet dropped (札幌市 011002 → 11002). The reading is taken that
 *   the context confirms: a known code (e.g. a row of the national results file), else the
 *   prefecture named beside it; without either, a number cell is read as a dropped leading zero
 *   when that gives a valid check digit (text keeps its zeros), and anything else is refused as
 *   ambiguous. When a context exists but confirms neither reading, the code with its check digit
 *   appended is returned, so the caller can report the unknown code or the prefecture mismatch.
 * - Anything else (letters, 4 or 7 digits) is refused.
 * Full-width digits and surrounding spaces are accepted (NFKC).
 */
import { inputMessages } from '../errors/messages.ts';
import { hasValidCheckDigit, prefectureByName, prefectureOfMunicipality, withCheckDigit } from './prefectures.ts';

export interface CodeContext {
  /** The cell held a number, so leading zeros may have been dropped. */
  fromNumber?: boolean;
  /** The prefecture named beside the code (e.g. the row's 都道府県). */
  prefecture?: string;
  /** Codes that exist where the code is looked up (e.g. the national results file's). */
  known?: ReadonlySet<string>;
  /**
   * Verify the check digit of a six-digit code (default true). Only the raw values file turns it
   * off: its rows are matched to a report's code and never become a report's identity, and
   * its fictional fixtures number municipalities 990001, 990002, … without check digits.
   */
  checkDigit?: boolean;
}

export type CodeReading = { ok: true; code: string } | { ok: false; rule: string };

export function readMunicipalityCode(text: string, ctx: CodeContext = {}): CodeReading {
  const t = text.normalize('NFKC').trim();
  if (/^\d{6}$/.test(t)) return ctx.checkDigit === false || hasValidCheckDigit(t) ? { ok: true, code: t } : { ok: false, rule: inputMessages.badCheckDigit(t, withCheckDigit(t.slice(0, 5))) };
  if (!/^\d{5}$/.test(t)) return { ok: false, rule: inputMessages.badCode(text) };
  const padded = hasValidCheckDigit(`0${t}`) ? `0${t}` : undefined;
  const appended = withCheckDigit(t);
  if (ctx.known) return { ok: true, code: padded !== undefined && ctx.known.has(padded) ? padded : appended };
  const named = ctx.prefecture !== undefined ? prefectureByName(ctx.prefecture.normalize('NFKC').trim()) : undefined;
  if (named) return { ok: true, code: padded !== undefined && prefectureOfMunicipality(padded)?.code === named.code ? padded : appended };
  if (ctx.fromNumber && padded !== undefined) return { ok: true, code: padded };
  return { ok: false, rule: inputMessages.fiveDigitCode(t) };
}
