/**
 * The score sheet: every indicator's score joined with the catalog, and the sums per group,
 * goal and grant with their maxima and rates (seed 003 §3, §4(1)). Pure: no I/O.
 */
import type { Catalog, GoalId, GrantId, GroupKind } from '../load/schemas/catalog.ts';
import { ratePercent } from '../common/rate.ts';

export const GROUP_KIND_LABELS: Record<GroupKind, string> = {
  process: '体制・取組指標群',
  activity: '活動指標群',
  outcome: '成果指標群',
};

/** Parenthesised subtitles of seed 003 §4(1). */
export const GROUP_KIND_SUBTITLES: Record<GroupKind, string> = {
  process: 'プロセス指標',
  activity: '中間アウトカム・アウトプット指標',
  outcome: 'アウトカム指標',
};

export interface Tally {
  score: number;
  max: number;
  /** Percent, one decimal, rounded half up (as printed). */
  ratePct: number;
  /** Points not obtained: max − score. */
  lost: number;
}

export function tally(score: number, max: number): Tally {
  return { score, max, ratePct: ratePercent(score, max), lost: max - score };
}

function sumTallies(parts: readonly Tally[]): Tally {
  return tally(
    parts.reduce((s, p) => s + p.score, 0),
    parts.reduce((s, p) => s + p.max, 0),
  );
}

export interface IndicatorResult extends Tally {
  id: string;
  grant: GrantId;
  goal: GoalId;
  goalNumeral: string;
  kind: GroupKind;
  /** "(i)", "(ii)" or "" */
  groupLabel: string;
  no: number;
  /** Reference as the seed prints it: "目標Ⅰ－(ii)－3", "目標Ⅳ－5". */
  ref: string;
  shortTitle: string;
  question: string;
  itemCount: number;
  source: 'ministry' | 'self';
}

export interface GroupResult extends Tally {
  grant: GrantId;
  goal: GoalId;
  kind: GroupKind;
  label: string;
  indicators: IndicatorResult[];
}

export interface GoalResult extends Tally {
  grant: GrantId;
  goal: GoalId;
  numeral: string;
  title: string;
  groups: GroupResult[];
}

export interface GrantResult extends Tally {
  grant: GrantId;
  name: string;
  shortName: string;
  abbr: string;
  itemCount: number;
  goals: GoalResult[];
  /** Sums per indicator group kind across goals (seed 003 §4(1) rows). */
  byKind: Record<GroupKind, Tally>;
}

export interface ScoreSheet extends Tally {
  fiscalYear: number;
  grants: GrantResult[];
  byKind: Record<GroupKind, Tally>;
  /** Flat list in catalog order. */
  indicators: IndicatorResult[];
}

export function indicatorRef(goalNumeral: string, groupLabel: string, no: number): string {
  return groupLabel ? `目標${goalNumeral}－${groupLabel}－${no}` : `目標${goalNumeral}－${no}`;
}

function kindTallies(groups: readonly (Tally & { kind: GroupKind })[]): Record<GroupKind, Tally> {
  const of = (kind: GroupKind) => sumTallies(groups.filter((g) => g.kind === kind));
  return { process: of('process'), activity: of('activity'), outcome: of('outcome') };
}

/**
 * Joins scores with the catalog. `scores` must already be validated against the catalog
 * (every indicator present, within its max): a missing score here is a bug.
 */
export function deriveScoreSheet(catalog: Catalog, scores: Readonly<Record<string, number>>): ScoreSheet {
  const grants: GrantResult[] = catalog.grants.map((grant) => {
    const goals: GoalResult[] = grant.goals.map((goal) => {
      const groups: GroupResult[] = goal.groups.map((group) => {
        const indicators: IndicatorResult[] = group.indicators.map((ind) => {
          const score = scores[ind.id];
          if (score === undefined) throw new Error(`internal: no score for ${ind.id} after validation`);
          return {
            ...tally(score, ind.maxPoints),
            id: ind.id,
            grant: grant.id,
            goal: goal.id,
            goalNumeral: goal.numeral,
            kind: group.kind,
            groupLabel: group.label,
            no: ind.no,
            ref: indicatorRef(goal.numeral, group.label, ind.no),
            shortTitle: ind.shortTitle,
            question: ind.question,
            itemCount: ind.itemCount,
            source: ind.source,
          };
        });
        return { ...sumTallies(indicators), grant: grant.id, goal: goal.id, kind: group.kind, label: group.label, indicators };
      });
      return { ...sumTallies(groups), grant: grant.id, goal: goal.id, numeral: goal.numeral, title: goal.title, groups };
    });
    const allGroups = goals.flatMap((g) => g.groups);
    return {
      ...sumTallies(goals),
      grant: grant.id,
      name: grant.name,
      shortName: grant.shortName,
      abbr: grant.abbr,
      itemCount: allGroups.flatMap((g) => g.indicators).reduce((s, i) => s + i.itemCount, 0),
      goals,
      byKind: kindTallies(allGroups),
    };
  });
  const allGroups = grants.flatMap((g) => g.goals.flatMap((goal) => goal.groups));
  return {
    ...sumTallies(grants),
    fiscalYear: catalog.fiscalYear,
    grants,
    byKind: kindTallies(allGroups),
    indicators: allGroups.flatMap((g) => g.indicators),
  };
}

/** Looks up a grant's result; every catalog has both grants. */
export function grantResult(sheet: ScoreSheet, grant: GrantId): GrantResult {
  const found = sheet.grants.find((g) => g.grant === grant);
  if (!found) throw new Error(`internal: grant ${grant} missing from score sheet`);
  return found;
}
