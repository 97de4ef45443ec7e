/**
 * Wording of money figures (pure): amounts in 千円 rounded down, differences in 千円 rounded half
 * up (src/derive/money/allocate.ts explains both).
 */
import { groupDigits } from '../common/era.ts';
import { yenToSenFloor, yenToSenRounded } from '../derive/money/allocate.ts';

/** An amount: 147,123,456円 → "147,123千円" (千円未満切捨て). */
export function amountSen(yen: number): string {
  return `${groupDigits(yenToSenFloor(yen))}千円`;
}

/** A gain: 2,125,600円 → "+2,126千円"; under 500円 but above 0 → "+1千円未満". */
export function gainSen(yen: number): string {
  if (yen === 0) return '±0千円';
  const sen = yenToSenRounded(yen);
  if (sen === 0) return yen > 0 ? '+1千円未満' : '−1千円未満';
  return `${sen > 0 ? '+' : '−'}${groupDigits(Math.abs(sen))}千円`;
}

/** What a point is worth: 531,234円 → "約531千円"; under 1千円 → "約234円". */
export function perPointText(yen: number): string {
  return yen >= 1000 ? `約${groupDigits(yenToSenRounded(yen))}千円` : `約${groupDigits(yen)}円`;
}
