/**
 * All derived figures of one municipality report, from validated inputs. Pure: the inputs are
 * data already loaded; nothing here reads files or the clock.
 */
import type { Problem } from '../errors/errors.ts';
import { loadMessages, messages } from '../errors/messages.ts';
import type { Catalog } from '../load/schemas/catalog.ts';
import type { GrantHistory, MunicipalityResults, NationalAggregates, Narrative, PeerGroup } from '../load/schemas/inputs.ts';
import { deriveGrantHistory, type GrantHistoryView } from './grants.ts';
import { deriveGroupSummary, type GroupSummary } from './group-summary.ts';
import { deriveNationalComparison, nationalRateChange, type NationalComparison } from './national.ts';
import { derivePeerRanks, type PeerRanks } from './peers.ts';
import { deriveScoreSheet, grantResult, type ScoreSheet } from './scores.ts';
import { deriveUnscored, unscoredIds, type UnscoredByGrant } from './unscored.ts';
import { deriveWhatIf, type WhatIfList } from './whatif.ts';
import { deriveReportMoney, type ReportMoney } from './money.ts';
import type { RulesFile } from '../scoring/rules.ts';
import type { NationalDataset } from '../load/schemas/national.ts';
import { deriveStanding, type Standing } from './standing.ts';
import { deriveEvaluationTrend } from './trend.ts';
import { rankPeerGroup, type PeerGroupSpec, type RankedPeerGroup } from './peer-groups.ts';

export interface DerivedReportInput {
  results: MunicipalityResults;
  catalog: Catalog;
  rules?: RulesFile | null;
  national?: NationalAggregates | null;
  peers?: PeerGroup | null;
  grants?: GrantHistory | null;
  narrative?: Narrative | null;
  /** A national results file (`--nation`): the grant estimate and what a point is worth. */
  nation?: { data: NationalDataset; file: string } | null;
  /**
   * Standing and peer groups from a national results file (`--peers prefecture,size,…`, batch
   * reports of a national file). Standing is derived whenever a national results file is given
   * (here or as `nation`).
   */
  ranking?: { nation: { data: NationalDataset; file: string } | null; groups: PeerGroupSpec[] } | null;
  /** File names, only to locate warnings. */
  files?: { municipality?: string; narrative?: string; grants?: string };
}

export interface PeerPlacement {
  groupName: string;
  shortName: string;
  count: number;
  suishinRank: number;
  shienRank: number;
  totalRank: number;
}

export interface DerivedReport {
  fiscalYear: number;
  municipality: MunicipalityResults['municipality'];
  scoreSheet: ScoreSheet;
  groupSummary: GroupSummary;
  unscoredIndicators: UnscoredByGrant[];
  /** Points still possible, by next achievable step (null without scoring rules). */
  whatIf: WhatIfList | null;
  peerRanks: PeerRanks | null;
  peerPlacement: PeerPlacement | null;
  nationalComparison: NationalComparison | null;
  nationalRateChange: { previousRate: number; rate: number; changePt: number } | null;
  grantHistory: GrantHistoryView | null;
  /** The score-proportional grant estimate; only with a national results file (absent otherwise). */
  money?: ReportMoney | null;
  /** National and prefecture ranks; only with a national results file (absent otherwise). */
  standing?: Standing | null;
  /** Peer groups chosen by name or listed (`--peers prefecture,size,designated,FILE.csv`); absent otherwise. */
  peerGroups?: RankedPeerGroup[];
  /** Warnings found while deriving (e.g. an unscored indicator without narrative text). */
  warnings: Problem[];
}

export function deriveReport(input: DerivedReportInput): DerivedReport {
  const { results, catalog } = input;
  const scoreSheet = deriveScoreSheet(catalog, results.scores);
  const unscoredIndicators = deriveUnscored(scoreSheet, catalog, input.narrative ?? null);
  const maxima = { suishin: grantResult(scoreSheet, 'suishin').max, shien: grantResult(scoreSheet, 'shien').max };
  const peerRanks = input.peers ? derivePeerRanks(input.peers, maxima, results.municipality.code) : null;
  const me = peerRanks?.highlighted ?? null;

  const warnings: Problem[] = [];
  const narrativeFile = input.files?.narrative ?? input.files?.municipality ?? '(narrative)';
  if (input.narrative) {
    for (const g of unscoredIndicators)
      for (const s of g.sections)
        for (const item of s.items)
          if (item.missingNarrative)
            warnings.push({ location: { file: narrativeFile, place: '$.unscored' }, rule: messages.missingNarrative(item.indicator.id), severity: 'warning' });
    const unscored = new Set(unscoredIds(unscoredIndicators));
    input.narrative.unscored.forEach((u, i) => {
      if (!unscored.has(u.indicator))
        warnings.push({ location: { file: narrativeFile, place: `$.unscored[${i}].indicator` }, rule: messages.narrativeForScoredIndicator(u.indicator), severity: 'warning' });
    });
  } else if (unscoredIds(unscoredIndicators).length > 0) {
    warnings.push({
      location: { file: input.files?.municipality ?? loadMessages.municipalityPlaceholder(), place: '$.files.narrative' },
      rule: loadMessages.noNarrativeFile(),
      severity: 'warning',
    });
  }

  const whatIf = input.rules ? deriveWhatIf(scoreSheet, input.rules) : null;
  let money: ReportMoney | null = null;
  if (input.nation) {
    const m = deriveReportMoney({ nation: input.nation, results, scoreSheet, whatIf, grants: input.grants ?? null });
    money = m.money;
    warnings.push(...m.warnings);
  }

  let grantHistory = input.grants ? deriveGrantHistory(input.grants) : null;
  if (input.grants && grantHistory) {
    const pair = (g: 'suishin' | 'shien') => ({ score: grantResult(scoreSheet, g).score, max: grantResult(scoreSheet, g).max });
    const t = deriveEvaluationTrend(input.grants, { fiscalYear: results.fiscalYear, suishin: pair('suishin'), shien: pair('shien') }, input.files?.grants);
    if (t.trend) grantHistory = { ...grantHistory, trend: t.trend };
    warnings.push(...t.warnings);
  }
  const standingNation = input.nation ?? input.ranking?.nation ?? null;
  const own = { suishin: grantResult(scoreSheet, 'suishin').score, shien: grantResult(scoreSheet, 'shien').score };
  const standing = standingNation
    ? deriveStanding(standingNation.data, { code: results.municipality.code, scores: { ...own, total: own.suishin + own.shien } })
    : null;
  const specs = input.ranking?.groups ?? [];
  const peerGroups = specs.map((spec) =>
    rankPeerGroup(spec, {
      nation: input.ranking?.nation ?? input.nation ?? null,
      self: { code: results.municipality.code, name: results.municipality.name, insuredType1: results.municipality.insuredType1, ...own },
      fiscalYear: results.fiscalYear,
      maxima,
    }),
  );

  return {
    fiscalYear: results.fiscalYear,
    municipality: results.municipality,
    scoreSheet,
    groupSummary: deriveGroupSummary(scoreSheet),
    unscoredIndicators,
    whatIf,
    peerRanks,
    peerPlacement:
      peerRanks && me
        ? {
            groupName: peerRanks.name,
            shortName: peerRanks.shortName,
            count: peerRanks.count,
            suishinRank: me.suishin.rank,
            shienRank: me.shien.rank,
            totalRank: me.total.rank,
          }
        : null,
    nationalComparison: input.national ? deriveNationalComparison(scoreSheet, input.national) : null,
    nationalRateChange: input.national ? nationalRateChange(input.national) : null,
    grantHistory,
    ...(input.nation ? { money } : {}),
    ...(standingNation ? { standing } : {}),
    ...(specs.length > 0 ? { peerGroups } : {}),
    warnings,
  };
}
