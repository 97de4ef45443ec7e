/**
 * `kofukin summary <municipality file> [--json] [--strict]`: loads and validates the inputs and
 * prints every derived figure, as a readable table or as JSON for other tools.
 */
import { throwIfProblems, formatProblem } from '../errors/errors.ts';
import type { DerivedReport } from '../derive/report.ts';
import { deriveFromInputs } from '../pipeline/derive-inputs.ts';
import { fiscalYearJa, groupDigits, percentJa, signed } from '../common/era.ts';
import { GROUP_KIND_LABELS } from '../derive/scores.ts';
import { loadInputsForCli, inputOptionsFrom } from './inputs.ts';
import { textTable } from '../common/text-table.ts';
import { amountSen, perPointText } from '../money/format.ts';
import { formatBudget } from '../derive/money/budget.ts';
import { summarySpec } from '../cli/specs/summary.ts';
import { parseCommandArgs, type Command } from './command.ts';

export const command: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(summarySpec, args);
  const inputs = await loadInputsForCli(positionals[0]!, inputOptionsFrom(values));
  const report = deriveFromInputs(inputs);
  throwIfProblems(report.warnings, Boolean(values.strict));
  for (const w of report.warnings) io.stderr.write(`kofukin summary: ${formatProblem(w)}\n`);
  io.stdout.write(values.json ? JSON.stringify(summaryJson(report), null, 2) + '\n' : summaryText(report) + '\n');
  return 0;
};

/** The JSON document printed by `summary --json` (documented in the README). */
export function summaryJson(report: DerivedReport) {
  const { warnings, ...rest } = report;
  return { format: 'kofukin-summary/1', ...rest, warnings: warnings.map(formatProblem) };
}

export function summaryText(r: DerivedReport): string {
  const m = r.municipality;
  const out: string[] = [];
  out.push(`${m.name}（${m.prefecture}、${m.code}、第1号被保険者 ${groupDigits(m.insuredType1)}人） ${fiscalYearJa(r.fiscalYear)} 評価結果`);
  out.push('');
  for (const g of r.scoreSheet.grants) {
    out.push(`■ ${g.name}  ${g.score} / ${g.max}点（${percentJa(g.ratePct)}）`);
    const rows = g.goals.flatMap((goal) =>
      goal.groups.flatMap((grp) =>
        grp.indicators.map((i) => [i.ref, i.shortTitle, String(i.itemCount), String(i.score), String(i.max), percentJa(i.ratePct)]),
      ),
    );
    out.push(textTable(['指標', '内容', '>項目数', '>得点', '>満点', '>得点率'], rows));
    out.push('');
  }
  out.push('■ 得点状況（指標群別）');
  out.push(
    textTable(
      ['', ...r.groupSummary.kinds.map((k) => `>${GROUP_KIND_LABELS[k]}`), '>合計'],
      r.groupSummary.rows.map((row) => [
        row.label,
        ...r.groupSummary.kinds.map((k) => `${row.cells[k].score} / ${row.cells[k].max}点`),
        `${row.total.score} / ${row.total.max}点`,
      ]),
    ),
  );
  out.push('');
  out.push('■ 未得点の項目');
  for (const g of r.unscoredIndicators) {
    for (const s of g.sections)
      for (const item of s.items)
        out.push(`  ${g.shortName} ${item.indicator.ref} ${item.indicator.shortTitle}  ${item.indicator.score}/${item.indicator.max}点（−${item.indicator.lost}）${item.missingNarrative ? '  [理由未記入]' : ''}`);
  }
  if (r.peerPlacement) {
    const p = r.peerPlacement;
    out.push('');
    out.push(`■ ${p.groupName}の中での順位: 推進交付金 ${p.suishinRank}位、支援交付金 ${p.shienRank}位、合計 ${p.totalRank}位`);
  }
  if (r.standing) {
    const s = r.standing;
    out.push('');
    out.push(`■ 全国・${s.prefecture.name}内での順位（全国${groupDigits(s.municipalityCount)}市町村、${s.prefecture.name}${s.prefecture.count}市町村、同点は同順位${s.fictional ? '、架空の全国データ' : ''}）`);
    out.push(
      textTable(
        ['区分', '>得点', '>全国順位', '>上位', '>パーセンタイル', `>${s.prefecture.name}内順位`, '>平均', '>中央値'],
        (['suishin', 'shien', 'total'] as const).map((k) => [
          k === 'suishin' ? '推進交付金' : k === 'shien' ? '支援交付金' : '合計',
          String(s.national[k].score),
          `${groupDigits(s.national[k].rank)}位`,
          `${s.national[k].topPercent.toFixed(1)}%`,
          s.national[k].percentile.toFixed(1),
          `${s.withinPrefecture[k].rank}位`,
          s.withinPrefecture[k].mean.toFixed(1),
          String(s.withinPrefecture[k].median),
        ]),
      ),
    );
  }
  for (const g of r.peerGroups ?? []) {
    const h = g.highlighted!;
    out.push('');
    out.push(`■ ${g.name}の中での順位: 推進交付金 ${h.suishin.rank}位、支援交付金 ${h.shien.rank}位、合計 ${h.total.rank}位（合計の平均 ${g.means.total.toFixed(1)}点、中央値 ${g.medians.total}点）`);
  }
  if (r.nationalComparison) {
    out.push('');
    out.push(`■ 全国との比較（${r.nationalComparison.municipalityCount}市町村）`);
    out.push(
      textTable(
        ['区分', '目標', '指標群', '>得点', '>満点', '>全国平均', '>差', '>中央値'],
        r.nationalComparison.rows.map((row) => [
          row.grantAbbr,
          row.scope,
          row.part,
          String(row.city.score),
          String(row.city.max),
          row.national.mean.toFixed(1),
          signed(row.diffFromMean),
          String(row.national.median),
        ]),
      ),
    );
  }
  if (r.grantHistory) {
    out.push('');
    out.push('■ 交付金受け入れ状況（千円）');
    out.push(
      textTable(
        ['年度', '>推進交付金', '>支援交付金', '>合計'],
        r.grantHistory.rows.map((row) => [
          fiscalYearJa(row.fiscalYear) + (row.estimate ? '（見込み）' : ''),
          row.suishin === null ? '－' : groupDigits(row.suishin),
          row.shien === null ? '－' : groupDigits(row.shien),
          row.total === null ? '－' : groupDigits(row.total),
        ]),
      ),
    );
  }
  if (r.money) {
    const mo = r.money;
    out.push('');
    out.push(
      `■ 交付金の得点比例の試算（${fiscalYearJa(mo.fiscalYear)}、全国${groupDigits(mo.municipalityCount)}市町村${mo.addedSelf ? '（本団体を加えて計算）' : ''}、激変緩和措置・所要見込額の上限は考慮せず）` +
        (mo.fictional ? '\n  ※ 全国の得点は架空の全国データであり、金額は説明のための例示である。' : ''),
    );
    out.push(
      textTable(
        ['交付金', '>国予算額', '>試算', '>受け入れ額', '>1点当たり'],
        (['suishin', 'shien'] as const).map((g) => [
          g === 'suishin' ? '推進交付金' : '支援交付金',
          formatBudget(mo.grants[g].budgetYen),
          amountSen(mo.grants[g].estimateYen),
          mo.actual?.[g] == null ? '－' : `${groupDigits(mo.actual[g]!)}千円`,
          perPointText(mo.grants[g].yenPerPoint),
        ]),
      ),
    );
  }
  return out.join('\n');
}
