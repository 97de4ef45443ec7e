/**
 * The outputs of `kofukin grants` as data (pure): the JSON document and the table written as CSV
 * and as the workbook's main sheet. Amounts in yen are authoritative; the 千円 columns are
 * rounded down (千円未満切捨て), see allocate.ts.
 */
import type { GrantId } from '../load/schemas/catalog.ts';
import { fiscalYearJa } from '../common/era.ts';
import { yenToSenFloor } from '../derive/money/allocate.ts';
import { formatBudget } from '../derive/money/budget.ts';
import { GRANTS, type GrantLine, type NationAllocation } from '../derive/money/estimate.ts';

export const GRANT_LABEL: Record<GrantId, { short: string; name: string }> = {
  suishin: { short: '推進', name: '保険者機能強化推進交付金' },
  shien: { short: '支援', name: '介護保険保険者努力支援交付金' },
};

export const BASIS =
  'score-proportional estimate: each grant\'s budget shared in proportion to score × 第1号被保険者数, capped at 所要見込額 with the remainder shared again (追加交付); the FY2024 transition cushion from FY2023 amounts (激変緩和措置) is not modelled';

export const ROUNDING =
  'amounts in whole yen by largest remainder (Hamilton), ties to the lower code, so they sum to the budget to the yen; 千円 columns are rounded down (千円未満切捨て); yen per point is the exact difference A(S+1) − A(S) before caps, rounded half up to the yen';

export interface GrantSummary {
  budgetYen: number;
  /** Σ S × N */
  weightSum: number;
  allocatedYen: number;
  /** Left when everyone with a score is capped. */
  unallocatedYen: number;
  cappedCount: number;
  rounds: number;
  /** Σ of the 千円 column (each rounded down). */
  displayedSenTotal: number;
  /** allocatedYen − 1000 × displayedSenTotal: the yen below 千円 the 千円 column leaves out. */
  truncatedYen: number;
}

function lineJson(l: GrantLine) {
  return {
    score: l.score,
    weight: l.weight,
    shareYen: l.shareYen,
    needYen: l.needYen,
    amountYen: l.amountYen,
    amountSen: yenToSenFloor(l.amountYen),
    capped: l.capped,
    yenPerPoint: l.yenPerPoint,
  };
}

/** The JSON document of `kofukin grants` (format kofukin-grants/1). */
export function grantsJson(a: NationAllocation, needsFile: string | null) {
  const grants = {} as Record<GrantId, GrantSummary>;
  for (const g of GRANTS) {
    const r = a.results[g];
    const displayed = a.rows.reduce((s, row) => s + yenToSenFloor(row.grants[g].amountYen), 0);
    grants[g] = {
      budgetYen: r.budgetYen,
      weightSum: r.weightSum,
      allocatedYen: r.allocatedYen,
      unallocatedYen: r.unallocatedYen,
      cappedCount: r.cappedCount,
      rounds: r.rounds,
      displayedSenTotal: displayed,
      truncatedYen: r.allocatedYen - displayed * 1000,
    };
  }
  return {
    format: 'kofukin-grants/1',
    basis: BASIS,
    rounding: ROUNDING,
    fiscalYear: a.fiscalYear,
    source: a.source,
    fictional: a.fictional,
    needs: needsFile,
    municipalityCount: a.rows.length,
    grants,
    municipalities: a.rows.map((m) => ({
      code: m.code,
      prefecture: m.prefecture,
      name: m.name,
      insuredType1: m.insuredType1,
      fictional: m.fictional,
      suishin: lineJson(m.grants.suishin),
      shien: lineJson(m.grants.shien),
      totalSen: GRANTS.reduce((s, g) => s + yenToSenFloor(m.grants[g].amountYen), 0),
    })),
  };
}

export type GrantsJson = ReturnType<typeof grantsJson>;

const PER_GRANT = ['得点', '得点×第1号被保険者数', '比例配分額（円、上限適用前）', '所要見込額（千円）', '交付見込額（円）', '交付見込額（千円）', '上限適用', '1点当たり（円）'] as const;

/** Header of the municipality table (CSV and the workbook's main sheet). */
export function tableHeader(): string[] {
  return ['団体コード', '都道府県', '市区町村', '第1号被保険者数', ...GRANTS.flatMap((g) => PER_GRANT.map((h) => `${GRANT_LABEL[g].short}_${h}`)), '合計_交付見込額（千円）', '架空'];
}

/** Body rows of the municipality table (numbers stay numbers; no cap = empty cell). */
export function tableRows(doc: GrantsJson): Array<Array<string | number | boolean | null>> {
  return doc.municipalities.map((m) => [
    m.code,
    m.prefecture,
    m.name,
    m.insuredType1,
    ...GRANTS.flatMap((g) => {
      const l = m[g];
      return [l.score, l.weight, l.shareYen, l.needYen === null ? null : l.needYen / 1000, l.amountYen, l.amountSen, l.capped ? '上限' : '', l.yenPerPoint];
    }),
    m.totalSen,
    m.fictional,
  ]);
}

/** Lines of the summary (text output and the workbook's 概要 sheet). */
export function summaryLines(doc: GrantsJson): string[] {
  const lines = [
    `${fiscalYearJa(doc.fiscalYear)} 交付見込額の得点比例の試算（${doc.municipalityCount.toLocaleString('en-US')}市町村、${doc.source}）`,
    ...(doc.fictional ? ['※ 全国の得点は架空の全国データであり、金額は説明のための例示である（実際の配分額ではない）。'] : []),
    '各交付金の予算額を得点×第1号被保険者数に比例して配分し、所要見込額を超える額はその額で止め、残りを他の市町村に同じ方法で再配分した（追加交付）。',
    `令和6年度の実際の配分に講じられた前年度交付額からの激変緩和措置は、公表された定義がないため含めていない。実際の交付額とは異なる。`,
    '端数処理：円単位で最大剰余法（同じ剰余はコードの小さい順）により、予算額に円単位で一致させた。千円欄は千円未満切捨て。',
  ];
  for (const g of GRANTS) {
    const s = doc.grants[g];
    lines.push(
      `${GRANT_LABEL[g].name}: 予算 ${formatBudget(s.budgetYen)}、配分 ${s.allocatedYen.toLocaleString('en-US')}円` +
        `（千円欄の合計 ${s.displayedSenTotal.toLocaleString('en-US')}千円、切捨て ${s.truncatedYen.toLocaleString('en-US')}円）、` +
        `上限適用 ${s.cappedCount}市町村、未配分 ${s.unallocatedYen.toLocaleString('en-US')}円` +
        (s.cappedCount > 0 ? `、再配分 ${s.rounds - 1}回` : ''),
    );
  }
  return lines;
}
