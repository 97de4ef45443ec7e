/**
 * Peer-group ranks (seed 003 参考資料2): 推進, 支援 and 総合 scores of every member with
 * competition ranks, rates, and the difference from the group mean.
 */
import type { PeerGroup } from '../load/schemas/inputs.ts';
import { competitionRanks } from '../common/rank.ts';
import { ratePercent, roundHalfUp } from '../common/rate.ts';

export interface PeerScore {
  score: number;
  rank: number;
  ratePct: number;
  /** score − group mean, one decimal */
  diffFromMean: number;
}

export interface PeerRow {
  code: string;
  name: string;
  suishin: PeerScore;
  shien: PeerScore;
  total: PeerScore;
  highlighted: boolean;
}

export interface PeerRanks {
  name: string;
  shortName: string;
  source: string;
  count: number;
  /** In input order (the source's order). */
  rows: PeerRow[];
  means: { suishin: number; shien: number; total: number };
  /** The highlighted member's row, when one is highlighted and present. */
  highlighted: PeerRow | null;
}

export function derivePeerRanks(
  group: PeerGroup,
  maxima: { suishin: number; shien: number },
  highlightCode?: string,
): PeerRanks {
  const members = group.members;
  const totals = members.map((m) => m.suishin + m.shien);
  const column = (values: number[], max: number) => {
    const ranks = competitionRanks(values);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    return {
      mean: roundHalfUp(mean, 1),
      cells: values.map((score, i) => ({
        score,
        rank: ranks[i]!,
        ratePct: ratePercent(score, max),
        diffFromMean: roundHalfUp(score - mean, 1),
      })),
    };
  };
  const s = column(members.map((m) => m.suishin), maxima.suishin);
  const h = column(members.map((m) => m.shien), maxima.shien);
  const t = column(totals, maxima.suishin + maxima.shien);
  const rows = members.map((m, i) => ({
    code: m.code,
    name: m.name,
    suishin: s.cells[i]!,
    shien: h.cells[i]!,
    total: t.cells[i]!,
    highlighted: m.code === highlightCode,
  }));
  return {
    name: group.name,
    shortName: group.shortName,
    source: group.source,
    count: rows.length,
    rows,
    means: { suishin: s.mean, shien: h.mean, total: t.mean },
    highlighted: rows.find((r) => r.highlighted) ?? null,
  };
}
