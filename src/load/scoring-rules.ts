/**
 * The scoring rules of a fiscal year (data/catalog/fy<year>.rules.json): every indicator's 配点
 * as a machine-readable rule (src/scoring/rules.ts). A year without a rules file is reported
 * scores only: achievability is then not checked and no what-if list is made.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Problem } from '../errors/errors.ts';
import { loadMessages, messages, termMessages } from '../errors/messages.ts';
import { jsonPath, loadJson } from './json.ts';
import { RulesFileSchema, type RulesFile } from '../scoring/rules.ts';
import { achievableScores, isAchievable } from '../scoring/engine.ts';
import type { Catalog } from './schemas/catalog.ts';
import type { MunicipalityResults } from './schemas/inputs.ts';

export function scoringRulesPath(fiscalYear: number): string {
  return fileURLToPath(new URL(`../../data/catalog/fy${fiscalYear}.rules.json`, import.meta.url));
}

export function loadScoringRules(fiscalYear: number): RulesFile | null {
  const file = scoringRulesPath(fiscalYear);
  return existsSync(file) ? loadJson(RulesFileSchema, file) : null;
}

/** The rules must cover the catalog exactly, with the same maxima. */
export function checkRulesAgainstCatalog(rules: RulesFile, catalog: Catalog, file: string): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set<string>();
  for (const g of catalog.grants)
    for (const goal of g.goals)
      for (const grp of goal.groups)
        for (const ind of grp.indicators) {
          ids.add(ind.id);
          const rule = rules.rules[ind.id];
          if (!rule) problems.push({ location: { file, place: '$.rules' }, rule: loadMessages.noScoringRule(ind.id), severity: 'error' });
          else if (rule.maxPoints !== ind.maxPoints)
            problems.push({
              location: { file, place: jsonPath(['rules', ind.id, 'maxPoints']) },
              rule: messages.catalogMaxMismatch(termMessages.ruleOf(ind.id), rule.maxPoints, ind.maxPoints),
              severity: 'error',
            });
        }
  for (const id of Object.keys(rules.rules))
    if (!ids.has(id)) problems.push({ location: { file, place: jsonPath(['rules', id]) }, rule: messages.unknownIndicator(id), severity: 'error' });
  return problems;
}

/** Every reported score must be one the indicator's 配点 rule can produce. */
export function checkAchievable(results: MunicipalityResults, rules: RulesFile, catalog: Catalog, file: string): Problem[] {
  const scoring = new Map<string, string>();
  for (const g of catalog.grants) for (const goal of g.goals) for (const grp of goal.groups) for (const ind of grp.indicators) scoring.set(ind.id, ind.scoringText);
  const problems: Problem[] = [];
  for (const [id, score] of Object.entries(results.scores)) {
    const rule = rules.rules[id];
    if (!rule || score > rule.maxPoints) continue; // unknown ids and maxima are reported elsewhere
    if (!isAchievable(rule.rule, score))
      problems.push({
        location: { file, place: jsonPath(['scores', id]) },
        rule: messages.scoreNotAchievable(id, score, scoring.get(id) ?? '', achievableScores(rule.rule)),
        severity: 'error',
      });
  }
  return problems;
}
