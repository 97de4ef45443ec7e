/**
 * `kofukin whatif <municipality file> [--json]`: every indicator below its maximum with the next
 * achievable step under its 配点 rule and the points it adds, ranked by points still possible.
 */
import { UserError } from '../errors/errors.ts';
import { deriveScoreSheet } from '../derive/scores.ts';
import { deriveWhatIf } from '../derive/whatif.ts';
import { deriveReportMoney } from '../derive/money.ts';
import { formatProblem, throwIfProblems } from '../errors/errors.ts';
import { gainSen, perPointText } from '../money/format.ts';
import { textTable } from '../common/text-table.ts';
import { inputOptionsFrom, loadInputsForCli } from './inputs.ts';
import { whatifSpec } from '../cli/specs/whatif.ts';
import { parseCommandArgs, type Command } from './command.ts';
import { readRawWhatIfNotes } from '../scoring/raw-file.ts';
import { grantResult } from '../derive/scores.ts';
import { rankEffect, type RankEffect } from '../derive/standing.ts';
import { groupDigits } from '../common/era.ts';
import { rawWhatIfJson } from '../scoring/raw-values.ts';
import { commandMessages } from '../errors/messages.ts';

export const command: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(whatifSpec, args);
  const inputs = await loadInputsForCli(positionals[0]!, inputOptionsFrom(values));
  if (!inputs.rules) throw new UserError(commandMessages.noScoringRules(inputs.results.fiscalYear, `data/catalog/fy${inputs.results.fiscalYear}.rules.json`));
  const sheet = deriveScoreSheet(inputs.catalog, inputs.results.scores);
  const list = deriveWhatIf(sheet, inputs.rules);
  const top = values.top === undefined ? list.items.length : Number(values.top);
  const items = list.items.slice(0, Number.isFinite(top) && top > 0 ? top : list.items.length);
  // --raw: the raw value needed for the next tier of each ranked series (src/scoring/raw-file.ts)
  const rawNotes = typeof values.raw === 'string' ? await readRawWhatIfNotes(values.raw, inputs.rules, { ...inputs.results.municipality, scores: inputs.results.scores }, inputs.municipalityFile) : null;
  // --nation: what each step is worth (score-proportional estimate, before caps; src/money/)
  const moneyResult = inputs.nation
    ? deriveReportMoney({ nation: inputs.nation, results: inputs.results, scoreSheet: sheet, whatIf: list, grants: inputs.grants?.data ?? null })
    : null;
  throwIfProblems(moneyResult?.warnings ?? [], Boolean(values.strict));
  for (const w of moneyResult?.warnings ?? []) io.stderr.write(`kofukin whatif: ${formatProblem(w)}\n`);
  const money = moneyResult?.money ?? null;
  const moneyOf = new Map((money?.whatIf ?? []).map((w) => [w.indicator, w]));
  // --nation: what the next step would do to the national and prefecture ranks (src/derive/standing.ts)
  const rankOf = new Map<string, RankEffect>();
  if (inputs.nation) {
    const own = { suishin: grantResult(sheet, 'suishin').score, shien: grantResult(sheet, 'shien').score };
    const self = { code: inputs.results.municipality.code, scores: { ...own, total: own.suishin + own.shien } };
    for (const i of items) rankOf.set(i.indicator.id, rankEffect(inputs.nation.data, self, i.indicator.grant, i.nextGain));
  }
  const rankText = (e: RankEffect | undefined) =>
    e ? `${groupDigits(e.total.from)}→${groupDigits(e.total.to)}位（${e.prefectureTotal.from}→${e.prefectureTotal.to}位）` : '－';
  if (values.json) {
    io.stdout.write(
      JSON.stringify(
        {
          format: 'kofukin-whatif/1',
          municipality: inputs.results.municipality,
          fiscalYear: inputs.results.fiscalYear,
          totalPossible: list.totalPossible,
          money: money
            ? {
                basis: 'score-proportional estimate: budget × (S × N) / Σ(S × N), before 激変緩和措置 and 所要見込額 caps',
                fiscalYear: money.fiscalYear,
                source: money.source,
                fictional: money.fictional,
                municipalityCount: money.municipalityCount,
                addedSelf: money.addedSelf,
                grants: Object.fromEntries(
                  Object.entries(money.grants).map(([g, m]) => [
                    g,
                    { budgetYen: m.budgetYen, score: m.score, weight: m.weight, weightSum: m.weightSum, estimateYen: m.estimateYen, yenPerPoint: m.yenPerPoint },
                  ]),
                ),
              }
            : null,
          items: items.map((i) => ({
            indicator: i.indicator.id,
            grant: i.indicator.grant,
            ref: i.indicator.ref,
            title: i.indicator.shortTitle,
            current: i.current,
            max: i.max,
            nextScore: i.nextScore,
            nextGain: i.nextGain,
            maxGain: i.maxGain,
            nextStep: i.nextStep,
            nextGainYen: moneyOf.get(i.indicator.id)?.nextGainYen ?? null,
            maxGainYen: moneyOf.get(i.indicator.id)?.maxGainYen ?? null,
            nextRank: rankOf.get(i.indicator.id) ?? null,
            rawNextTier: rawNotes ? rawWhatIfJson(rawNotes.get(i.indicator.id)) : undefined,
          })),
        },
        null,
        2,
      ) + '\n',
    );
    return 0;
  }
  const moneyHead = money
    ? `金額は得点比例の試算（${money.fictional ? '架空の全国データによる例示、' : ''}全国${money.municipalityCount.toLocaleString('en-US')}市町村、激変緩和措置・所要見込額の上限は考慮せず）: ` +
      `1点当たり 推進 ${perPointText(money.grants.suishin.yenPerPoint)}、支援 ${perPointText(money.grants.shien.yenPerPoint)}\n`
    : '';
  io.stdout.write(
    `${inputs.results.municipality.name}: 満点までの点数の合計 ${list.totalPossible}点\n` +
      moneyHead +
      textTable(
        ['区分', '指標', '内容', '>現在', '次の段階', '>加算', ...(money ? ['>金額'] : []), ...(inputs.nation ? ['>合計の順位 全国（都道府県内）'] : []), '>満点まで', ...(money ? ['>金額'] : []), ...(rawNotes ? ['実績値 → 次の区分'] : [])],
        items.map((i) => {
          const m = moneyOf.get(i.indicator.id);
          return [
            i.grantShortName,
            i.indicator.ref,
            i.indicator.shortTitle,
            `${i.current}/${i.max}`,
            i.nextStep,
            `+${i.nextGain}`,
            ...(money ? [m ? `≈${gainSen(m.nextGainYen)}` : '－'] : []),
            ...(inputs.nation ? [rankText(rankOf.get(i.indicator.id))] : []),
            `+${i.maxGain}`,
            ...(money ? [m ? `≈${gainSen(m.maxGainYen)}` : '－'] : []),
            ...(rawNotes ? [rawNotes.get(i.indicator.id)?.text ?? ''] : []),
          ];
        }),
      ) +
      '\n',
  );
  return 0;
};
