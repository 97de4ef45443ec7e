/**
 * What-if opportunities: for an indicator scored s < max, the next achievable score above s,
 * what gets there, and the largest possible gain (max − s). Pure, no I/O.
 *
 * Only the score is known, not which items were achieved, so the next step is found over every
 * answer set that explains s (see engine.ts `explanations`, capped): a step is one more
 * item — an option or sub-item, or a higher level of a tier series — whose addition gives
 * exactly the next achievable score. The steps found over all explanations are summarised
 * in one Japanese phrase ("上位3割に到達（ウ）", "ウ①〜④のいずれか1項目を追加").
 */
import {
  achievableScores,
  compressIds,
  explanations,
  isAchievable,
  itemInfos,
  maxOf,
  scoreIds,
  type ItemInfo,
} from './engine.ts';
import type { IndicatorRule, Rule } from './rules.ts';

export interface NextStep {
  /** Smallest achievable score above the current one. */
  nextScore: number;
  nextGain: number;
  /** Item ids any one of which, added to some answer set explaining the current score, gives nextScore. */
  items: string[];
  /** e.g. "上位3割に到達（ウ）", "ア・イのいずれかで上位3割に到達（③）", "ウ④を追加". */
  text: string;
}

export interface WhatIfEntry {
  indicatorId: string;
  label?: string;
  current: number;
  max: number;
  nextScore: number;
  nextGain: number;
  maxGain: number;
  nextStep: string;
  /** False when the reported score cannot be produced by the rule (data or rule error). */
  currentAchievable: boolean;
}

type LevelInfo = Extract<ItemInfo, { kind: 'level' }>;
const isLevel = (i: ItemInfo): i is LevelInfo => i.kind === 'level';

/** How many answer sets of the current score are examined (the 16-item rules have at most 12,870). */
const EXPLANATION_CAP = 20_000;

/** Joins keys like "ア", "イ", "ウ" as "ア・イ・ウ" (or "ア〜エ" for 3+ consecutive in `order`). */
function compressKeys(keys: readonly string[], order: readonly string[]): string {
  return compressIds(
    keys,
    order.map((k) => ({ id: k, parent: null, key: k })),
  );
}

function describeOptionSteps(ids: readonly string[], infos: readonly ItemInfo[]): string {
  const options = infos.filter((i): i is Extract<ItemInfo, { kind: 'option' }> => i.kind === 'option');
  const chosen = options.filter((o) => ids.includes(o.id));
  let what: string;
  const parents = [...new Set(chosen.map((o) => o.parent))];
  const allSub = chosen.every((o) => o.parent !== null);
  if (allSub && parents.length >= 2) {
    // Same sub-items under several options: "ア〜エの①〜④".
    const subKeysOf = (p: string | null) => chosen.filter((o) => o.parent === p).map((o) => o.key);
    const first = subKeysOf(parents[0]!).join();
    if (parents.every((p) => subKeysOf(p).join() === first)) {
      const parentOrder = [...new Set(options.map((o) => o.parent).filter((p): p is string => p !== null))];
      const subOrder = [...new Set(options.filter((o) => o.parent === parents[0]).map((o) => o.key))];
      what = `${compressKeys(parents as string[], parentOrder)}の${compressKeys(subKeysOf(parents[0]!), subOrder)}`;
    } else what = compressIds(ids, options);
  } else what = compressIds(ids, options);
  return chosen.length === 1 ? `${what}を追加` : `${what}のいずれか1項目を追加`;
}

/**
 * `jumps`: for each target level id, by how many levels it lies above the level its series had
 * reached in the explanations where the step works.
 */
function describeLevelSteps(ids: readonly string[], infos: readonly ItemInfo[], jumps: ReadonlyMap<string, ReadonlySet<number>>): string {
  const levels = infos.filter(isLevel).filter((i) => ids.includes(i.id));
  const seriesOrder = [...new Set(infos.flatMap((i) => (i.kind === 'level' && i.series !== null ? [i.series] : [])))];
  const targets = new Set(levels.map((l) => `${l.key}\u0000${l.label ?? ''}`));
  const allJumps = new Set(levels.flatMap((l) => [...(jumps.get(l.id) ?? [])]));
  if (targets.size > 1 && allJumps.size === 1) {
    // Several series, each at a different level, one (or n) level up: "ア〜ウのいずれかで1段階上位の区分に到達".
    const jump = [...allJumps][0]!;
    const series = [...new Set(levels.map((l) => l.series).filter((x): x is string => x !== null))];
    const who = series.length === 0 ? '' : series.length === 1 ? `${series[0]}で` : `${compressKeys(series, seriesOrder)}のいずれかで`;
    return `${who}${jump}段階上位の区分に到達`;
  }
  // Group by target level (same key and label across series).
  const groups = new Map<string, typeof levels>();
  for (const l of levels) {
    const k = `${l.key}\u0000${l.label ?? ''}`;
    groups.set(k, [...(groups.get(k) ?? []), l]);
  }
  return [...groups.values()]
    .map((g) => {
      const l = g[0]!;
      const target = l.label ?? l.key;
      if (l.series === null) return `${target}に到達（${l.id}）`;
      if (g.length === 1) return `${l.series}で${target}に到達（${l.id}）`;
      const series = compressKeys(
        g.map((x) => x.series!),
        seriesOrder,
      );
      return `${series}のいずれかで${target}に到達（${l.key}）`;
    })
    .join('、または');
}

/** The next achievable score above `current` and how to get there; null when current ≥ max. */
/** Next steps per rule object and score: a batch asks the same questions for every municipality. */
const stepCache = new WeakMap<Rule, Map<number, NextStep | null>>();

export function nextStep(rule: Rule, current: number): NextStep | null {
  let byScore = stepCache.get(rule);
  if (!byScore) stepCache.set(rule, (byScore = new Map()));
  if (byScore.has(current)) return byScore.get(current)!;
  const step = computeNextStep(rule, current);
  byScore.set(current, step);
  return step;
}

function computeNextStep(rule: Rule, current: number): NextStep | null {
  const next = achievableScores(rule).find((v) => v > current);
  if (next === undefined) return null;
  const infos = itemInfos(rule);
  const found = new Set<string>();
  const jumps = new Map<string, Set<number>>();
  let examined = 0;
  for (const e of explanations(rule, current)) {
    const set = new Set(e.achieved);
    for (const info of infos) {
      if (set.has(info.id)) continue;
      set.add(info.id);
      if (scoreIds(rule, set) === next) {
        found.add(info.id);
        if (info.kind === 'level') {
          const reached = Math.max(
            -1,
            ...infos.filter(isLevel).filter((i) => i.series === info.series && e.achieved.includes(i.id)).map((i) => i.index),
          );
          jumps.set(info.id, (jumps.get(info.id) ?? new Set()).add(info.index - reached));
        }
      }
      set.delete(info.id);
    }
    if (++examined >= EXPLANATION_CAP) break;
  }
  const items = infos.filter((i) => found.has(i.id)).map((i) => i.id);
  const texts: string[] = [];
  const optionIds = items.filter((id) => infos.find((i) => i.id === id)!.kind === 'option');
  const levelIds = items.filter((id) => infos.find((i) => i.id === id)!.kind === 'level');
  if (levelIds.length > 0) texts.push(describeLevelSteps(levelIds, infos, jumps));
  if (optionIds.length > 0) texts.push(describeOptionSteps(optionIds, infos));
  let text = texts.join('、または');
  if (text === '') {
    // No single addition works (the current score is unachievable, or the next score needs a
    // different combination): show one answer set of the next score.
    const example = explanations(rule, next).next();
    text = example.done ? `${next}点` : `${example.value.text}で${next}点`;
  }
  return { nextScore: next, nextGain: next - current, items, text };
}

function ruleOf(r: Rule | IndicatorRule): Rule {
  return 'rule' in r ? r.rule : r;
}

/**
 * What-if entries of every indicator scored below its maximum, ranked by possible points
 * (max − current) descending, ties in the order of `rulesById`. Indicators without a score are
 * skipped; a score for an indicator without a rule, or outside 0…max, is an error.
 */
export function whatIfOpportunities(
  rulesById: Readonly<Record<string, Rule | IndicatorRule>>,
  scoresById: Readonly<Record<string, number>>,
  labelsById?: Readonly<Record<string, string>>,
): WhatIfEntry[] {
  const order = Object.keys(rulesById);
  for (const id of Object.keys(scoresById))
    if (!Object.hasOwn(rulesById, id)) throw new RangeError(`score given for "${id}", which has no scoring rule`);
  const entries: Array<WhatIfEntry & { index: number }> = [];
  order.forEach((id, index) => {
    const current = scoresById[id];
    if (current === undefined) return;
    const rule = ruleOf(rulesById[id]!);
    const max = maxOf(rule);
    if (!Number.isInteger(current) || current < 0 || current > max)
      throw new RangeError(`score ${current} of "${id}" is outside 0…${max}`);
    if (current === max) return;
    const step = nextStep(rule, current)!;
    const label = labelsById?.[id];
    entries.push({
      indicatorId: id,
      ...(label !== undefined ? { label } : {}),
      current,
      max,
      nextScore: step.nextScore,
      nextGain: step.nextGain,
      maxGain: max - current,
      nextStep: step.text,
      currentAchievable: isAchievable(rule, current),
      index,
    });
  });
  entries.sort((a, b) => b.maxGain - a.maxGain || a.index - b.index);
  return entries.map(({ index: _index, ...entry }) => entry);
}
