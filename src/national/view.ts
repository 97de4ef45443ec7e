/**
 * View model of the national summary document (in the style of seed 000): every string the
 * template prints, formatted here (pure, no I/O). The template only lays them out.
 */
import { fiscalYearJa } from '../common/era.ts';
import type { NationalDerived, NationalColumnDef, RankingTable } from './derive.ts';
import { sourceNote } from './xlsx.ts';

export interface HeaderCell {
  text: string;
  /** Only when above 1 (the template prints the attribute when set). */
  colspan: number | null;
  rowspan: number | null;
}

const cellOf = (text: string, colspan: number, rowspan: number): HeaderCell => ({ text, colspan: colspan > 1 ? colspan : null, rowspan: rowspan > 1 ? rowspan : null });

export interface AggregateRowView {
  label: string;
  cells: string[];
}

export interface RankingView {
  id: string;
  title: string;
  caption: string;
  rows: Array<{ rank: string; prefecture: string; name: string; insured: string; score: string; rate: string }>;
  empty: boolean;
}

export interface PrefectureRowView {
  code: string;
  name: string;
  count: string;
  cells: string[];
}

export interface NationalView {
  meta: { title: string; author: string; subject: string; keywords: string[]; date: string };
  title: string;
  fictionalNotice: string | null;
  highlights: Array<{ label: string; value: string; note?: string }>;
  aggregate: {
    caption: string;
    header: HeaderCell[][];
    /** Rows of the header (the corner cell spans them). */
    headerRowCount: number;
    /** Few columns (totals only): the table is not stretched to the page width. */
    narrow: boolean;
    rows: AggregateRowView[];
    goals: string[];
    notes: string[];
  };
  charts: Array<{ id: string; heading: string }>;
  prefectures: { caption: string; groups: string[]; rows: PrefectureRowView[]; hasGrants: boolean };
  /** Ranking tables two to a page, as seed 000 prints them. */
  rankingPages: Array<{ heading: string; tables: RankingView[] }>;
  source: string;
  conventions: string[];
}

const int = (n: number) => n.toLocaleString('en-US');
const one = (n: number) => n.toFixed(1);
const pct = (n: number) => `${n.toFixed(1)}%`;
/** Median: integer as is, .5 kept. */
const med = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** Header rows of the aggregate table with seed 000's merges (grant / goal / group). */
export function aggregateHeader(defs: readonly NationalColumnDef[]): HeaderCell[][] {
  const rows: HeaderCell[][] = [[], [], []];
  const levels = [defs.map((d) => d.grantLabel), defs.map((d) => d.goalLabel), defs.map((d) => d.partLabel)];
  // row 0: runs of equal grant labels
  for (let i = 0; i < defs.length; ) {
    let j = i;
    while (j + 1 < defs.length && levels[0]![j + 1] === levels[0]![i]) j++;
    rows[0]!.push(cellOf(levels[0]![i]!, j - i + 1, 1));
    i = j + 1;
  }
  // row 1: runs of equal goal labels; a column without a part label spans rows 1–2
  for (let i = 0; i < defs.length; ) {
    if (levels[2]![i] === '') {
      rows[1]!.push(cellOf(levels[1]![i]!, 1, 2));
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < defs.length && levels[2]![j + 1] !== '' && levels[1]![j + 1] === levels[1]![i]) j++;
    rows[1]!.push(cellOf(levels[1]![i]!, j - i + 1, 1));
    i = j + 1;
  }
  for (let i = 0; i < defs.length; i++) if (levels[2]![i] !== '') rows[2]!.push(cellOf(levels[2]![i]!, 1, 1));
  return rows;
}

/** "推進 目標Ⅰ：持続可能な…" for each goal in the table. */
function goalLegend(defs: readonly NationalColumnDef[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const d of defs) {
    if (!d.goal || !d.goalTitle) continue;
    const key = `${d.grant}.${d.goal}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(`${d.grant === 'suishin' ? '推進' : '支援'} ${d.goalLabel}：${d.goalTitle}`);
  }
  return out;
}

function rankingView(t: RankingTable, topN: number): RankingView {
  return {
    id: `top-${t.sizeClass}`,
    title: `（${t.label}）`,
    caption: `${t.label}：該当${int(t.classCount)}市町村のうち上位${topN}（同点は同順位）`,
    rows: t.rows.map((r) => ({ rank: String(r.rank), prefecture: r.prefecture, name: r.name, insured: int(r.insuredType1), score: String(r.score), rate: pct(r.rate) })),
    empty: t.rows.length === 0,
  };
}

export interface NationalViewOptions {
  /** ISO date of the document (metadata). */
  date: string;
}

export function buildNationalView(d: NationalDerived, opts: NationalViewOptions): NationalView {
  const fy = `${d.fiscalYear}年度`;
  const title = `${fy}（市町村分）保険者機能強化推進交付金等に係る評価結果の概要`;
  const total = d.columns.find((c) => c.key === 'all.total')!;
  const top = d.rankings[0]?.rows[0];
  const note = sourceNote(d);
  const defs = d.columnDefs.filter((def) => d.columns.some((c) => c.key === def.key));
  const cols = defs.map((def) => d.columns.find((c) => c.key === def.key)!);
  const rankingPages: NationalView['rankingPages'] = [];
  const views = d.rankings.map((t) => rankingView(t, d.topN));
  for (let i = 0; i < views.length; i += 2) {
    const n = ['①', '②', '③', '④'][i / 2] ?? String(i / 2 + 1);
    rankingPages.push({ heading: `第1号被保険者規模別総合得点上位${d.topN}市町村${n}`, tables: views.slice(i, i + 2) });
  }
  const hasGrants = d.level !== 'total';
  return {
    meta: {
      title,
      author: 'kofukin-report',
      subject: `${fiscalYearJa(d.fiscalYear)} 保険者機能強化推進交付金・介護保険保険者努力支援交付金 評価結果 全国集計（${int(d.municipalityCount)}市町村）${d.fictional ? ' 架空データ' : ''}`,
      keywords: ['保険者機能強化推進交付金', '介護保険保険者努力支援交付金', '評価結果', '全国集計', ...(d.fictional ? ['架空データ'] : [])],
      date: opts.date,
    },
    title,
    fictionalNotice: d.fictional
      ? 'この資料の市町村名・得点はすべて架空のデータです（kofukin synth による合成データ）。実在の市町村や国の集計結果を示すものではありません。'
      : null,
    highlights: [
      { label: '評価市町村数', value: `${int(d.municipalityCount)}市町村` },
      { label: '平均点', value: `${one(total.mean)}点`, note: `${int(total.max)}点満点` },
      { label: '平均得点率', value: pct(total.rate) },
      { label: '中央値', value: `${med(total.median)}点` },
      ...(top ? [{ label: '得点トップ', value: `${top.name}（${top.prefecture}）${top.score}点`, note: `得点率${pct(top.rate)}` }] : []),
    ],
    aggregate: {
      caption: `全国集計（${int(d.municipalityCount)}市町村）：配点・平均点・平均得点率・中央値`,
      header: d.level === 'indicators' ? aggregateHeader(defs) : [defs.map((def) => cellOf(def.key === 'all.total' ? '合計' : def.grantLabel, 1, 1))],
      headerRowCount: d.level === 'indicators' ? 3 : 1,
      narrow: d.level !== 'indicators',
      rows: [
        { label: '配点', cells: cols.map((c) => int(c.max)) },
        { label: '平均点', cells: cols.map((c) => one(c.mean)) },
        { label: '平均得点率', cells: cols.map((c) => pct(c.rate)) },
        { label: '中央値', cells: cols.map((c) => med(c.median)) },
      ],
      goals: goalLegend(defs),
      notes: [
        d.level === 'indicators'
          ? '各指標の得点から集計。'
          : d.level === 'grants'
            ? '入力が交付金別の合計点のみのため、目標別・指標群別の列はない。'
            : '入力が総合得点のみのため、総合の列だけを示す。',
      ],
    },
    charts: [
      { id: 'pref-total', heading: `都道府県別市町村得点：総合〈推進+支援〉（満点${int(total.max)}点、平均点${one(total.mean)}点、得点率${pct(total.rate)}）` },
      ...(hasGrants
        ? (['suishin', 'shien'] as const).map((g) => {
            const c = d.columns.find((x) => x.key === `${g}.total`)!;
            const name = d.columnDefs.find((x) => x.key === `${g}.total`)!.grantLabel;
            return { id: `pref-${g}`, heading: `都道府県別市町村得点：${name}（満点${int(c.max)}点、平均点${one(c.mean)}点、得点率${pct(c.rate)}）` };
          })
        : []),
    ],
    prefectures: {
      caption: '都道府県別市町村得点の分布（平均・中央値・最小・最大、点）',
      groups: hasGrants ? ['総合', '推進', '支援'] : ['総合'],
      hasGrants,
      rows: d.prefectures.map((p) => ({
        code: p.code,
        name: p.name,
        count: String(p.count),
        cells: (hasGrants ? [p.total, p.suishin, p.shien] : [p.total]).flatMap((s) => (s ? [one(s.mean), med(s.median), String(s.min), String(s.max)] : ['－', '－', '－', '－'])),
      })),
    },
    rankingPages,
    source: note,
    conventions: [
      '平均点は小数第1位で四捨五入。平均得点率は合計点÷（市町村数×配点）で、四捨五入前の平均から求める。',
      '中央値は得点を並べた中央の値（市町村数が偶数のときは中央の2つの平均）。',
      `順位は同点を同順位とし、次の順位を飛ばす（1, 2, 2, 4）。上位${d.topN}の表は順位が${d.topN}以内の全団体を掲げる。同点の団体は団体コード順。`,
      '第1号被保険者数による区分：10万人以上／5万人以上10万人未満／1万人以上5万人未満／3千人以上1万人未満／3千人未満。',
    ],
  };
}
