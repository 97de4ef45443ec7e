/**
 * The report view model: everything the templates print, already worded and formatted in
 * Japanese (era years, 千円, percentages). Built from derived figures only; pure. The templates
 * do no arithmetic and see nothing else.
 */
import type { Catalog, GroupKind, IndicatorOption } from '../load/schemas/catalog.ts';
import { ILLUSTRATIVE_FIELDS, type Narrative } from '../load/schemas/inputs.ts';
import type { DerivedReport } from '../derive/report.ts';
import { GROUP_KIND_LABELS, GROUP_KIND_SUBTITLES, type GrantResult } from '../derive/scores.ts';
import { dateJa, fiscalYearJa, groupDigits, percentJa, signed, yearJa } from '../common/era.ts';
import type { ReportMoney } from '../derive/money.ts';
import { formatBudget } from '../derive/money/budget.ts';
import { yenToSenFloor } from '../derive/money/allocate.ts';
import { gainSen, perPointText } from '../money/format.ts';
import { buildRankingView, type RankingView } from './ranking-view.ts';
import { buildTrendView, type TrendView } from './trend-view.ts';

export interface Cell {
  text: string;
  rowspan?: number;
}

export interface ScoreTableRow {
  goal: Cell | null;
  group: Cell | null;
  no: string;
  title: string;
  itemCount: string;
  score: string;
  max: string;
  rate: string;
  /** zero points / below full marks, for styling */
  zero: boolean;
  partial: boolean;
}

export interface ScoreTable {
  id: string;
  heading: string;
  caption: string;
  rows: ScoreTableRow[];
  total: { itemCount: string; score: string; max: string; rate: string };
}

export interface UnscoredItemView {
  ref: string;
  title: string;
  optionLines: string[];
  reason: string[];
  /** "※推進交付金の「目標Ⅳ－5」と同様" */
  sameAsText: string | null;
  missingNarrative: boolean;
  lost: string;
}

export interface UnscoredGrantView {
  heading: string;
  caption: string;
  sections: Array<{ label: string; items: UnscoredItemView[] }>;
  empty: boolean;
  pointsLost: string;
}

export interface DefinitionView {
  no: string;
  question: string;
  options: Array<{ key: string; text: string; subItems: Array<{ key: string; text: string }> }>;
  period: string;
  scoring: string;
  shaded: boolean;
}

export interface GrantEstimateView {
  caption: string;
  actualHeading: string;
  /** Column heads of the table (the second is `actualHeading`). */
  columns: string[];
  rows: Array<{ grant: string; actual: string; estimate: string; diff: string; perPoint: string; total: boolean }>;
  /** What the estimate is. */
  basis: string;
  /** One sentence on why the receipts differ (when the year's receipts are known). */
  why: string | null;
  /** Said plainly when the national figures are made up. */
  fictional: string | null;
}

export interface ReportView {
  lang: 'ja';
  meta: {
    title: string;
    author: string;
    subject: string;
    keywords: string[];
    /** ISO date of the document; the PDF's dates are set from it. */
    date: string;
  };
  titleBlock: {
    documentNumber: string | null;
    title: string;
    department: string;
    date: string;
    committee: string | null;
    /** 「※資料番号・日付・委員会名は記入例です」 when the narrative marks header fields illustrative, else null. */
    illustrativeNote: string | null;
  };
  fictionalNotice: string | null;
  municipality: { name: string; prefecture: string; selfRef: string; fiscalYear: string };
  overview: Array<{ heading: string; paragraphs: string[] }>;
  framework: Array<{
    heading: string;
    goals: Array<{ heading: string; groups: Array<{ label: string; items: string[] }> }>;
  }>;
  sectionNumbers: { national: string; ranking?: string; peers: string; grants: string; schedule: string };
  /**
   * The fixed wording around the figures, composed once here so that every writer (HTML
   * templates, Word) prints the same words: section headings, lead sentences, notes.
   */
  text: ReportText;
  /** Column heads of the report's tables, in column order. */
  columns: ReportColumns;
  /** Labels of the appendices present: 参考資料1 (definitions), 参考資料2 (peer table). */
  appendixLabels: { framework: string; peers: string };
  scoresIntro: string;
  peerSentence: string | null;
  scoreTables: ScoreTable[];
  groupSummary: { caption: string; header: Array<{ label: string; sub: string }>; rows: Array<{ label: string; cells: string[] }> };
  unscored: UnscoredGrantView[];
  whatif: {
    heading: string;
    intro: string;
    caption: string;
    rows: Array<{
      grant: string;
      ref: string;
      title: string;
      current: string;
      nextStep: string;
      nextGain: string;
      maxGain: string;
      /** "≈ +2,471千円" (only with a national results file) */
      nextGainMoney?: string;
      maxGainMoney?: string;
    }>;
    /** How the money figures are computed, each "※ …" (only with a national results file). */
    moneyNotes?: string[];
  } | null;
  national: {
    intro: string;
    caption: string;
    source: string;
    rows: Array<{
      grant: Cell | null;
      scope: Cell | null;
      part: string;
      score: string;
      max: string;
      rate: string;
      mean: string;
      nationalRate: string;
      median: string;
      diff: string;
      above: boolean;
      total: boolean;
    }>;
  } | null;
  /** Standing in the nation and the prefecture, and peer groups chosen by name (only with them). */
  ranking?: RankingView;
  peers: {
    name: string;
    caption: string;
    intro: string;
    source: string;
    rows: Array<{
      name: string;
      suishin: string;
      suishinRank: string;
      shien: string;
      shienRank: string;
      total: string;
      totalRank: string;
      diff: string;
      highlighted: boolean;
    }>;
    means: { suishin: string; shien: string; total: string };
  } | null;
  grants: {
    intro: string;
    caption: string;
    rows: Array<{ year: string; suishin: string; shien: string; total: string; budget: string }>;
    notes: string[];
    /** The year's receipts beside the score-proportional estimate (only with a national results file). */
    estimate?: GrantEstimateView;
    /** 評価結果の推移 (only when the grant history carries evaluation results). */
    trend?: TrendView;
  } | null;
  schedule: Array<{ when: string; text: string }>;
  appendix1: null | {
    title: string;
    notes: string[];
    grants: Array<{
      heading: string;
      goals: Array<{
        heading: string;
        groups: Array<{ heading: string; caption: string; items: DefinitionView[] }>;
      }>;
    }>;
  };
}

export interface ReportText {
  overview: string;
  framework: string;
  /** "※ 詳細については、参考資料1のとおり" (only with the definitions appendix). */
  frameworkNote: string | null;
  scores: string;
  /** The lead paragraph of section 3: the intro and, with a peer group, the peer sentence. */
  scoresParagraph: string;
  status: string;
  statusSummary: string;
  unscored: string;
  unscoredEmpty: string;
  missingNarrative: string;
  /** Label of a table's total row. */
  total: string;
  /** Label of the peer table's mean row. */
  mean: string;
  national: string;
  peers: string;
  peersParagraph: string;
  grants: string;
  schedule: string;
  appendixPeers: string;
}

export interface ReportColumns {
  scores: string[];
  unscored: string[];
  whatif: string[];
  national: string[];
  grants: string[];
  definitions: string[];
  /** Two header rows: name | grant (score, rank) ×3 | difference (two lines). */
  peers: { name: string; groups: string[]; score: string; rank: string; diff: string[] };
}

/** 本市 / 本町 / 本村 / 本区 from the municipality's name. */
export function selfReference(name: string): string {
  const last = name.at(-1);
  return last === '町' || last === '村' || last === '区' ? `本${last}` : '本市';
}

const numberedHeading = (i: number, text: string) => `(${i + 1}) ${text}`;
const IROHA = ['ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク'];

function groupHeading(kind: GroupKind, label: string): string {
  return label ? `${label} ${GROUP_KIND_LABELS[kind]}` : GROUP_KIND_LABELS[kind];
}

function scoreTable(grant: GrantResult, index: number): ScoreTable {
  const rows: ScoreTableRow[] = [];
  for (const goal of grant.goals) {
    const goalRows = goal.groups.reduce((n, g) => n + g.indicators.length, 0);
    goal.groups.forEach((group, gi) => {
      group.indicators.forEach((ind, ii) => {
        rows.push({
          goal: gi === 0 && ii === 0 ? { text: `目標${goal.numeral}`, rowspan: goalRows } : null,
          group: ii === 0 ? { text: groupHeading(group.kind, group.label), rowspan: group.indicators.length } : null,
          no: String(ind.no),
          title: ind.shortTitle,
          itemCount: String(ind.itemCount),
          score: String(ind.score),
          max: String(ind.max),
          rate: percentJa(ind.ratePct),
          zero: ind.score === 0,
          partial: ind.score > 0 && ind.score < ind.max,
        });
      });
    });
  }
  return {
    id: `scores-${grant.grant}`,
    heading: numberedHeading(index, grant.shortName),
    caption: `${grant.name}の指標別得点`,
    rows,
    total: {
      itemCount: String(grant.itemCount),
      score: String(grant.score),
      max: String(grant.max),
      rate: percentJa(grant.ratePct),
    },
  };
}

/**
 * Option lines for the 内容 column: the missed options when the narrative names them; for a
 * tiered (activity / outcome) indicator its tiers, as seed 003 prints them; for a checklist
 * (process) indicator without named options, a note instead of the whole checklist.
 */
function optionLines(options: IndicatorOption[], missed: string[], kind: GroupKind, lost: number): string[] {
  if (missed.length === 0 && kind === 'process') return [`（満点との差 ${lost}点。該当しなかった選択肢は未記入）`];
  if (missed.length > 0) {
    const lines: string[] = [];
    for (const m of missed) {
      const opt = options.find((o) => m.startsWith(o.key));
      if (!opt) {
        lines.push(m);
        continue;
      }
      if (!lines.includes(`${opt.key} ${opt.text}`)) lines.push(`${opt.key} ${opt.text}`);
      const subKey = m.slice(opt.key.length);
      const sub = opt.subItems.find((s) => s.key === subKey);
      if (sub) lines.push(`${sub.key} ${sub.text}`);
    }
    return lines;
  }
  const lines = options.map((o) => `${o.key} ${o.text}`);
  const subs = options.map((o) => o.subItems.map((s) => `${s.key} ${s.text}`).join('\n'));
  if (subs[0] && subs.every((s) => s === subs[0])) lines.push(...subs[0].split('\n'));
  else options.forEach((o) => o.subItems.forEach((s) => lines.push(`${o.key}${s.key} ${s.text}`)));
  return lines;
}

/** Section numbers after the four fixed sections, skipping sections without data. */
function sectionNumbers(present: Array<[keyof ReportView['sectionNumbers'], boolean]>): ReportView['sectionNumbers'] {
  const out: ReportView['sectionNumbers'] = { national: '', peers: '', grants: '', schedule: '' };
  let n = 4;
  for (const [key, has] of present) if (has) out[key] = String(++n);
  // the ranking section's number only when it is there, so reports without it are unchanged
  if (out.ranking === '') delete out.ranking;
  return out;
}

export interface ReportViewInput {
  derived: DerivedReport;
  catalog: Catalog;
  narrative: Narrative | null;
  /** Include 参考資料1, the full indicator definitions (default true). */
  includeFramework?: boolean;
}

export function buildReportView({ derived, catalog, narrative, includeFramework = true }: ReportViewInput): ReportView {
  const m = derived.municipality;
  const self = selfReference(m.name);
  const fy = fiscalYearJa(derived.fiscalYear);
  const sheet = derived.scoreSheet;
  const title = narrative?.report.title ?? `${fy}における保険者機能強化推進交付金等の評価結果について`;
  const department = narrative?.report.department ?? m.name;
  const isoDate = narrative?.report.date ?? `${derived.fiscalYear + 1}-03-31`;

  const appendixLabels = { framework: includeFramework ? '参考資料1' : '', peers: includeFramework ? '参考資料2' : '参考資料1' };
  const p = derived.peerPlacement;
  const peerSentence = p
    ? `${self}の得点は、${appendixLabels.peers}のとおり、${p.groupName}の中で、${sheet.grants[0]!.shortName}は${p.suishinRank}位、${sheet.grants[1]!.shortName}は${p.shienRank}位、合計は${p.totalRank}位となっている。`
    : null;

  const kindsHeader = derived.groupSummary.kinds.map((k) => ({ label: GROUP_KIND_LABELS[k], sub: `（${GROUP_KIND_SUBTITLES[k]}）` }));

  const unscored: UnscoredGrantView[] = derived.unscoredIndicators.map((g, gi) => ({
    heading: `${IROHA[gi] ?? ''} ${g.shortName}`.trim(),
    caption: `${g.shortName}の未得点の項目`,
    empty: g.sections.length === 0,
    pointsLost: String(g.pointsLost),
    sections: g.sections.map((s) => ({
      label: GROUP_KIND_LABELS[s.kind],
      items: s.items.map((item) => ({
        ref: item.indicator.ref,
        title: item.indicator.question,
        optionLines: optionLines(item.options, item.missedOptions, item.indicator.kind, item.indicator.lost),
        reason: item.reason,
        sameAsText: item.sameAs ? `※${item.sameAs.grantShortName}の「${item.sameAs.ref}」と同様` : null,
        missingNarrative: item.missingNarrative,
        lost: `${item.indicator.score} / ${item.indicator.max}点`,
      })),
    })),
  }));

  const nc = derived.nationalComparison;
  let lastGrant = '';
  let lastScope = '';
  const national: ReportView['national'] = nc
    ? {
        intro: `全国${groupDigits(nc.municipalityCount)}市町村の平均点・中央値と${self}の得点を、目標別・指標群別に比較すると次のとおりである。`,
        caption: `${self}の得点と全国平均・中央値（${fy}）`,
        source: `出典：${nc.source}`,
        rows: nc.rows.map((row) => {
          const grantCell = row.grantAbbr !== lastGrant ? { text: row.grantAbbr, rowspan: nc.rows.filter((r) => r.grantAbbr === row.grantAbbr).length } : null;
          const scopeKey = `${row.grantAbbr}|${row.scope}`;
          const scopeCell =
            scopeKey !== lastScope
              ? { text: row.scope, rowspan: nc.rows.filter((r) => `${r.grantAbbr}|${r.scope}` === scopeKey).length }
              : null;
          lastGrant = row.grantAbbr;
          lastScope = scopeKey;
          return {
            grant: grantCell,
            scope: scopeCell,
            part: row.part,
            score: String(row.city.score),
            max: String(row.city.max),
            rate: percentJa(row.city.ratePct),
            mean: row.national.mean.toFixed(1),
            nationalRate: percentJa(row.national.rate),
            median: String(row.national.median),
            diff: signed(row.diffFromMean),
            above: row.aboveMean,
            total: row.part === '小計' || row.part === '',
          };
        }),
      }
    : null;

  const pr = derived.peerRanks;
  const peers: ReportView['peers'] = pr
    ? {
        name: pr.name,
        caption: `${pr.name}の得点と順位（${fy}）`,
        intro: `${pr.name}の推進交付金・支援交付金の得点と順位（同点は同順位）は次のとおりである。`,
        source: `出典：${pr.source}`,
        rows: pr.rows.map((r) => ({
          name: r.name,
          suishin: `${r.suishin.score}点`,
          suishinRank: `${r.suishin.rank}位`,
          shien: `${r.shien.score}点`,
          shienRank: `${r.shien.rank}位`,
          total: `${r.total.score}点`,
          totalRank: `${r.total.rank}位`,
          diff: signed(r.total.diffFromMean),
          highlighted: r.highlighted,
        })),
        means: { suishin: pr.means.suishin.toFixed(1), shien: pr.means.shien.toFixed(1), total: pr.means.total.toFixed(1) },
      }
    : null;

  const money = derived.money ?? null;
  const moneyOf = new Map((money?.whatIf ?? []).map((w) => [w.indicator, w]));

  const gh = derived.grantHistory;
  const budgetText = (s: number | null, h: number | null) =>
    [s !== null ? `推進 ${groupDigits(s)}億円` : null, h !== null ? `支援 ${groupDigits(h)}億円` : null].filter(Boolean).join('／') || '－';
  const grants: ReportView['grants'] = gh
    ? {
        intro: `制度創設から現在に至るまでの各交付金の受け入れ額については、以下のとおり。`,
        caption: `交付金の受け入れ額（千円）と国予算額（億円）`,
        rows: gh.rows.map((r) => ({
          year: fiscalYearJa(r.fiscalYear) + (r.estimate ? '（見込み）' : ''),
          suishin: r.suishin === null ? '－' : `${groupDigits(r.suishin)}千円`,
          shien: r.shien === null ? '－' : `${groupDigits(r.shien)}千円`,
          total: r.total === null ? '－' : `${groupDigits(r.total)}千円`,
          budget: budgetText(r.budgetSuishin, r.budgetShien),
        })),
        notes: gh.notes.map((n) => `※ ${n}`),
        ...(money ? { estimate: grantEstimateView(money, self) } : {}),
        ...(gh.trend ? { trend: buildTrendView(gh.trend, self) } : {}),
      }
    : money
      ? {
          intro: `${fy}の交付金について、全国の得点に基づく得点比例の試算は以下のとおり。`,
          caption: '',
          rows: [],
          notes: [],
          estimate: grantEstimateView(money, self),
        }
      : null;

  const numbers = sectionNumbers([
    ['national', nc !== null],
    ['ranking', derived.standing != null || (derived.peerGroups?.length ?? 0) > 0],
    ['peers', pr !== null],
    ['grants', grants !== null],
    ['schedule', (narrative?.schedule ?? []).length > 0],
  ]);
  const ranking = numbers.ranking ? buildRankingView(derived, self, fy, numbers.ranking) : null;
  const scoresIntro = `${fy}の厚生労働省の集計結果によると、各交付金における配点及び得点の状況は、以下のとおりである。`;
  const text: ReportText = {
    overview: '1 制度概要',
    framework: '2 評価指標',
    frameworkNote: includeFramework ? `※ 詳細については、${appendixLabels.framework}のとおり` : null,
    scores: `3 ${self}の指標該当状況について`,
    scoresParagraph: scoresIntro + (peerSentence ?? ''),
    status: '4 各指標の得点状況',
    statusSummary: '(1) 得点状況',
    unscored: '(2) 未得点の項目',
    unscoredEmpty: '未得点の項目はない。',
    missingNarrative: '（理由・今後の対応は未記入）',
    total: '合計',
    mean: '平均',
    national: nc ? `${numbers.national} 全国との比較` : '',
    peers: pr ? `${numbers.peers} ${pr.name}との比較` : '',
    peersParagraph: peers ? `${peers.intro}詳細は${appendixLabels.peers}のとおり。` : '',
    grants: grants ? `${numbers.grants} 交付金受け入れ状況` : '',
    schedule: numbers.schedule ? `${numbers.schedule} 今後のスケジュール` : '',
    appendixPeers: pr ? `各${pr.name}の得点状況` : '',
  };
  const columns: ReportColumns = {
    scores: ['目標', '指標群', '番号', '指標', '項目数', '得点', '満点', '得点率'],
    unscored: ['指 標', '内 容', '未得点の理由、今後の対応等'],
    whatif: ['区分', '指標', '内容', '現在', '次の段階', '加算', '満点まで'],
    national: ['区分', '目標', '指標群', '得点', '満点', '得点率', '全国平均', '全国得点率', '中央値', '平均との差'],
    grants: ['年度', '推進交付金', '支援交付金', '合計', '（参考）国予算額'],
    definitions: ['番号', '評価指標', '時点', '配点'],
    peers: { name: '市町村名', groups: ['推進交付金', '支援交付金', '総合得点'], score: '得点', rank: '順位', diff: ['総合得点の', '平均との差'] },
  };

  const schedule = (narrative?.schedule ?? []).map((s) => ({
    when: `${yearJa(s.year)}${s.month ? ` ${s.month}月` : ''}${s.period ? ` ${s.period}` : ''}`,
    text: s.text,
  }));

  const appendix1: ReportView['appendix1'] = !includeFramework ? null : {
    title: catalog.title,
    notes: catalog.notes.map((n) => `※ ${n}`),
    grants: catalog.grants.map((g, gi) => ({
      heading: `${gi + 1}. ${fiscalYearJa(catalog.fiscalYear)}${g.name}評価指標（市町村分）`,
      goals: g.goals.map((goal) => ({
        heading: `目標${goal.numeral} ${goal.title}（配点${goal.maxPoints}点）`,
        groups: goal.groups.map((grp) => ({
          heading: `目標${goal.numeral}：${groupHeading(grp.kind, grp.label)}（${grp.indicators.length}項目、配点${grp.maxPoints}点）`,
          caption: `${g.abbr} 目標${goal.numeral} ${GROUP_KIND_LABELS[grp.kind]}の評価指標`,
          items: grp.indicators.map((ind) => ({
            no: String(ind.no),
            question: ind.question,
            options: ind.options.map((o) => ({ key: o.key, text: o.text, subItems: o.subItems.map((s) => ({ key: s.key, text: s.text })) })),
            period: ind.period,
            scoring: ind.scoringText,
            shaded: ind.source === 'ministry',
          })),
        })),
      })),
    })),
  };

  return {
    lang: 'ja',
    meta: {
      title,
      author: department,
      subject: `${m.name} ${fy} 保険者機能強化推進交付金・介護保険保険者努力支援交付金 評価結果`,
      keywords: ['保険者機能強化推進交付金', '介護保険保険者努力支援交付金', m.name, fy],
      date: isoDate,
    },
    titleBlock: {
      documentNumber: narrative?.report.documentNumber ?? null,
      title,
      department,
      date: dateJa(isoDate),
      committee: narrative?.report.committee ?? null,
      illustrativeNote: illustrativeNote(narrative?.report.illustrative),
    },
    fictionalNotice:
      [
        m.fictional ? `※ この資料の${m.name}は架空の市町村であり、得点等はすべて架空のデータである。` : null,
        money?.fictional
          ? `※ この資料の全国の得点・平均値等は架空の全国データによるものであり、実在の市町村の結果ではない。交付金の試算額・1点当たりの額は説明のための例示である。`
          : null,
      ]
        .filter((x): x is string => x !== null)
        .join('') || null,
    municipality: { name: m.name, prefecture: m.prefecture, selfRef: self, fiscalYear: fy },
    overview: catalog.grants.map((g, i) => ({ heading: numberedHeading(i, g.name), paragraphs: g.overview })),
    framework: catalog.grants.map((g, i) => ({
      heading: numberedHeading(i, g.shortName),
      goals: g.goals.map((goal) => ({
        heading: `目標${goal.numeral} ${goal.title}`,
        groups: goal.groups.map((grp) => ({
          label: groupHeading(grp.kind, grp.label),
          items: grp.indicators.map((ind) => `${ind.no} ${ind.shortTitle}`),
        })),
      })),
    })),
    appendixLabels,
    sectionNumbers: numbers,
    text,
    columns,
    scoresIntro,
    peerSentence,
    scoreTables: sheet.grants.map(scoreTable),
    groupSummary: {
      caption: '指標群別の得点状況',
      header: [...kindsHeader, { label: '合計', sub: '' }],
      rows: derived.groupSummary.rows.map((row) => ({
        label: row.label,
        cells: [...derived.groupSummary.kinds.map((k) => `${row.cells[k].score} / ${row.cells[k].max}点`), `${row.total.score} / ${row.total.max}点`],
      })),
    },
    unscored,
    whatif: derived.whatIf
      ? {
          heading: '(3) 得点向上の余地',
          intro: `満点に達していない指標について、配点の仕組み上、次に得点できる段階と加算される点数、満点までの点数は次のとおりである（満点までの点数の大きい順）。満点までの点数の合計は${derived.whatIf.totalPossible}点である。`,
          caption: '得点向上の余地（指標別）',
          rows: derived.whatIf.items.map((w) => {
            const mw = moneyOf.get(w.indicator.id);
            return {
              grant: w.grantShortName.replace('交付金', ''),
              ref: w.indicator.ref,
              title: w.indicator.shortTitle,
              current: `${w.current} / ${w.max}点`,
              nextStep: w.nextStep,
              nextGain: `+${w.nextGain}点`,
              maxGain: `+${w.maxGain}点`,
              ...(mw ? { nextGainMoney: `≈ ${gainSen(mw.nextGainYen)}`, maxGainMoney: `≈ ${gainSen(mw.maxGainYen)}` } : {}),
            };
          }),
          ...(money ? { moneyNotes: whatIfMoneyNotes(money, self, fy).map((n) => `※ ${n}`) } : {}),
        }
      : null,
    national,
    ...(ranking ? { ranking } : {}),
    peers,
    grants,
    schedule,
    appendix1,
  };
}

// ---------------------------------------------------------------------------------------------
// Money (only with a national results file, `--nation`)

const GRANT_NAMES = { suishin: '推進交付金', shien: '支援交付金' } as const;

function budgetsText(money: ReportMoney): string {
  return `推進交付金${formatBudget(money.grants.suishin.budgetYen)}、支援交付金${formatBudget(money.grants.shien.budgetYen)}`;
}

function nationText(money: ReportMoney): string {
  return `全国${groupDigits(money.municipalityCount)}市町村`;
}

/** The paragraphs under the what-if table explaining its money figures. */
function whatIfMoneyNotes(money: ReportMoney, self: string, fy: string): string[] {
  const notes = [
    `「≈」の金額は、${fy}の国予算額（${budgetsText(money)}）を${nationText(money)}の得点×第1号被保険者数に比例して配分した場合の試算（得点比例の試算）で、${self}の得点がその分増えたときの増額である（1点当たり推進交付金${perPointText(money.grants.suishin.yenPerPoint)}、支援交付金${perPointText(money.grants.shien.yenPerPoint)}）。他の市町村の得点は現在のままとし、激変緩和措置や所要見込額による上限は考慮していない。目標Ⅳの指標は、推進交付金と支援交付金とで別の指標として、それぞれの交付金で計算している。`,
  ];
  if (money.addedSelf) notes.push(`${self}は全国の得点データに含まれていないため、${self}の得点を1市町村として加えて計算した。`);
  notes.push(
    money.fictional
      ? `全国の得点は架空の全国データ（${money.source}）であり、金額は説明のための例示である。`
      : `全国の得点は${money.source}による。`,
  );
  return notes;
}

function diffSen(sen: number): string {
  return sen === 0 ? '±0千円' : `${sen > 0 ? '+' : '−'}${groupDigits(Math.abs(sen))}千円`;
}

/** The year's receipts beside the score-proportional estimate. */
function grantEstimateView(money: ReportMoney, self: string): GrantEstimateView {
  const fy = fiscalYearJa(money.fiscalYear);
  const actual = money.actual;
  const lines = (['suishin', 'shien'] as const).map((g) => {
    const est = yenToSenFloor(money.grants[g].estimateYen);
    const act = actual?.[g] ?? null;
    return { g, est, act };
  });
  const actualHeading = actual?.estimate ? '受け入れ額（見込み）' : '受け入れ額';
  const rows: GrantEstimateView['rows'] = lines.map(({ g, est, act }) => ({
    grant: GRANT_NAMES[g],
    actual: act === null ? '－' : `${groupDigits(act)}千円`,
    estimate: `${groupDigits(est)}千円`,
    diff: act === null ? '－' : diffSen(act - est),
    perPoint: perPointText(money.grants[g].yenPerPoint),
    total: false,
  }));
  const estTotal = lines.reduce((s, l) => s + l.est, 0);
  const actTotal = lines.every((l) => l.act !== null) ? lines.reduce((s, l) => s + l.act!, 0) : null;
  rows.push({
    grant: '合計',
    actual: actTotal === null ? '－' : `${groupDigits(actTotal)}千円`,
    estimate: `${groupDigits(estTotal)}千円`,
    diff: actTotal === null ? '－' : diffSen(actTotal - estTotal),
    perPoint: '',
    total: true,
  });
  const hasActual = lines.some((l) => l.act !== null);
  return {
    caption: `${fy}の受け入れ額と得点比例の試算（千円）`,
    actualHeading,
    columns: ['区分', actualHeading, '得点比例の試算', '差（受け入れ額－試算）', '1点当たり（試算）'],
    rows,
    basis:
      `試算は、${fy}の国予算額（${budgetsText(money)}）を、${nationText(money)}の各交付金の得点×第1号被保険者数に比例して配分した額（千円未満切捨て）であり、` +
      `1点当たりの額は${self}の得点が1点増えた場合の試算額の増分である${money.addedSelf ? `（${self}は全国の得点データに含まれていないため、1市町村として加えて計算した）` : ''}。`,
    why: hasActual
      ? `受け入れ額が試算と異なるのは、${fy}の配分では${fiscalYearJa(money.fiscalYear - 1)}の交付額からの激変緩和措置が講じられていること、また実際の交付額は評価得点等により配分した交付見込額と各市町村の所要見込額のいずれか低い方となることによるもので、試算はそのどちらも考慮していない。`
      : null,
    fictional: money.fictional
      ? `※ 全国の得点は架空の全国データであり、試算額及び1点当たりの額は説明のための例示である（実際の配分額を示すものではない）。`
      : null,
  };
}

const ILLUSTRATIVE_LABELS: Readonly<Record<(typeof ILLUSTRATIVE_FIELDS)[number], string>> = {
  documentNumber: '資料番号',
  department: '担当課',
  date: '日付',
  committee: '委員会名',
};

/** The note under the header naming the fields that are examples (none: null). */
export function illustrativeNote(fields: readonly (typeof ILLUSTRATIVE_FIELDS)[number][] | undefined): string | null {
  const listed = ILLUSTRATIVE_FIELDS.filter((f) => fields?.includes(f));
  return listed.length > 0 ? `※${listed.map((f) => ILLUSTRATIVE_LABELS[f]).join('・')}は記入例です。` : null;
}
