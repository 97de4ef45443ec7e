/**
 * The score-proportional grant allocation, as municipalities describe the FY2024 rule (pure).
 *
 * Each grant (推進, 支援) is shared out separately, in proportion to score × 第1号被保険者数:
 *
 *     amount_i = B × w_i / W,   w_i = S_i × N_i,   W = Σ_j w_j
 *
 * Caps (所要見込額, 追加交付): where amount_i exceeds municipality i's required amount need_i it
 * is cut to need_i, and the unspent remainder is shared again among the uncapped municipalities
 * by the same rule, round after round, until nothing is left over or everyone is capped. Each
 * round shares the remainder in proportion to w among the uncapped, so after the last round every
 * uncapped municipality holds the same multiple λ of its weight and every capped one its need:
 *
 *     amount_i = need_i             for i in C (capped),
 *     amount_i = λ × w_i            otherwise,   λ = (B − Σ_{C} need) / Σ_{not C} w,
 *
 * with C = { i : need_i < λ × w_i } (a water-filling). The rounds are run exactly (integers,
 * cross-multiplied comparisons: no rounding between rounds), so the result does not depend on
 * how intermediate amounts would have been rounded; `rounds` reports how many rounds the
 * municipalities' iterative description takes (1 = nobody capped).
 *
 * What this is not: the FY2024 allocation also applied a transition cushion from the FY2023
 * amounts (激変緩和措置); no public source defines it, so it is not modelled. The result is a
 * score-proportional estimate, and callers must label it as such.
 *
 * Rounding (documented in README "grants"):
 * - Amounts are whole yen. The uncapped municipalities' exact shares λ × w_i are rounded with
 *   the largest-remainder (Hamilton) method: each gets ⌊λ w_i⌋, then the yen still missing
 *   (fewer than the number of uncapped municipalities) go one each to the largest fractional
 *   remainders, ties broken by code (ascending; then input order). So the amounts sum to the
 *   budget to the yen (less only what is unallocated when everyone is capped), and a rounded
 *   amount never exceeds its need (an exact share equal to the need has no remainder).
 * - Presentation in 千円 is `yenToSenFloor`: rounded down (千円未満切捨て, as grant amounts are
 *   customarily stated). The yen amounts stay authoritative; the 千円 figures of all
 *   municipalities therefore add up to at most the budget, short by the truncated fractions
 *   (each under 1千円), which the `grants` command reports.
 * - Money differences (what a point is worth) are exact rationals rounded half up to the yen, and
 *   shown in 千円 rounded half up (`yenToSenRounded`), marked "≈".
 *
 * Edge cases: a score of 0 (weight 0) gets 0 yen; if every weight is 0 nothing is allocated; a
 * need of null / undefined means no cap; a need of 0 caps at 0; when every municipality with a
 * weight is capped, the rest of the budget is `unallocatedYen`.
 *
 * Arithmetic is in BigInt: B × w_i reaches 10^19 (200億円 × 400点 × 950,000人), beyond 2^53.
 */

export interface Claimant {
  /** 全国地方公共団体コード; breaks ties of the rounding (ascending). */
  code: string;
  /** S_i: the municipality's score on this grant (whole points ≥ 0). */
  score: number;
  /** N_i: 第1号被保険者数 (whole number ≥ 0). */
  insured: number;
  /** 所要見込額 in yen (whole, ≥ 0); null or undefined: no cap. */
  needYen?: number | null;
}

export interface Allocation {
  code: string;
  /** w_i = S_i × N_i */
  weight: number;
  /** The share of the whole budget before any cap (B × w_i / W, Hamilton-rounded over everyone). */
  shareYen: number;
  /** The amount after caps and redistribution. */
  amountYen: number;
  needYen: number | null;
  /** True when the amount was cut to the need. */
  capped: boolean;
}

export interface AllocationResult {
  budgetYen: number;
  /** W = Σ S_j × N_j */
  weightSum: number;
  /** In the order of the claimants given. */
  allocations: Allocation[];
  allocatedYen: number;
  /** Budget left when every municipality with a weight is capped (or every weight is 0). */
  unallocatedYen: number;
  cappedCount: number;
  /** Rounds of the iterative description (1 when nobody is capped; 0 when every weight is 0). */
  rounds: number;
}

function wholeNonNegative(n: number, what: string): bigint {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0, not ${n}`);
  return BigInt(n);
}

const byCode = (a: { code: string; index: number }, b: { code: string; index: number }) =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : a.index - b.index;

/**
 * Largest remainder (Hamilton): shares `total` in proportion to the weights, to whole units,
 * summing exactly to `total` (when some weight is positive; else all 0). Ties of the remainder go
 * to the lower code.
 */
export function hamilton(total: bigint, entries: ReadonlyArray<{ code: string; weight: bigint }>): bigint[] {
  const W = entries.reduce((s, e) => s + e.weight, 0n);
  if (W === 0n) return entries.map(() => 0n);
  const out: bigint[] = [];
  const rems: Array<{ code: string; index: number; rem: bigint }> = [];
  let given = 0n;
  entries.forEach((e, index) => {
    const p = total * e.weight;
    const q = p / W;
    out.push(q);
    given += q;
    rems.push({ code: e.code, index, rem: p % W });
  });
  let left = total - given; // < number of entries with a non-zero remainder
  rems.sort((a, b) => (a.rem === b.rem ? byCode(a, b) : a.rem > b.rem ? -1 : 1));
  for (const r of rems) {
    if (left === 0n) break;
    out[r.index]! += 1n;
    left -= 1n;
  }
  return out;
}

/** The allocation of one grant's budget (yen) among the claimants, with caps. */
export function allocate(budgetYen: number, claimants: readonly Claimant[]): AllocationResult {
  const B = wholeNonNegative(budgetYen, 'the budget');
  const rows = claimants.map((c, index) => {
    const weight = wholeNonNegative(c.score, `the score of ${c.code}`) * wholeNonNegative(c.insured, `第1号被保険者数 of ${c.code}`);
    const need = c.needYen === null || c.needYen === undefined ? null : wholeNonNegative(c.needYen, `the need of ${c.code}`);
    return { code: c.code, index, weight, need };
  });
  const W = rows.reduce((s, r) => s + r.weight, 0n);
  const shares = hamilton(B, rows);

  // Exact rounds: find the capped set C.
  const capped = new Set<number>();
  let active = rows.filter((r) => r.weight > 0n);
  let remaining = B; // B − Σ_C need
  let rounds = 0;
  while (active.length > 0) {
    rounds++;
    const Wa = active.reduce((s, r) => s + r.weight, 0n);
    // need_i < remaining × w_i / Wa  ⇔  need_i × Wa < remaining × w_i
    const newly = active.filter((r) => r.need !== null && r.need * Wa < remaining * r.weight);
    if (newly.length === 0) break;
    for (const r of newly) {
      capped.add(r.index);
      remaining -= r.need!;
    }
    active = active.filter((r) => !capped.has(r.index));
  }

  const amounts = rows.map(() => 0n);
  for (const i of capped) amounts[i] = rows[i]!.need!;
  const rounded = hamilton(remaining, active);
  active.forEach((r, k) => (amounts[r.index] = rounded[k]!));
  const allocated = amounts.reduce((s, a) => s + a, 0n);

  return {
    budgetYen,
    weightSum: Number(W),
    allocations: rows.map((r) => ({
      code: r.code,
      weight: Number(r.weight),
      shareYen: Number(shares[r.index]!),
      amountYen: Number(amounts[r.index]!),
      needYen: r.need === null ? null : Number(r.need),
      capped: capped.has(r.index),
    })),
    allocatedYen: Number(allocated),
    unallocatedYen: Number(B - allocated),
    cappedCount: capped.size,
    rounds,
  };
}

/** ⌊(2·num + den) / (2·den)⌋: a non-negative rational rounded half up. */
function roundHalfUpRational(num: bigint, den: bigint): bigint {
  return (2n * num + den) / (2n * den);
}

/**
 * What k more points are worth to one municipality on one grant, before capping, with every
 * other municipality's score fixed: the exact difference A(S_i + k) − A(S_i) of
 * A(S) = B × S N_i / (S N_i + W₋ᵢ), W₋ᵢ = W − S_i N_i:
 *
 *     gain(k) = B × k × N_i × W₋ᵢ / (W × (W + k N_i))
 *
 * — the simple B × k × N_i / W, shrunk by W₋ᵢ / (W + k N_i) because the extra points also raise
 * the denominator. Rounded half up to the yen. If W = 0 (nobody scored) the k points take the
 * whole budget. `weightSum` is W including the municipality itself.
 */
export function pointsGainYen(budgetYen: number, weightSum: number, self: { score: number; insured: number }, k: number): number {
  const B = wholeNonNegative(budgetYen, 'the budget');
  const W = wholeNonNegative(weightSum, 'the weight sum');
  const N = wholeNonNegative(self.insured, '第1号被保険者数');
  const K = wholeNonNegative(k, 'the points');
  const own = wholeNonNegative(self.score, 'the score') * N;
  if (own > W) throw new RangeError(`the weight sum ${weightSum} is below the municipality's own weight ${own}`);
  if (K === 0n || N === 0n) return 0;
  if (W === 0n) return budgetYen;
  const rest = W - own;
  return Number(roundHalfUpRational(B * K * N * rest, W * (W + K * N)));
}

/** yenPerPoint(i) = gain(1): the marginal value of one more point (see pointsGainYen). */
export function yenPerPoint(budgetYen: number, weightSum: number, self: { score: number; insured: number }): number {
  return pointsGainYen(budgetYen, weightSum, self, 1);
}

/** Yen → 千円, rounded down (千円未満切捨て): the presentation of amounts. */
export function yenToSenFloor(yen: number): number {
  return Math.floor(yen / 1000);
}

/** Yen → 千円, rounded half up (away from zero for negatives): the presentation of differences. */
export function yenToSenRounded(yen: number): number {
  const sign = yen < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(yen) + 500) / 1000);
}
