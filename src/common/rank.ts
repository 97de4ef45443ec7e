/**
 * Competition ranking ("1224" ranking) as the seeds print it: equal values share a rank and
 * the next rank skips (1, 2, 3, 3, 5). Higher values rank first unless told otherwise.
 */
export function competitionRanks(values: readonly number[], order: 'desc' | 'asc' = 'desc'): number[] {
  return values.map((v) => 1 + values.filter((w) => (order === 'desc' ? w > v : w < v)).length);
}

/** Rank of one value among values (the value itself need not be among them). */
export function competitionRankOf(value: number, values: readonly number[], order: 'desc' | 'asc' = 'desc'): number {
  return 1 + values.filter((w) => (order === 'desc' ? w > value : w < value)).length;
}

/** Sorts items by a key, best first, keeping input order among equals, and attaches competition ranks. */
export function rankBy<T>(items: readonly T[], key: (item: T) => number, order: 'desc' | 'asc' = 'desc'): Array<{ item: T; rank: number }> {
  const sorted = items
    .map((item, index) => ({ item, index, value: key(item) }))
    .sort((a, b) => (order === 'desc' ? b.value - a.value : a.value - b.value) || a.index - b.index);
  let rank = 0;
  return sorted.map((entry, i) => {
    if (i === 0 || entry.value !== sorted[i - 1]!.value) rank = i + 1;
    return { item: entry.item, rank };
  });
}
