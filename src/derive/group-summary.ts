/**
 * The group summary table of seed 003 §4(1): 体制・取組 / 活動 / 成果 × 推進 / 支援 / 合計.
 */
import { GROUP_KINDS, type GroupKind } from '../load/schemas/catalog.ts';
import type { ScoreSheet, Tally } from './scores.ts';

export interface GroupSummaryRow {
  /** "推進交付金", "支援交付金" or "合計" */
  label: string;
  grant: 'suishin' | 'shien' | 'all';
  cells: Record<GroupKind, Tally>;
  total: Tally;
}

export interface GroupSummary {
  kinds: readonly GroupKind[];
  rows: GroupSummaryRow[];
}

export function deriveGroupSummary(sheet: ScoreSheet): GroupSummary {
  const rows: GroupSummaryRow[] = sheet.grants.map((g) => ({
    label: g.shortName,
    grant: g.grant,
    cells: g.byKind,
    total: { score: g.score, max: g.max, ratePct: g.ratePct, lost: g.lost },
  }));
  rows.push({
    label: '合計',
    grant: 'all',
    cells: sheet.byKind,
    total: { score: sheet.score, max: sheet.max, ratePct: sheet.ratePct, lost: sheet.lost },
  });
  return { kinds: GROUP_KINDS, rows };
}
