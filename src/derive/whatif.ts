/**
 * "得点向上の余地": for every indicator below its maximum, the next achievable step under its
 * 配点 rule and the points it adds, ranked by the points still possible. Wraps the scoring
 * engine with the score sheet's labels. Pure.
 */
import type { RulesFile } from '../scoring/rules.ts';
import { whatIfOpportunities } from '../scoring/whatif.ts';
import type { IndicatorResult, ScoreSheet } from './scores.ts';

export interface WhatIfItem {
  indicator: IndicatorResult;
  grantShortName: string;
  current: number;
  max: number;
  nextScore: number;
  nextGain: number;
  maxGain: number;
  /** e.g. "上位3割に到達（ウ）" */
  nextStep: string;
}

export interface WhatIfList {
  items: WhatIfItem[];
  /** Sum of max − score over all indicators (= the points lost). */
  totalPossible: number;
}

export function deriveWhatIf(sheet: ScoreSheet, rules: RulesFile): WhatIfList {
  const scores = Object.fromEntries(sheet.indicators.map((i) => [i.id, i.score]));
  const byId = new Map(sheet.indicators.map((i) => [i.id, i]));
  const names = new Map(sheet.grants.map((g) => [g.grant, g.shortName]));
  const ordered = Object.fromEntries(sheet.indicators.map((i) => [i.id, rules.rules[i.id]!]));
  const items = whatIfOpportunities(ordered, scores).map((e) => {
    const indicator = byId.get(e.indicatorId)!;
    return {
      indicator,
      grantShortName: names.get(indicator.grant) ?? '',
      current: e.current,
      max: e.max,
      nextScore: e.nextScore,
      nextGain: e.nextGain,
      maxGain: e.maxGain,
      nextStep: e.nextStep,
    };
  });
  return { items, totalPossible: items.reduce((s, i) => s + i.maxGain, 0) };
}
