/**
 * The view of the municipality's standing (全国・都道府県内の順位) and of peer groups chosen by
 * name or listed: the sentence worded like seed 003's 「政令指定都市（20市）の中で、推進交付金は
 * 9位…」, a short standing table, and per group either every member (up to BAR_CHART_LIMIT, with
 * the seed-style bar chart) or the top, the bottom and the municipality's neighbours (with a
 * distribution chart). Pure; every figure comes from src/derive.
 */
import type { DerivedReport } from '../derive/report.ts';
import type { RankedPeerGroup } from '../derive/peer-groups.ts';
import type { PeerRow } from '../derive/peers.ts';
import type { Standing } from '../derive/standing.ts';
import { groupDigits, signed } from '../common/era.ts';

/** Groups up to this many members are drawn as bars (seed 003 style) and listed whole. */
export const BAR_CHART_LIMIT = 25;
/** Rows of a large group's table: the first and last few, and this many either side of the municipality. */
export const TOP_ROWS = 5;
export const BOTTOM_ROWS = 3;
export const NEIGHBOURS = 3;

export interface RankingRowView {
  rank: string;
  name: string;
  suishin: string;
  shien: string;
  total: string;
  highlighted: boolean;
  /** A row standing for the members left out ("…"). */
  gap: boolean;
}

export interface PeerGroupView {
  /** Chart id (charts.<id>) */
  chartId: string;
  heading: string;
  sentence: string;
  layout: 'bars' | 'distribution';
  caption: string;
  columns: string[];
  rows: RankingRowView[];
  /** Mean and median row text. */
  summary: string;
  notes: string[];
}

export interface RankingView {
  heading: string;
  intro: string;
  standing: {
    heading: string;
    caption: string;
    columns: string[];
    rows: Array<{ label: string; score: string; nationalRank: string; topPercent: string; prefectureRank: string; prefectureMean: string; prefectureMedian: string }>;
    notes: string[];
  } | null;
  groups: PeerGroupView[];
}

const LABELS = { suishin: '推進交付金', shien: '支援交付金', total: '合計' } as const;

/** 府内 / 県内 / 都内 / 道内 */
export function prefectureInside(name: string): string {
  return `${name.at(-1) ?? ''}内`;
}

export function standingSentence(s: Standing, self: string): string {
  const nat = (['suishin', 'shien', 'total'] as const).map((k) => `${LABELS[k]}は${groupDigits(s.national[k].rank)}位（上位${s.national[k].topPercent.toFixed(1)}%）`).join('、');
  const pref = (['suishin', 'shien', 'total'] as const).map((k) => `${LABELS[k]}は${s.withinPrefecture[k].rank}位`).join('、');
  const t = s.withinPrefecture.total;
  const diff = Math.round((t.score - t.mean) * 10) / 10;
  const inside = prefectureInside(s.prefecture.name);
  const compare = diff === 0 ? `${inside}平均と同じである` : `${inside}平均${t.mean.toFixed(1)}点を${Math.abs(diff).toFixed(1)}点${diff > 0 ? '上回って' : '下回って'}いる`;
  return (
    `${self}の得点は、全国${groupDigits(s.municipalityCount)}市町村の中で、${nat}となっている。` +
    `${s.prefecture.name}内（${groupDigits(s.prefecture.count)}市町村）では、${pref}で、合計得点は${compare}（${inside}中央値${t.median}点）。`
  );
}

export function groupSentence(g: RankedPeerGroup, self: string): string {
  const h = g.highlighted!;
  return `${self}の得点は、${g.name}の中で、推進交付金は${h.suishin.rank}位、支援交付金は${h.shien.rank}位、合計は${h.total.rank}位となっている。`;
}

function rowView(r: PeerRow): RankingRowView {
  return {
    rank: `${r.total.rank}位`,
    name: r.name,
    suishin: `${r.suishin.score}点（${r.suishin.rank}位）`,
    shien: `${r.shien.score}点（${r.shien.rank}位）`,
    total: `${r.total.score}点`,
    highlighted: r.highlighted,
    gap: false,
  };
}

const GAP: RankingRowView = { rank: '…', name: '', suishin: '', shien: '', total: '', highlighted: false, gap: true };

/** Members by total rank (ties in code order). */
export function byTotalRank(g: RankedPeerGroup): PeerRow[] {
  return [...g.rows].sort((a, b) => a.total.rank - b.total.rank || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Indexes of the rows a large group's table shows: top, bottom, and the municipality's neighbours. */
export function shownIndexes(count: number, selfIndex: number): number[] {
  const keep = new Set<number>();
  for (let i = 0; i < Math.min(TOP_ROWS, count); i++) keep.add(i);
  for (let i = Math.max(0, count - BOTTOM_ROWS); i < count; i++) keep.add(i);
  if (selfIndex >= 0) for (let i = Math.max(0, selfIndex - NEIGHBOURS); i <= Math.min(count - 1, selfIndex + NEIGHBOURS); i++) keep.add(i);
  return [...keep].sort((a, b) => a - b);
}

function groupView(g: RankedPeerGroup, index: number, self: string, fy: string): PeerGroupView {
  const sorted = byTotalRank(g);
  const large = g.count > BAR_CHART_LIMIT;
  let rows: RankingRowView[];
  if (!large) rows = sorted.map(rowView);
  else {
    rows = [];
    const selfIndex = sorted.findIndex((r) => r.highlighted);
    let last = -1;
    for (const i of shownIndexes(sorted.length, selfIndex)) {
      if (i > last + 1) rows.push(GAP);
      rows.push(rowView(sorted[i]!));
      last = i;
    }
  }
  const notes: string[] = [];
  if (large)
    notes.push(`※ ${groupDigits(g.count)}市町村のうち、合計得点の上位${TOP_ROWS}・下位${BOTTOM_ROWS}と、${self}の前後${NEIGHBOURS}市町村を掲げた（同点は同順位）。`);
  if (g.count === 1) notes.push(`※ この比較グループには${self}のほかに市町村がない。`);
  if (g.addedSelf) notes.push(`※ ${self}は一覧に含まれていないため、${self}を加えて順位を計算した。`);
  if (g.source) notes.push(`出典：${g.source}`);
  return {
    chartId: `peerGroup${index + 1}`,
    heading: `(${index + 2}) ${g.shortName}の中での順位`,
    sentence: groupSentence(g, self),
    layout: large ? 'distribution' : 'bars',
    caption: `${g.name}の得点と順位（${fy}、合計の高い順${large ? '、抜粋' : ''}）`,
    columns: ['順位（合計）', '市町村名', '推進交付金（順位）', '支援交付金（順位）', '合計'],
    rows,
    summary: `平均 推進交付金${g.means.suishin.toFixed(1)}点・支援交付金${g.means.shien.toFixed(1)}点・合計${g.means.total.toFixed(1)}点／中央値 合計${g.medians.total}点`,
    notes,
  };
}

/** The ranking section's view, or null when the report has neither standing nor named groups. */
export function buildRankingView(derived: DerivedReport, self: string, fy: string, sectionNumber: string): RankingView | null {
  const s = derived.standing ?? null;
  const groups = derived.peerGroups ?? [];
  if (!s && groups.length === 0) return null;
  const inside = s ? prefectureInside(s.prefecture.name) : '';
  return {
    heading: `${sectionNumber} ${s ? `全国・${s.prefecture.name}内での順位` : groups.map((g) => g.shortName).join('・') + 'との比較'}${s && groups.length > 0 ? 'と比較' : ''}`,
    intro: s ? standingSentence(s, self) : groups.map((g) => groupSentence(g, self)).join(''),
    standing: s
      ? {
          heading: `(1) 全国・${s.prefecture.name}内での順位`,
          caption: `${self}の全国・${s.prefecture.name}内での順位（${fy}、同点は同順位）`,
          columns: ['区分', '得点', `全国順位（${groupDigits(s.municipalityCount)}市町村）`, '上位', `${inside}順位（${groupDigits(s.prefecture.count)}市町村）`, `${inside}平均`, `${inside}中央値`],
          rows: (['suishin', 'shien', 'total'] as const).map((k) => ({
            label: LABELS[k],
            score: `${s.national[k].score}点`,
            nationalRank: `${groupDigits(s.national[k].rank)}位`,
            topPercent: `${s.national[k].topPercent.toFixed(1)}%`,
            prefectureRank: `${s.withinPrefecture[k].rank}位`,
            prefectureMean: `${s.withinPrefecture[k].mean.toFixed(1)}点`,
            prefectureMedian: `${s.withinPrefecture[k].median}点`,
          })),
          notes: [
            `※ 上位x%は、全国順位を市町村数で割った割合。${inside}平均・中央値は${self}を含む${groupDigits(s.prefecture.count)}市町村の値。合計得点の差は${signed(Math.round((s.withinPrefecture.total.score - s.withinPrefecture.total.mean) * 10) / 10)}点。`,
            ...(s.addedSelf ? [`※ ${self}は全国の得点データに含まれていないため、${self}の得点を1市町村として加えて順位を計算した。`] : []),
            s.fictional ? `※ 全国の得点は架空の全国データ（${s.source}）であり、順位は説明のための例示である。` : `出典：${s.source}`,
          ],
        }
      : null,
    groups: groups.map((g, i) => groupView(g, s ? i : i - 1, self, fy)),
  };
}
