/** The closest of some names to a mistyped one (edit distance), for "did you mean" hints. */

/** Edit distance counting a swap of two neighbouring letters as one edit (buidl → build). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

/**
 * The name nearest to `typed` when it is near enough to be a typo (at most a third of its
 * letters differ), `typed` is a prefix of exactly one name, or a name is a prefix of `typed`;
 * undefined otherwise.
 */
export function closest(typed: string, names: readonly string[]): string | undefined {
  const t = typed.toLowerCase();
  const prefixed = names.filter((n) => n.toLowerCase().startsWith(t) && t.length >= 2);
  if (prefixed.length === 1) return prefixed[0];
  // a name the typed one starts with (--outdir → --out): the longest
  const starts = names.filter((n) => t.startsWith(n.toLowerCase()) && n.replace(/^-+/, '').length >= 3).sort((a, b) => b.length - a.length);
  if (starts.length > 0) return starts[0];
  let best: string | undefined;
  let bestD = Infinity;
  for (const n of names) {
    const d = distance(t, n.toLowerCase());
    if (d < bestD) {
      best = n;
      bestD = d;
    }
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(typed.length / 3)) ? best : undefined;
}
