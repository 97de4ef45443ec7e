/**
 * The peer-group comparison table of `kofukin compare`, as rows of cells shared by the XLSX and
 * CSV writers. The figures come from derivePeerRanks (src/derive/peers.ts), the same code path as
 * the PDF's 参考資料2 table; nothing is recomputed here except the rate of the group mean.
 */
import type { PeerRanks, PeerRow, PeerScore } from '../derive/peers.ts';
import { ratePercent } from '../common/rate.ts';
import { CsvNumber, formatCsv, type CsvCell } from '../output/csv.ts';

export const PARTS = [
  { key: 'suishin', label: '推進交付金' },
  { key: 'shien', label: '支援交付金' },
  { key: 'total', label: '総合' },
] as const;
export type PartKey = (typeof PARTS)[number]['key'];

export const METRICS = [
  { key: 'score', label: '得点' },
  { key: 'rank', label: '順位' },
  { key: 'rate', label: '得点率' },
  { key: 'diff', label: '平均との差' },
] as const;
export type MetricKey = (typeof METRICS)[number]['key'];

export const LEAD_HEADERS = ['団体コード', '市名'] as const;

/** One-line headers: 団体コード, 市名, 推進交付金 得点, 推進交付金 順位, …, 総合 平均との差. */
export function flatHeaders(): string[] {
  return [...LEAD_HEADERS, ...PARTS.flatMap((p) => METRICS.map((m) => `${p.label} ${m.label}`))];
}

export interface Maxima {
  suishin: number;
  shien: number;
}

export function partMax(maxima: Maxima, part: PartKey): number {
  return part === 'total' ? maxima.suishin + maxima.shien : maxima[part];
}

/** A member's figures in column order (rate in percent, one decimal; diff one decimal). */
export function memberFigures(row: PeerRow): Array<{ part: PartKey; metric: MetricKey; value: number }> {
  return PARTS.flatMap((p) => {
    const s: PeerScore = row[p.key];
    return [
      { part: p.key, metric: 'score' as const, value: s.score },
      { part: p.key, metric: 'rank' as const, value: s.rank },
      { part: p.key, metric: 'rate' as const, value: s.ratePct },
      { part: p.key, metric: 'diff' as const, value: s.diffFromMean },
    ];
  });
}

/** The group mean row: mean score and its rate; no rank, no difference. */
export function meanFigures(ranks: PeerRanks, maxima: Maxima): Array<{ part: PartKey; metric: MetricKey; value: number | null }> {
  return PARTS.flatMap((p) => {
    const mean = ranks.means[p.key];
    return [
      { part: p.key, metric: 'score' as const, value: mean },
      { part: p.key, metric: 'rank' as const, value: null },
      { part: p.key, metric: 'rate' as const, value: ratePercent(mean, partMax(maxima, p.key)) },
      { part: p.key, metric: 'diff' as const, value: null },
    ];
  });
}

export const MEAN_LABEL = '平均';

/** ASCII-signed one-decimal text for CSV (Excel reads "+3.2" and "-3.2" as numbers). */
function signedAscii(n: number): CsvNumber {
  return new CsvNumber(n, n > 0 ? `+${n.toFixed(1)}` : n.toFixed(1));
}

/**
 * The main table as CSV: UTF-8 with BOM and CRLF line ends (Excel opens it with the right
 * encoding), one header row, one row per member in the group's order, and the 平均 row.
 * Rates are written as "69.3%", differences as "+3.2" / "-3.2". Written by the one CSV writer
 * (src/output/csv.ts), so a name a spreadsheet would run as a formula is neutralised.
 */
export function compareCsv(ranks: PeerRanks, maxima: Maxima): string {
  const cell = (metric: MetricKey, value: number | null): CsvCell => {
    if (value === null) return '';
    switch (metric) {
      case 'rate':
        return new CsvNumber(value, `${value.toFixed(1)}%`);
      case 'diff':
        return signedAscii(value);
      default:
        return Number.isInteger(value) ? value : new CsvNumber(value, value.toFixed(1));
    }
  };
  const lines: CsvCell[][] = [flatHeaders()];
  for (const row of ranks.rows) lines.push([row.code, row.name, ...memberFigures(row).map((f) => cell(f.metric, f.value))]);
  lines.push([
    '',
    MEAN_LABEL,
    ...meanFigures(ranks, maxima).map((f) => (f.metric === 'score' && f.value !== null ? new CsvNumber(f.value, f.value.toFixed(1)) : cell(f.metric, f.value))),
  ]);
  return formatCsv(lines, { bom: true });
}
