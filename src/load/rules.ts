/**
 * Validation rules beyond the schemas: each rule function looks at validated data and returns
 * every problem it finds, located by file and JSON path. Callers collect all problems from all
 * rules before failing, so the user sees everything at once.
 */
import { trendMessages } from '../errors/messages-peers.ts';
import type { Problem } from '../errors/errors.ts';
import { dataFileMessages, messages, termMessages } from '../errors/messages.ts';
import { competitionRanks } from '../common/rank.ts';
import { jsonPath } from './json.ts';
import type { Catalog } from './schemas/catalog.ts';
import type { GrantHistory, MunicipalityResults, NationalAggregates, PeerGroup } from './schemas/inputs.ts';

const error = (file: string, place: string | undefined, rule: string): Problem => ({
  location: { file, place },
  rule,
  severity: 'error',
});

/** Every catalog indicator scored exactly once, no unknown indicator, 0 ≤ score ≤ max, stated totals agree. */
export function checkScores(results: MunicipalityResults, catalog: Catalog, file: string): Problem[] {
  const problems: Problem[] = [];
  if (results.fiscalYear !== catalog.fiscalYear)
    problems.push(error(file, '$.fiscalYear', messages.fiscalYearMismatch(termMessages.theMunicipalityFile(), results.fiscalYear, catalog.fiscalYear)));
  const max = new Map<string, number>();
  const grantOf = new Map<string, 'suishin' | 'shien'>();
  for (const g of catalog.grants)
    for (const goal of g.goals)
      for (const grp of goal.groups)
        for (const ind of grp.indicators) {
          max.set(ind.id, ind.maxPoints);
          grantOf.set(ind.id, g.id);
        }
  for (const [id, score] of Object.entries(results.scores)) {
    const place = jsonPath(['scores', id]);
    const m = max.get(id);
    if (m === undefined) problems.push(error(file, place, messages.unknownIndicator(id)));
    else if (score > m) problems.push(error(file, place, messages.scoreAboveMax(id, score, m)));
  }
  for (const id of max.keys())
    if (!(id in results.scores)) problems.push(error(file, '$.scores', messages.missingIndicator(id)));

  const stated = results.statedTotals;
  if (stated) {
    const sums = { suishin: 0, shien: 0 };
    for (const [id, score] of Object.entries(results.scores)) {
      const g = grantOf.get(id);
      if (g) sums[g] += score;
    }
    const pairs: Array<['suishin' | 'shien' | 'total', number]> = [
      ['suishin', sums.suishin],
      ['shien', sums.shien],
      ['total', sums.suishin + sums.shien],
    ];
    for (const [key, derived] of pairs) {
      const value = stated[key];
      if (value !== undefined && value !== derived)
        problems.push(error(file, jsonPath(['statedTotals', key]), messages.totalMismatch(termMessages.grantTotal(key), value, derived)));
    }
  }
  return problems;
}

/** Peer group: unique codes; stated totals and ranks agree with the scores. */
export function checkPeers(peers: PeerGroup, file: string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  peers.members.forEach((m, i) => {
    if (seen.has(m.code)) problems.push(error(file, jsonPath(['members', i, 'code']), messages.duplicatePeer(m.code)));
    seen.add(m.code);
  });
  const columns: Array<['suishinRank' | 'shienRank' | 'totalRank', string, number[]]> = [
    ['suishinRank', '推進', peers.members.map((m) => m.suishin)],
    ['shienRank', '支援', peers.members.map((m) => m.shien)],
    ['totalRank', '総合', peers.members.map((m) => m.suishin + m.shien)],
  ];
  for (const [key, label, values] of columns) {
    const ranks = competitionRanks(values);
    peers.members.forEach((m, i) => {
      const stated = m.stated?.[key];
      if (stated !== undefined && stated !== ranks[i])
        problems.push(error(file, jsonPath(['members', i, 'stated', key]), messages.rankMismatch(label, m.name, stated, ranks[i]!)));
    });
  }
  peers.members.forEach((m, i) => {
    const total = m.stated?.total;
    if (total !== undefined && total !== m.suishin + m.shien)
      problems.push(error(file, jsonPath(['members', i, 'stated', 'total']), messages.totalMismatch(termMessages.totalOfName(m.name), total, m.suishin + m.shien)));
  });
  return problems;
}

/**
 * National table: maxima add up exactly; means add up within the rounding of the published
 * one-decimal figures (e.g. 422.4 vs 205.6 + 216.7 = 422.3); rates agree with mean / max.
 */
export function checkNational(national: NationalAggregates, file: string): Problem[] {
  const problems: Problem[] = [];
  const index = new Map(national.columns.map((c, i) => [c.key, i]));
  const col = (key: string) => {
    const i = index.get(key);
    return i === undefined ? undefined : national.columns[i];
  };
  const seen = new Set<string>();
  national.columns.forEach((c, i) => {
    if (seen.has(c.key)) problems.push(error(file, jsonPath(['columns', i, 'key']), `column "${c.key}" appears more than once`));
    seen.add(c.key);
    const expectedRate = (c.mean / c.max) * 100;
    // the mean is rounded to 0.05, so the rate may be off by 0.05/max*100 plus its own rounding
    if (Math.abs(expectedRate - c.rate) > (0.05 / c.max) * 100 + 0.05 + 1e-9)
      problems.push(error(file, jsonPath(['columns', i, 'rate']), dataFileMessages.rateMismatch(c.rate, c.mean, c.max)));
    if (c.mean > c.max) problems.push(error(file, jsonPath(['columns', i, 'mean']), `mean ${c.mean} is above max ${c.max}`));
  });
  const sumRule = (target: string, parts: string[]) => {
    const t = col(target);
    const ps = parts.map(col);
    if (!t || ps.some((p) => !p)) return;
    const i = index.get(target)!;
    const maxSum = ps.reduce((s, p) => s + p!.max, 0);
    if (maxSum !== t.max) problems.push(error(file, jsonPath(['columns', i, 'max']), messages.catalogMaxMismatch(termMessages.nationalColumn(target), t.max, maxSum)));
    const meanSum = ps.reduce((s, p) => s + p!.mean, 0);
    const tolerance = 0.05 * (parts.length + 1) + 1e-9;
    if (Math.abs(meanSum - t.mean) > tolerance)
      problems.push(error(file, jsonPath(['columns', i, 'mean']), messages.meanSumMismatch(target, t.mean, Math.round(meanSum * 10) / 10)));
  };
  const grants = ['suishin', 'shien'];
  const goals = ['I', 'II', 'III'];
  for (const g of grants) {
    for (const goal of goals) sumRule(`${g}.${goal}.subtotal`, [`${g}.${goal}.process`, `${g}.${goal}.activity`]);
    sumRule(`${g}.total`, [...goals.map((goal) => `${g}.${goal}.subtotal`), `${g}.IV`]);
  }
  for (const kind of ['process', 'activity'])
    sumRule(`all.${kind}`, grants.flatMap((g) => goals.map((goal) => `${g}.${goal}.${kind}`)));
  sumRule('all.outcome', grants.map((g) => `${g}.IV`));
  sumRule('all.total', grants.map((g) => `${g}.total`));

  national.rankings.forEach((table, t) => {
    const ranks = competitionRanks(table.rows.map((r) => r.score));
    table.rows.forEach((r, i) => {
      if (r.rank !== ranks[i])
        problems.push(error(file, jsonPath(['rankings', t, 'rows', i, 'rank']), messages.rankMismatch(table.label, r.name, r.rank, ranks[i]!)));
    });
  });
  return problems;
}

/** Grant history: each fiscal year once. */
export function checkGrantHistory(history: GrantHistory, file: string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<number>();
  history.years.forEach((y, i) => {
    if (seen.has(y.fiscalYear)) problems.push(error(file, jsonPath(['years', i, 'fiscalYear']), messages.duplicateYear(y.fiscalYear)));
    seen.add(y.fiscalYear);
  });
  return [...problems, ...checkGrantEvaluations(history, file)];
}

/** Each year's evaluation result (optional): the score at most the maximum. */
export function checkGrantEvaluations(history: GrantHistory, file: string): Problem[] {
  const problems: Problem[] = [];
  history.years.forEach((y, i) => {
    for (const g of ['suishin', 'shien'] as const) {
      const e = y.evaluation?.[g];
      if (e && e.score > e.max) problems.push(error(file, jsonPath(['years', i, 'evaluation', g, 'score']), trendMessages.scoreAboveMax(e.score, e.max)));
    }
  });
  return problems;
}

/** The municipality, when it is a member of its peer group, must have the same scores there. */
export function checkPeerAgreement(
  results: MunicipalityResults,
  totals: { suishin: number; shien: number },
  peers: PeerGroup,
  peersFile: string,
): Problem[] {
  const i = peers.members.findIndex((m) => m.code === results.municipality.code);
  if (i < 0) return [];
  const m = peers.members[i]!;
  const problems: Problem[] = [];
  if (m.suishin !== totals.suishin)
    problems.push(error(peersFile, jsonPath(['members', i, 'suishin']), messages.totalMismatch(termMessages.scoreOfName('推進', m.name), m.suishin, totals.suishin)));
  if (m.shien !== totals.shien)
    problems.push(error(peersFile, jsonPath(['members', i, 'shien']), messages.totalMismatch(termMessages.scoreOfName('支援', m.name), m.shien, totals.shien)));
  if (peers.fiscalYear !== results.fiscalYear)
    problems.push(error(peersFile, '$.fiscalYear', messages.fiscalYearMismatch(termMessages.thePeerGroup(), peers.fiscalYear, results.fiscalYear)));
  return problems;
}
