/**
 * Japanese era (和暦) and number formatting used by the documents: 令和6年度, 令和6年12月10日,
 * 千円 amounts with thousands separators, percentages with one decimal.
 */

interface Era {
  name: string;
  /** First day of the era, ISO. */
  start: string;
  /** Western year of the era's first year. */
  firstYear: number;
}

const ERAS: readonly Era[] = [
  { name: '令和', start: '2019-05-01', firstYear: 2019 },
  { name: '平成', start: '1989-01-08', firstYear: 1989 },
  { name: '昭和', start: '1926-12-25', firstYear: 1926 },
];

function eraYear(n: number): string {
  return n === 1 ? '元' : String(n);
}

/**
 * Fiscal year (April–March) in era form: 2024 → 令和6年度, 2019 → 令和元年度, 2018 → 平成30年度.
 * A fiscal year takes the era in force on its first of April, except FY2019, which Japanese
 * administration calls 令和元年度.
 */
export function fiscalYearJa(fy: number): string {
  const era = fy >= 2019 ? ERAS[0]! : ERAS.find((e) => `${fy}-04-01` >= e.start)!;
  return `${era.name}${eraYear(fy - era.firstYear + 1)}年度`;
}

/** Calendar year in era form (the era in force at the end of the year): 2024 → 令和6年. */
export function yearJa(year: number): string {
  const era = ERAS.find((e) => `${year}-12-31` >= e.start)!;
  return `${era.name}${eraYear(year - era.firstYear + 1)}年`;
}

/** ISO date in era form: 2024-12-10 → 令和6年12月10日. */
export function dateJa(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`internal: not an ISO date: ${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const era = ERAS.find((e) => iso >= e.start)!;
  return `${era.name}${eraYear(y - era.firstYear + 1)}年${mo}月${d}日`;
}

/** Thousands separators: 245650 → "245,650". */
export function groupDigits(n: number): string {
  const [int, frac] = Math.abs(n).toString().split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (n < 0 ? '−' : '') + grouped + (frac ? `.${frac}` : '');
}

/** Percent with one decimal: 69.3 → "69.3%". */
export function percentJa(pct: number, decimals = 1): string {
  return `${pct.toFixed(decimals)}%`;
}

/** Signed figure for differences: +3.2, −1.5, ±0. */
export function signed(n: number, decimals = 1): string {
  if (n === 0) return '±0';
  const s = Math.abs(n).toFixed(decimals);
  return n > 0 ? `+${s}` : `−${s}`;
}
