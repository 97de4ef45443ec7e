/**
 * `kofukin tiers <raw values file> [--code CODE] [--json] [--year 2024]`: the 上位7割/5割/3割/1割
 * cut-offs of every ranked series in a raw values file (format in src/scoring/raw-file.ts) and,
 * with --code, that municipality's value, rank and tier per series, the value needed for the next
 * tier and the points it would add, and each indicator's score from those tiers.
 */
import { UserError } from '../errors/errors.ts';
import { textTable } from '../common/text-table.ts';
import { indicatorRef } from '../derive/scores.ts';
import { loadCatalog } from '../load/catalog.ts';
import { loadScoringRules, scoringRulesPath } from '../load/scoring-rules.ts';
import type { Catalog } from '../load/schemas/catalog.ts';
import { codeNotInRawFile, loadSeriesFile, readRawValuesFile } from '../scoring/raw-file.ts';
import { analyseRawValues, formatRawValue, nextTierPhrase, standingOf, type MunicipalityStanding, type SeriesTiers } from '../scoring/raw-values.ts';
import { usageLine } from '../cli/spec.ts';
import { tiersSpec } from '../cli/specs/tiers.ts';
import { parseCommandArgs, type Command, usageError } from './command.ts';
import { commandMessages } from '../errors/messages.ts';

const USAGE = usageLine(tiersSpec);

interface IndicatorLabel {
  ref: string;
  grant: string;
  title: string;
}

function indicatorLabels(catalog: Catalog): Map<string, IndicatorLabel> {
  const out = new Map<string, IndicatorLabel>();
  for (const g of catalog.grants)
    for (const goal of g.goals)
      for (const grp of goal.groups)
        for (const ind of grp.indicators) out.set(ind.id, { ref: indicatorRef(goal.numeral, grp.label, ind.no), grant: g.abbr, title: ind.shortTitle });
  return out;
}

function cutoffJson(s: SeriesTiers) {
  return (s.thresholds?.cutoffs ?? []).map((c) => ({ label: c.label, rankLimit: c.rankLimit, value: c.value }));
}

function standingJson(st: MunicipalityStanding) {
  return {
    code: st.code,
    name: st.name ?? null,
    fictional: st.fictional,
    series: st.series.map((s) => ({
      key: s.info.key,
      indicator: s.info.indicatorId,
      measure: s.info.measure,
      unit: s.info.unit,
      value: s.value,
      n: s.n,
      rank: s.rank,
      tier: s.tier,
      tierLabel: s.tierLabel,
      next: s.next
        ? { level: s.next.level, reaches: s.next.reaches, label: s.next.label, value: s.next.value, direction: s.next.direction, points: s.next.points, scoreAfter: s.next.scoreAfter }
        : null,
    })),
    indicators: st.indicators.map((i) => ({ indicator: i.indicatorId, score: i.score, max: i.max, complete: i.complete })),
  };
}

export const command: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(tiersSpec, args);
  const year = Number(values.year);
  if (!Number.isInteger(year)) throw usageError(USAGE, commandMessages.yearNotFiscal(String(values.year)));
  const code = typeof values.code === 'string' ? values.code.normalize('NFKC').trim() : undefined;
  if (code !== undefined && !/^\d{6}$/.test(code)) throw usageError(USAGE, commandMessages.codeNot6(String(values.code)));

  const file = positionals[0]!;
  const catalog = loadCatalog(year);
  const rules = loadScoringRules(year);
  if (!rules) throw new UserError(commandMessages.noScoringRules(year, scoringRulesPath(year)));
  const { infos } = loadSeriesFile(rules);
  const raw = await readRawValuesFile(file, rules, infos);
  const analysis = analyseRawValues(raw, infos, rules);
  const standing = code === undefined ? null : standingOf(analysis, code, infos);
  if (code !== undefined && !standing) throw codeNotInRawFile(file, code);
  const labels = indicatorLabels(catalog);

  if (values.json) {
    io.stdout.write(
      JSON.stringify(
        {
          format: 'kofukin-tiers/1',
          fiscalYear: year,
          file,
          fictional: raw.fictional,
          municipalityCount: raw.municipalities.length,
          basis: 'competition ranking; 上位x割 = rank ≤ ceil(n·x/10); ties at a cut-off get the better tier; a next-tier value assumes the other municipalities keep their values',
          series: analysis.series.map((s) => ({
            key: s.info.key,
            indicator: s.info.indicatorId,
            series: s.info.series,
            measure: s.info.measure,
            unit: s.info.unit,
            higherIsBetter: s.info.higherIsBetter,
            zeroEarnsNoTier: s.info.zeroEarnsNoTier,
            n: s.n,
            cutoffs: cutoffJson(s),
          })),
          municipality: standing ? standingJson(standing) : null,
        },
        null,
        2,
      ) + '\n',
    );
    return 0;
  }

  const cell = (s: SeriesTiers, i: number): string => {
    const v = s.thresholds?.cutoffs[i]?.value;
    return v === null || v === undefined ? '－' : formatRawValue(v, s.info.unit);
  };
  const direction = (s: SeriesTiers) => `${s.info.higherIsBetter ? '高いほど上位' : '低いほど上位'}${s.info.zeroEarnsNoTier ? '・0は区分なし' : ''}`;
  let out =
    `実績値ファイル ${file}: ${raw.municipalities.length.toLocaleString('en-US')}市町村、${analysis.series.length}系列${raw.fictional ? '（架空のデータ）' : ''}\n` +
    '区分の境界値（競争順位で上位x割 = 順位 ≤ n×x/10 の切り上げ、境界の同値はすべて上位の区分）\n' +
    textTable(
      ['系列', '指標', '測定値', '方向', '>n', '>上位7割', '>上位5割', '>上位3割', '>上位1割'],
      analysis.series.map((s) => {
        const l = labels.get(s.info.indicatorId);
        return [
          s.info.key,
          l ? `${l.grant} ${l.ref}` : s.info.indicatorId,
          s.info.measure,
          direction(s),
          String(s.n),
          cell(s, 0),
          cell(s, 1),
          cell(s, 2),
          cell(s, 3),
        ];
      }),
    ) +
    '\n';
  if (standing) {
    const inFile = new Set(raw.series);
    const shown = standing.series.filter((s) => inFile.has(s.info.key));
    out +=
      `\n${standing.code}${standing.name ? ` ${standing.name}` : ''}${standing.fictional ? '（架空）' : ''}: 系列ごとの区分と次の区分に必要な値（他の市町村の値は変わらないものとする）\n` +
      textTable(
        ['系列', '測定値', '>値', '>順位', '区分', '次の区分に必要な値', '>加算'],
        shown.map((s) => [
          s.info.key,
          s.info.measure,
          s.value === null ? '－' : formatRawValue(s.value, s.info.unit),
          s.rank === null ? '－' : `${s.rank}/${s.n}`,
          s.tierLabel ?? (s.value === null ? '値なし' : '区分なし'),
          s.next ? nextTierPhrase(s.next, s.info.unit) : s.tier === 4 ? '（最上位）' : '－',
          s.next ? `+${s.next.points}` : '',
        ]),
      ) +
      '\n\n指標ごとの得点（実績値の区分から配点ルールで計算）\n' +
      textTable(
        ['指標', '内容', '>得点', '備考'],
        standing.indicators
          .filter((i) => i.series.some((s) => inFile.has(s.info.key)))
          .map((i) => {
            const l = labels.get(i.indicatorId);
            const missing = i.series.filter((s) => s.value === null).map((s) => s.info.key);
            const note = missing.length > 0 ? `値なし: ${missing.join(', ')}` : i.complete ? '' : '実績値で判定できない項目を含む（未達成として計算）';
            return [l ? `${l.grant} ${l.ref}` : i.indicatorId, l?.title ?? '', `${i.score}/${i.max}`, note];
          }),
      ) +
      '\n';
  }
  io.stdout.write(out);
  return 0;
};
