/**
 * National budgets of the grants (pure): parsing amounts as people write them (`100億`,
 * `100億円`, `10000000000`, `1.5兆`, `1兆5000億円`, `200,0000万`) into whole yen, formatting yen
 * back in 億円, and the published budgets of the years the tool knows.
 */
import type { GrantId } from '../../load/schemas/catalog.ts';
import { amountMessages } from '../../errors/messages.ts';

const UNITS: Readonly<Record<string, bigint>> = { 兆: 10n ** 12n, 億: 10n ** 8n, 万: 10n ** 4n };

/** The reason a text is not an amount, or the amount in yen. */
export type ParsedYen = { ok: true; yen: number } | { ok: false; reason: string };

/**
 * Parses an amount of money into whole yen. Accepted: digits with optional thousands commas
 * (yen), or groups `<number><unit>` with units 兆 / 億 / 万 in descending order, optionally
 * followed by plain yen digits, optionally ending in 円; full-width digits and units are fine
 * (NFKC). A decimal number before a unit must come to whole yen (`1.5兆` yes, `0.000000001億` no).
 */
export function parseYen(input: string): ParsedYen {
  const text = input.normalize('NFKC').replace(/[\s,]/g, '').replace(/円$/, '');
  if (text === '') return { ok: false, reason: amountMessages.empty() };
  const re = /(\d+(?:\.\d+)?)(兆|億|万)?/y;
  let yen = 0n;
  let lastUnit = Infinity;
  let pos = 0;
  let sawPlain = false;
  while (pos < text.length) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) return { ok: false, reason: amountMessages.notAmount(text.slice(pos)) };
    if (sawPlain) return { ok: false, reason: amountMessages.digitsAfterYen() };
    const [whole = '0', frac = ''] = m[1]!.split('.');
    const unitName = m[2];
    const unit = unitName ? UNITS[unitName]! : 1n;
    const rank = unitName ? Number(unit.toString().length) : 0;
    if (rank >= lastUnit) return { ok: false, reason: amountMessages.unitsOrder() };
    lastUnit = rank;
    if (!unitName) sawPlain = true;
    const scaled = BigInt(whole + frac) * unit;
    const div = 10n ** BigInt(frac.length);
    if (scaled % div !== 0n) return { ok: false, reason: amountMessages.notWholeYen() };
    yen += scaled / div;
    pos = re.lastIndex;
  }
  if (yen <= 0n) return { ok: false, reason: amountMessages.notPositive() };
  if (yen > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: amountMessages.tooLarge() };
  return { ok: true, yen: Number(yen) };
}

/** 億円 → yen. */
export function okuToYen(oku: number): number {
  return Math.round(oku * 1e8);
}

/** Yen as 億円 text when it is a whole number of 億 (or one decimal), else with commas in 円. */
export function formatBudget(yen: number): string {
  const oku = yen / 1e8;
  if (Number.isInteger(oku)) return `${oku.toLocaleString('en-US')}億円`;
  if (Number.isInteger(oku * 10)) return `${oku.toFixed(1)}億円`;
  return `${yen.toLocaleString('en-US')}円`;
}

/**
 * Budgets of the grants as published (億円), for the years the tool knows: seed 003 §5 (Kyoto's
 * council report, (参考) 国予算額): FY2024 推進 100億円, 支援 200億円. A grant history file's
 * `nationalBudget` of the year takes precedence in a report; `kofukin grants` defaults to these.
 */
export const PUBLISHED_BUDGETS_OKU: Readonly<Record<number, Readonly<Record<GrantId, number>>>> = {
  2024: { suishin: 100, shien: 200 },
};
