/**
 * The unscored-indicator list of seed 003 §4(2): an indicator is listed when it scored 0
 * (in any group), or when it is a 体制・取組 (process) indicator below full marks. Each entry
 * is joined with the staff's narrative (reason / future action); a missing text is reported.
 */
import type { Catalog, GrantId, GroupKind, IndicatorOption } from '../load/schemas/catalog.ts';
import type { Narrative, UnscoredNarrative } from '../load/schemas/inputs.ts';
import type { IndicatorResult, ScoreSheet } from './scores.ts';

export interface UnscoredIndicator {
  indicator: IndicatorResult;
  /** Options of the indicator, to show in the 内容 column. */
  options: IndicatorOption[];
  /** Missed options/sub-items named by the narrative, e.g. ["ウ④"]. */
  missedOptions: string[];
  /** Reason paragraphs; empty when the narrative gives none. */
  reason: string[];
  /** Set when the narrative says the text is the same as another indicator's. */
  sameAs: { id: string; grantShortName: string; ref: string } | null;
  /** True when neither a reason nor a sameAs reference was given. */
  missingNarrative: boolean;
}

export interface UnscoredSection {
  kind: GroupKind;
  items: UnscoredIndicator[];
}

export interface UnscoredByGrant {
  grant: GrantId;
  shortName: string;
  sections: UnscoredSection[];
  pointsLost: number;
}

/** The rule of seed 003 §4(2). */
export function isUnscored(ind: Pick<IndicatorResult, 'score' | 'max' | 'kind'>): boolean {
  return ind.score === 0 || (ind.kind === 'process' && ind.score < ind.max);
}

const KIND_ORDER: readonly GroupKind[] = ['process', 'activity', 'outcome'];

export function deriveUnscored(
  sheet: ScoreSheet,
  catalog: Catalog,
  narrative: Pick<Narrative, 'unscored'> | null,
): UnscoredByGrant[] {
  const texts = new Map<string, UnscoredNarrative>((narrative?.unscored ?? []).map((u) => [u.indicator, u]));
  const options = new Map<string, IndicatorOption[]>();
  for (const g of catalog.grants)
    for (const goal of g.goals) for (const grp of goal.groups) for (const ind of grp.indicators) options.set(ind.id, ind.options);
  const byId = new Map(sheet.indicators.map((i) => [i.id, i]));
  const grantName = new Map(sheet.grants.map((g) => [g.grant, g.shortName]));

  return sheet.grants.map((grant) => {
    const items = sheet.indicators.filter((i) => i.grant === grant.grant && isUnscored(i));
    const sections: UnscoredSection[] = KIND_ORDER.map((kind) => ({
      kind,
      items: items
        .filter((i) => i.kind === kind)
        .map((indicator) => {
          const text = texts.get(indicator.id);
          const target = text?.sameAs ? byId.get(text.sameAs) : undefined;
          const sameAs = target
            ? { id: target.id, grantShortName: grantName.get(target.grant) ?? '', ref: target.ref }
            : null;
          const reason = text?.reason ?? [];
          return {
            indicator,
            options: options.get(indicator.id) ?? [],
            missedOptions: text?.missedOptions ?? [],
            reason,
            sameAs,
            missingNarrative: reason.length === 0 && sameAs === null,
          };
        }),
    })).filter((s) => s.items.length > 0);
    return {
      grant: grant.grant,
      shortName: grant.shortName,
      sections,
      pointsLost: items.reduce((s, i) => s + i.lost, 0),
    };
  });
}

/** Ids of unscored indicators, flat, in catalog order. */
export function unscoredIds(list: readonly UnscoredByGrant[]): string[] {
  return list.flatMap((g) => g.sections.flatMap((s) => s.items.map((i) => i.indicator.id)));
}
