/**
 * Per-indicator peer data: the optional `scores` map of a peer-group member (indicator id →
 * score). Checked against the catalog, and turned into the indicator-by-indicator comparison of
 * `kofukin compare` (rows = indicators, columns = the members that have scores, plus the mean).
 */
import type { Problem } from '../errors/errors.ts';
import { messages, termMessages } from '../errors/messages.ts';
import { indicatorRef } from '../derive/scores.ts';
import { roundHalfUp } from '../common/rate.ts';
import { jsonPath } from '../load/json.ts';
import type { Catalog, GrantId } from '../load/schemas/catalog.ts';
import type { PeerGroup } from '../load/schemas/inputs.ts';

interface CatalogIndicator {
  id: string;
  grant: GrantId;
  grantAbbr: string;
  ref: string;
  shortTitle: string;
  max: number;
}

function indicatorsOf(catalog: Catalog): CatalogIndicator[] {
  return catalog.grants.flatMap((g) =>
    g.goals.flatMap((goal) =>
      goal.groups.flatMap((group) =>
        group.indicators.map((ind) => ({
          id: ind.id,
          grant: g.id,
          grantAbbr: g.abbr,
          ref: indicatorRef(goal.numeral, group.label, ind.no),
          shortTitle: ind.shortTitle,
          max: ind.maxPoints,
        })),
      ),
    ),
  );
}

/**
 * Per-indicator scores of the members: known indicators, within their maxima, and, where a
 * member gives every indicator of a grant, adding up to that member's grant score.
 */
export function checkPeerIndicatorScores(group: PeerGroup, catalog: Catalog, file: string): Problem[] {
  const problems: Problem[] = [];
  const error = (place: string, rule: string) => problems.push({ location: { file, place }, rule, severity: 'error' });
  const all = indicatorsOf(catalog);
  const byId = new Map(all.map((i) => [i.id, i]));
  if (group.fiscalYear !== catalog.fiscalYear && group.members.some((m) => m.scores))
    error('$.fiscalYear', messages.fiscalYearMismatch(termMessages.thePeerGroup(), group.fiscalYear, catalog.fiscalYear));
  group.members.forEach((m, i) => {
    if (!m.scores) return;
    for (const [id, score] of Object.entries(m.scores)) {
      const place = jsonPath(['members', i, 'scores', id]);
      const ind = byId.get(id);
      if (!ind) error(place, messages.unknownIndicator(id));
      else if (score > ind.max) error(place, messages.scoreAboveMax(id, score, ind.max));
    }
    for (const g of catalog.grants) {
      const ids = all.filter((x) => x.grant === g.id).map((x) => x.id);
      if (!ids.every((id) => m.scores![id] !== undefined)) continue;
      const sum = ids.reduce((s, id) => s + m.scores![id]!, 0);
      if (sum !== m[g.id])
        error(jsonPath(['members', i, g.id]), messages.totalMismatch(termMessages.scoreOfName(g.abbr, m.name), m[g.id], sum));
    }
  });
  return problems;
}

export interface IndicatorComparisonRow {
  /** Indicator id, or `<grant>.total` for a grant's total row. */
  id: string;
  grantAbbr: string;
  /** 目標Ⅰ－(i)－1, or 合計 */
  ref: string;
  shortTitle: string;
  max: number;
  /** One value per member column; null where the member gives no score. */
  values: Array<number | null>;
  /** Mean of the values present, one decimal; null when none. */
  mean: number | null;
  isTotal: boolean;
}

export interface IndicatorComparison {
  members: Array<{ code: string; name: string; highlighted: boolean }>;
  rows: IndicatorComparisonRow[];
}

/** The indicator-by-indicator table, or null when no member has per-indicator scores. */
export function deriveIndicatorComparison(group: PeerGroup, catalog: Catalog, highlightCode?: string): IndicatorComparison | null {
  const members = group.members.filter((m) => m.scores && Object.keys(m.scores).length > 0);
  if (members.length === 0) return null;
  const mean = (values: Array<number | null>) => {
    const present = values.filter((v): v is number => v !== null);
    return present.length === 0 ? null : roundHalfUp(present.reduce((s, v) => s + v, 0) / present.length, 1);
  };
  const rows: IndicatorComparisonRow[] = [];
  const all = indicatorsOf(catalog);
  for (const g of catalog.grants) {
    for (const ind of all.filter((x) => x.grant === g.id)) {
      const values = members.map((m) => m.scores![ind.id] ?? null);
      rows.push({ id: ind.id, grantAbbr: ind.grantAbbr, ref: ind.ref, shortTitle: ind.shortTitle, max: ind.max, values, mean: mean(values), isTotal: false });
    }
    const totals = members.map((m) => m[g.id]);
    rows.push({ id: `${g.id}.total`, grantAbbr: g.abbr, ref: '合計', shortTitle: g.name, max: g.maxPoints, values: totals, mean: mean(totals), isTotal: true });
  }
  return { members: members.map((m) => ({ code: m.code, name: m.name, highlighted: m.code === highlightCode })), rows };
}
