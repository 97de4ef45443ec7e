/**
 * Loading the indicator catalog of a fiscal year (data/catalog/fy<year>.json) and checking its
 * internal consistency: indicator ids agree with their position, and the points of indicators,
 * groups, goals and grants add up.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError, throwIfProblems, type Problem } from '../errors/errors.ts';
import { messages, termMessages } from '../errors/messages.ts';
import { loadJson } from './json.ts';
import { Catalog, GOAL_IDS, GRANT_IDS, type IndicatorGroup } from './schemas/catalog.ts';

export type { Catalog } from './schemas/catalog.ts';

/** Directory of the bundled catalogs, resolved relative to the package root. */
const CATALOG_DIR = new URL('../../data/catalog/', import.meta.url);

/** Path of the bundled catalog of a fiscal year: `<package>/data/catalog/fy<year>.json`. */
export function catalogPath(fiscalYear: number): string {
  return fileURLToPath(new URL(`fy${fiscalYear}.json`, CATALOG_DIR));
}

/** Id segment of the group at a position within a goal: "i", "ii" for goals Ⅰ–Ⅲ, none for Ⅳ. */
function groupSegment(goalId: string, groupIndex: number): string | undefined {
  if (goalId === 'IV') return undefined;
  return ['i', 'ii'][groupIndex] ?? `#${groupIndex + 1}`;
}

/** The id an indicator must have at a position: `<grant>.<goal>.<i|ii>.<no>` or `<grant>.IV.<no>`. */
export function expectedIndicatorId(grantIndex: number, goalIndex: number, groupIndex: number, indicatorIndex: number): string {
  const grant = GRANT_IDS[grantIndex] ?? `#${grantIndex + 1}`;
  const goal = GOAL_IDS[goalIndex] ?? `#${goalIndex + 1}`;
  const segment = groupSegment(goal, groupIndex);
  return [grant, goal, ...(segment === undefined ? [] : [segment]), String(indicatorIndex + 1)].join('.');
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** `group "suishin.I.i" (suishin.I.i.1: 16, …)`: the group and the parts that make up its sum. */
function describeGroup(grantIndex: number, goalIndex: number, groupIndex: number, group: IndicatorGroup): string {
  const prefix = expectedIndicatorId(grantIndex, goalIndex, groupIndex, 0).replace(/\.1$/, '');
  const parts = group.indicators.map((ind) => `${ind.id}: ${ind.maxPoints}`).join(', ');
  return termMessages.catalogGroup(prefix, parts);
}

/**
 * Consistency rules the schema cannot express: every indicator id (and `no`) matches its
 * position, and each group's, goal's and grant's maxPoints equal the sum of its parts.
 * Returns every problem found, each located by JSON path.
 */
export function validateCatalog(catalog: Catalog, file: string): Problem[] {
  const problems: Problem[] = [];
  const add = (place: string, rule: string) => problems.push({ location: { file, place }, rule, severity: 'error' });

  catalog.grants.forEach((grant, gi) => {
    const grantPath = `$.grants[${gi}]`;
    grant.goals.forEach((goal, oi) => {
      const goalPath = `${grantPath}.goals[${oi}]`;
      goal.groups.forEach((group, pi) => {
        const groupPath = `${goalPath}.groups[${pi}]`;
        group.indicators.forEach((ind, ii) => {
          const expected = expectedIndicatorId(gi, oi, pi, ii);
          const indPath = `${groupPath}.indicators[${ii}]`;
          if (ind.id !== expected) add(`${indPath}.id`, messages.catalogIdMismatch(ind.id, expected));
          else if (ind.no !== ii + 1) {
            add(`${indPath}.no`, messages.catalogIdMismatch(`${expected.replace(/\d+$/, '')}${ind.no}`, expected));
          }
        });
        const groupSum = sum(group.indicators.map((ind) => ind.maxPoints));
        if (groupSum !== group.maxPoints) {
          add(`${groupPath}.maxPoints`, messages.catalogMaxMismatch(describeGroup(gi, oi, pi, group), group.maxPoints, groupSum));
        }
      });
      const goalSum = sum(goal.groups.map((g) => g.maxPoints));
      if (goalSum !== goal.maxPoints) {
        add(`${goalPath}.maxPoints`, messages.catalogMaxMismatch(termMessages.catalogGoal(`${grant.id}.${goal.id}`), goal.maxPoints, goalSum));
      }
    });
    const grantSum = sum(grant.goals.map((g) => g.maxPoints));
    if (grantSum !== grant.maxPoints) {
      add(`${grantPath}.maxPoints`, messages.catalogMaxMismatch(termMessages.catalogGrant(grant.id), grant.maxPoints, grantSum));
    }
  });
  return problems;
}

/** Reads a catalog file, validates it against the schema and the consistency rules. */
export function loadCatalogFile(file: string): Catalog {
  const catalog = loadJson(Catalog, file);
  throwIfProblems(validateCatalog(catalog, file));
  return catalog;
}

/** The bundled catalog of a fiscal year; an InputError when there is none or it is inconsistent. */
export function loadCatalog(fiscalYear: number): Catalog {
  const file = catalogPath(fiscalYear);
  if (!Number.isInteger(fiscalYear) || !existsSync(file)) {
    throw new InputError([{ location: { file }, rule: messages.noCatalog(fiscalYear), severity: 'error' }]);
  }
  const catalog = loadCatalogFile(file);
  if (catalog.fiscalYear !== fiscalYear) {
    throw new InputError([
      {
        location: { file, place: '$.fiscalYear' },
        rule: messages.fiscalYearMismatch(termMessages.theIndicatorCatalog(), catalog.fiscalYear, fiscalYear),
        severity: 'error',
      },
    ]);
  }
  return catalog;
}
