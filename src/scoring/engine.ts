/**
 * Scoring engine over the rules of rules.ts (pure, no I/O).
 *
 * - `maxOf(rule)`: the highest score.
 * - `scoreAnswers(rule, answers)`: the score of a set of achieved items.
 * - `achievableScores(rule)`: every distinct score the rule can produce, computed by dynamic
 *   programming over the parts (subset sums for options, sum-sets for `sum`, max-sets for
 *   `bestOf`), never by enumerating answer sets (推進 Ⅰ(i)3 alone has 2^16 of them).
 * - `explainScore(rule, score)`: answer sets that produce a score, generated lazily (pruned by
 *   the DP tables, so every branch taken leads to a solution) and cut off at a limit.
 *
 * Answers name achieved items by their ids (see rules.ts): "ア", "ウ①", and for tier series the
 * level reached, "ウ" (上位3割 of the single series) or "ア③"; lower levels of a series are
 * implied and may be listed or not.
 */
import {
  hasSubItems,
  levelId,
  ruleMax,
  subItemId,
  type OptionsRule,
  type Rule,
  type TiersRule,
} from './rules.ts';

export { ruleMax as maxOf };

/** Which items of one indicator are achieved, by item id ("ア", "ウ①", "ア③", "ウ"). */
export interface Answers {
  readonly achieved: readonly string[];
}

/** One answer set producing a score. */
export interface Explanation {
  score: number;
  /** Achieved item ids; for a tier series only the highest level reached. */
  achieved: string[];
  /** e.g. "ア〜ウ達成、エ未達成", "ア: 上位5割（ア②）／イ: 上位7割に未到達". */
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Item index

/** An option or sub-item as needed to print it. */
export interface ItemRef {
  id: string;
  /** Option key of a sub-item ("ウ" for "ウ①"); null for a plain option. */
  parent: string | null;
  /** Key within its parent ("①"), or the option key for a plain option. */
  key: string;
}

interface FlatItem extends ItemRef {
  points: number;
}

const flatCache = new WeakMap<OptionsRule, FlatItem[]>();
/** Items of an options node in document order. */
function flatItems(node: OptionsRule): FlatItem[] {
  let items = flatCache.get(node);
  if (!items) {
    items = node.options.flatMap((o): FlatItem[] =>
      hasSubItems(o)
        ? o.subItems.map((s) => ({ id: subItemId(o, s), points: s.points, parent: o.key, key: s.key }))
        : [{ id: o.key, points: o.points, parent: null, key: o.key }],
    );
    flatCache.set(node, items);
  }
  return items;
}

/** Cumulative points of a series: cum[k] = points for reaching level k (1-based); cum[0] = 0. */
function cumulative(node: TiersRule): number[] {
  const cum = [0];
  for (const level of node.levels) cum.push(cum[cum.length - 1]! + level.points);
  return cum;
}

/** Every item id of a rule, in document order. */
function allIds(rule: Rule, out: string[] = []): string[] {
  switch (rule.kind) {
    case 'options':
      for (const it of flatItems(rule)) out.push(it.id);
      break;
    case 'tiers':
      for (const l of rule.levels) out.push(levelId(rule, l));
      break;
    case 'sum':
    case 'bestOf':
      for (const p of rule.parts) allIds(p, out);
      break;
    case 'fallback':
      allIds(rule.primary, out);
      allIds(rule.fallback, out);
      break;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Scoring

function scoreSet(rule: Rule, set: ReadonlySet<string>): number {
  switch (rule.kind) {
    case 'options':
      return flatItems(rule).reduce((acc, it) => acc + (set.has(it.id) ? it.points : 0), 0);
    case 'tiers': {
      let reached = 0;
      rule.levels.forEach((l, i) => {
        if (set.has(levelId(rule, l))) reached = i + 1;
      });
      return cumulative(rule)[reached]!;
    }
    case 'sum':
      return rule.parts.reduce((acc, p) => acc + scoreSet(p, set), 0);
    case 'bestOf':
      return Math.max(...rule.parts.map((p) => scoreSet(p, set)));
    case 'fallback': {
      const primary = scoreSet(rule.primary, set);
      return primary > 0 ? primary : scoreSet(rule.fallback, set);
    }
  }
}

/** Score of the achieved items. Throws a RangeError naming any id the rule does not have. */
export function scoreAnswers(rule: Rule, answers: Answers): number {
  const known = new Set(allIds(rule));
  const unknown = answers.achieved.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new RangeError(
      `unknown item id${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}; this rule's items are ${[...known].join(' ')}`,
    );
  return scoreSet(rule, new Set(answers.achieved));
}

// ---------------------------------------------------------------------------------------------
// Achievable scores (dynamic programming)

const achievableCache = new WeakMap<Rule, number[]>();

function sorted(set: Set<number>): number[] {
  return [...set].sort((a, b) => a - b);
}

/** Subset sums of point values. */
function subsetSums(points: readonly number[]): Set<number> {
  let sums = new Set([0]);
  for (const p of points) {
    const next = new Set(sums);
    for (const s of sums) next.add(s + p);
    sums = next;
  }
  return sums;
}

function sumSet(a: readonly number[], b: readonly number[]): Set<number> {
  const out = new Set<number>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

function maxSet(a: readonly number[], b: readonly number[]): Set<number> {
  const out = new Set<number>();
  for (const x of a) for (const y of b) out.add(Math.max(x, y));
  return out;
}

/** All distinct scores the rule can produce, ascending (always includes 0 and the maximum). */
export function achievableScores(rule: Rule): number[] {
  const cached = achievableCache.get(rule);
  if (cached) return cached;
  let result: number[];
  switch (rule.kind) {
    case 'options':
      result = sorted(subsetSums(flatItems(rule).map((it) => it.points)));
      break;
    case 'tiers':
      result = cumulative(rule);
      break;
    case 'sum':
      result = rule.parts.map(achievableScores).reduce((acc, s) => sorted(sumSet(acc, s)));
      break;
    case 'bestOf':
      result = rule.parts.map(achievableScores).reduce((acc, s) => sorted(maxSet(acc, s)));
      break;
    case 'fallback': {
      // Every rule can score 0, so the fallback is always reachable.
      const out = new Set(achievableScores(rule.primary).filter((v) => v > 0));
      for (const v of achievableScores(rule.fallback)) out.add(v);
      result = sorted(out);
      break;
    }
  }
  achievableCache.set(rule, result);
  return result;
}

export function isAchievable(rule: Rule, score: number): boolean {
  return achievableScores(rule).includes(score);
}

// ---------------------------------------------------------------------------------------------
// Explanations (lazy, pruned)

/** Suffix subset sums of an options node: suffix[i] = sums of items i..end. */
const suffixCache = new WeakMap<object, Array<Set<number>>>();
function optionSuffixes(node: OptionsRule): Array<Set<number>> {
  let suffix = suffixCache.get(node);
  if (!suffix) {
    const items = flatItems(node);
    suffix = new Array<Set<number>>(items.length + 1);
    suffix[items.length] = new Set([0]);
    for (let i = items.length - 1; i >= 0; i--) {
      const next = suffix[i + 1]!;
      const cur = new Set(next);
      for (const s of next) cur.add(s + items[i]!.points);
      suffix[i] = cur;
    }
    suffixCache.set(node, suffix);
  }
  return suffix;
}

/** Suffix sum-sets of the parts of a sum node. */
function partSuffixes(parts: readonly Rule[], key: object): Array<Set<number>> {
  let suffix = suffixCache.get(key);
  if (!suffix) {
    suffix = new Array<Set<number>>(parts.length + 1);
    suffix[parts.length] = new Set([0]);
    for (let i = parts.length - 1; i >= 0; i--) suffix[i] = sumSet(achievableScores(parts[i]!), [...suffix[i + 1]!]);
    suffixCache.set(key, suffix);
  }
  return suffix;
}

function* genOptions(items: FlatItem[], suffix: Array<Set<number>>, i: number, target: number, acc: string[]): Generator<string[]> {
  if (i === items.length) {
    if (target === 0) yield [...acc];
    return;
  }
  const it = items[i]!;
  // Achieved first, so the first explanations list the earliest items as achieved.
  if (target - it.points >= 0 && suffix[i + 1]!.has(target - it.points)) {
    acc.push(it.id);
    yield* genOptions(items, suffix, i + 1, target - it.points, acc);
    acc.pop();
  }
  if (suffix[i + 1]!.has(target)) yield* genOptions(items, suffix, i + 1, target, acc);
}

/** Cartesian product of per-part choices: each part takes one of its allowed values. */
function* genProduct(parts: readonly Rule[], allowed: ReadonlyArray<readonly number[]>, i: number): Generator<string[]> {
  if (i === parts.length) {
    yield [];
    return;
  }
  for (const v of allowed[i]!) for (const head of gen(parts[i]!, v)) for (const tail of genProduct(parts, allowed, i + 1)) yield [...head, ...tail];
}

function* genSum(parts: readonly Rule[], suffix: Array<Set<number>>, i: number, target: number): Generator<string[]> {
  if (i === parts.length) {
    if (target === 0) yield [];
    return;
  }
  // Higher values of earlier parts first (mirrors "achieved first" of options).
  const values = [...achievableScores(parts[i]!)].reverse();
  for (const v of values) {
    if (v > target || !suffix[i + 1]!.has(target - v)) continue;
    for (const head of gen(parts[i]!, v)) for (const tail of genSum(parts, suffix, i + 1, target - v)) yield [...head, ...tail];
  }
}

/** Answer sets (achieved ids) of a node that score exactly `target`; nothing if unachievable. */
function* gen(rule: Rule, target: number): Generator<string[]> {
  if (!achievableScores(rule).includes(target)) return;
  switch (rule.kind) {
    case 'options':
      yield* genOptions(flatItems(rule), optionSuffixes(rule), 0, target, []);
      return;
    case 'tiers': {
      const k = cumulative(rule).indexOf(target);
      yield k === 0 ? [] : [levelId(rule, rule.levels[k - 1]!)];
      return;
    }
    case 'sum':
      yield* genSum(rule.parts, partSuffixes(rule.parts, rule), 0, target);
      return;
    case 'bestOf': {
      // The first part reaching the target is part i; earlier parts stay below it, later parts
      // at or below it. Lower values of the other parts first (minimal answer sets first).
      const sets = rule.parts.map(achievableScores);
      for (let i = 0; i < rule.parts.length; i++) {
        if (!sets[i]!.includes(target)) continue;
        const allowed = sets.map((s, j) => (j === i ? [target] : s.filter((v) => (j < i ? v < target : v <= target))));
        if (allowed.some((a) => a.length === 0)) continue;
        yield* genProduct(rule.parts, allowed, 0);
      }
      return;
    }
    case 'fallback':
      if (target === 0) {
        yield [];
        return;
      }
      // Primary scores: the fallback items do not matter and are left out.
      yield* gen(rule.primary, target);
      // Primary scores nothing: the fallback counts.
      yield* gen(rule.fallback, target);
      return;
  }
}

/**
 * Lazily generates the answer sets producing `score`. Yields nothing when the score is not
 * achievable. Each set lists achieved option/sub-item ids and, for each tier series reached,
 * the highest level id only.
 */
export function* explanations(rule: Rule, score: number): Generator<Explanation> {
  for (const achieved of gen(rule, score)) yield { score, achieved, text: describeAnswers(rule, achieved) };
}

/** Up to `limit` (default 10) answer sets producing `score`; [] when it is not achievable. */
export function explainScore(rule: Rule, score: number, options: { limit?: number } = {}): Explanation[] {
  const limit = options.limit ?? 10;
  const out: Explanation[] = [];
  if (limit <= 0) return out;
  for (const e of explanations(rule, score)) {
    out.push(e);
    if (out.length >= limit) break;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Describing answer sets in Japanese

/**
 * Compresses item ids in document order into runs: "ア〜ウ", "ア・イ", "ウ①〜③".
 * `order` lists all items of the node (a run is a stretch of consecutive items with the same parent).
 */
export function compressIds(ids: readonly string[], order: readonly ItemRef[]): string {
  const chosen = new Set(ids);
  const runs: ItemRef[][] = [];
  let run: ItemRef[] = [];
  for (const it of order) {
    const prev = run[run.length - 1];
    if (chosen.has(it.id) && (!prev || prev.parent === it.parent)) run.push(it);
    else {
      if (run.length > 0) runs.push(run);
      run = chosen.has(it.id) ? [it] : [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs
    .map((r) => {
      const parent = r[0]!.parent ?? '';
      const keys = r.map((it) => it.key);
      if (keys.length >= 3) return `${parent}${keys[0]}〜${keys[keys.length - 1]}`;
      return parent ? `${parent}${keys.join('・')}` : keys.join('・');
    })
    .join('・');
}

function describeNode(rule: Rule, set: ReadonlySet<string>): string[] {
  switch (rule.kind) {
    case 'options': {
      const items = flatItems(rule);
      const hit = items.filter((it) => set.has(it.id)).map((it) => it.id);
      const miss = items.filter((it) => !set.has(it.id)).map((it) => it.id);
      const parts: string[] = [];
      if (hit.length > 0) parts.push(`${compressIds(hit, items)}達成`);
      if (miss.length > 0) parts.push(`${compressIds(miss, items)}未達成`);
      return [parts.join('、')];
    }
    case 'tiers': {
      let reached = 0;
      rule.levels.forEach((l, i) => {
        if (set.has(levelId(rule, l))) reached = i + 1;
      });
      const prefix = rule.series ? `${rule.series}: ` : '';
      if (reached === 0) {
        const first = rule.levels[0]!;
        return [`${prefix}${first.label ?? levelId(rule, first)}に未到達`];
      }
      const level = rule.levels[reached - 1]!;
      return [`${prefix}${level.label ? `${level.label}（${levelId(rule, level)}）` : levelId(rule, level)}`];
    }
    case 'sum':
    case 'bestOf':
      return rule.parts.flatMap((p) => describeNode(p, set));
    case 'fallback': {
      const primary = scoreSet(rule.primary, set);
      if (primary > 0) return describeNode(rule.primary, set);
      const fb = describeNode(rule.fallback, set);
      const fallbackScore = scoreSet(rule.fallback, set);
      return [...describeNode(rule.primary, set), ...(fallbackScore > 0 && rule.condition ? fb.map((t) => `${t}（${rule.condition}）`) : fb)];
    }
  }
}

/** Japanese description of an answer set, e.g. "ア〜ウ達成、エ未達成". */
export function describeAnswers(rule: Rule, achieved: readonly string[]): string {
  return describeNode(rule, new Set(achieved)).join('／');
}

// ---------------------------------------------------------------------------------------------
// Item metadata (used by whatif.ts)

export type ItemInfo =
  | { kind: 'option'; id: string; points: number; parent: string | null; key: string }
  | { kind: 'level'; id: string; points: number; series: string | null; key: string; label: string | null; index: number };

/** Metadata of every item id of a rule, in document order. */
export function itemInfos(rule: Rule, out: ItemInfo[] = []): ItemInfo[] {
  switch (rule.kind) {
    case 'options':
      for (const it of flatItems(rule)) out.push({ kind: 'option', ...it });
      break;
    case 'tiers':
      rule.levels.forEach((l, index) =>
        out.push({ kind: 'level', id: levelId(rule, l), points: l.points, series: rule.series ?? null, key: l.key, label: l.label ?? null, index }),
      );
      break;
    case 'sum':
    case 'bestOf':
      for (const p of rule.parts) itemInfos(p, out);
      break;
    case 'fallback':
      itemInfos(rule.primary, out);
      itemInfos(rule.fallback, out);
      break;
  }
  return out;
}

/** Score of a set of ids without validation (internal fast path for what-if search). */
export function scoreIds(rule: Rule, ids: ReadonlySet<string>): number {
  return scoreSet(rule, ids);
}
