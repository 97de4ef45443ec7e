/**
 * Score rates as the ministry prints them: percent with one decimal, rounded half up
 * (277/400 = 69.25% → 69.3%). Integer arithmetic, so no floating-point surprises.
 */
export function ratePercent(score: number, max: number, decimals = 1): number {
  if (max <= 0) return 0;
  const scale = 10 ** decimals;
  // round(score * 100 * scale / max) half up, in integers when the inputs are integers
  if (Number.isInteger(score) && Number.isInteger(max)) {
    const num = score * 100 * scale * 2 + max;
    return Math.floor(num / (2 * max)) / scale;
  }
  return Math.round((score * 100 * scale) / max + 1e-9) / scale;
}

/** Half-up rounding to a number of decimals, robust to binary representation (0.05 → 0.1). */
export function roundHalfUp(value: number, decimals = 1): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale + (value >= 0 ? 1e-9 : -1e-9)) / scale;
}
