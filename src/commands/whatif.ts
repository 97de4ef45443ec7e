/**
 * `kofukin whatif <municipality file> [--json]`: every indicator below its maximum with the next
 * achievable step under its 配点 rule and the points it adds, ranked by points still possible.
 */
import { UserError } from '../errors/errors.ts';
import { deriveScoreSheet } from '../derive/scores.ts';
import { deriveWhatIf } from '../derive/whatif.ts';
import { textTable } from '../cli/text-table.ts';
import { INPUT_OPTIONS, inputOptionsFrom, loadInputsForCli } from './inputs.ts';
import { parseCommandArgs, requirePositional, type Command } from './command.ts';

const USAGE = 'kofukin whatif <municipality file (.json or .xlsx)> [--json] [--top N]';

export const command: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(
    'whatif',
    args,
    { ...INPUT_OPTIONS, json: { type: 'boolean' }, top: { type: 'string' } },
    USAGE,
  );
  if (values.help) {
    io.stdout.write(`usage: ${USAGE}\n`);
    return 0;
  }
  requirePositional(positionals, 1, USAGE);
  const inputs = await loadInputsForCli(positionals[0]!, inputOptionsFrom(values));
  if (!inputs.rules) throw new UserError(`no scoring rules for fiscal year ${inputs.results.fiscalYear} (data/catalog/fy${inputs.results.fiscalYear}.rules.json)`);
  const list = deriveWhatIf(deriveScoreSheet(inputs.catalog, inputs.results.scores), inputs.rules);
  const top = values.top === undefined ? list.items.length : Number(values.top);
  const items = list.items.slice(0, Number.isFinite(top) && top > 0 ? top : list.items.length);
  if (values.json) {
    io.stdout.write(
      JSON.stringify(
        {
          format: 'kofukin-whatif/1',
          municipality: inputs.results.municipality,
          fiscalYear: inputs.results.fiscalYear,
          totalPossible: list.totalPossible,
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
          })),
        },
        null,
        2,
      ) + '\n',
    );
    return 0;
  }
  io.stdout.write(
    `${inputs.results.municipality.name}: 満点までの点数の合計 ${list.totalPossible}点\n` +
      textTable(
        ['区分', '指標', '内容', '>現在', '次の段階', '>加算', '>満点まで'],
        items.map((i) => [
          i.grantShortName,
          i.indicator.ref,
          i.indicator.shortTitle,
          `${i.current}/${i.max}`,
          i.nextStep,
          `+${i.nextGain}`,
          `+${i.maxGain}`,
        ]),
      ) +
      '\n',
  );
  return 0;
};
