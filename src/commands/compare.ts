/**
 * `kofukin compare <peer group file> [--highlight CODE|NAME] [--out FILE] [--csv] [--catalog F]`:
 * writes the peer-group comparison table (seed 003 参考資料2) as an Excel workbook, or with
 * --csv the same main table as UTF-8 CSV with BOM. Ranks, rates and differences come from
 * derivePeerRanks, the code path of the PDF. Default output: out/<peer file name>-compare.xlsx
 * (.csv with --csv). Written through the output layer: on any error nothing is written.
 */
import { basename, extname, join, resolve } from 'node:path';
import { InputError, UsageError } from '../errors/errors.ts';
import { derivePeerRanks } from '../derive/peers.ts';
import { compareCsv } from '../export/compare-table.ts';
import { compareWorkbook } from '../export/compare-xlsx.ts';
import { checkPeerIndicatorScores, deriveIndicatorComparison } from '../export/peer-indicators.ts';
import { withOutputSet } from '../output/set.ts';
import { loadCatalog, loadCatalogFile } from '../load/catalog.ts';
import { loadJson } from '../load/json.ts';
import { checkPeers } from '../load/rules.ts';
import type { Catalog } from '../load/schemas/catalog.ts';
import { PeerGroup } from '../load/schemas/inputs.ts';
import { compareSpec } from '../cli/specs/compare.ts';
import { progressFor } from '../cli/progress.ts';
import { cliMessages } from '../errors/messages-cli.ts';
import { displayFile } from '../common/stdin.ts';
import { parseCommandArgs, type Command } from './command.ts';
import { commandMessages } from '../errors/messages.ts';

export const command: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(compareSpec, args);
  const file = positionals[0]!;
  const csv = Boolean(values.csv);
  const ext = csv ? '.csv' : '.xlsx';
  if (values.out !== undefined && extname(values.out).toLowerCase() !== ext)
    throw new UsageError(commandMessages.outExtension(ext, csv, String(values.out)));

  const progress = progressFor(io, 'compare', 3);
  progress.step(cliMessages.reading(displayFile(file)));
  const group = loadJson(PeerGroup, file);
  const problems = checkPeers(group, file);
  let catalog: Catalog | undefined;
  try {
    catalog = values.catalog ? loadCatalogFile(values.catalog) : loadCatalog(group.fiscalYear);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    problems.push(...err.problems);
  }
  if (catalog) problems.push(...checkPeerIndicatorScores(group, catalog, file));
  if (problems.some((p) => p.severity === 'error') || !catalog) throw new InputError(problems);

  let highlightCode: string | undefined;
  if (values.highlight !== undefined) {
    const h = values.highlight.trim();
    const member = group.members.find((m) => m.code === h) ?? group.members.find((m) => m.name === h);
    if (!member)
      throw new UsageError(commandMessages.highlightNotFound(h, group.name, file));
    highlightCode = member.code;
  }

  progress.step(cliMessages.comparing());
  const grantMax = (id: 'suishin' | 'shien') => catalog.grants.find((g) => g.id === id)!.maxPoints;
  const maxima = { suishin: grantMax('suishin'), shien: grantMax('shien') };
  const ranks = derivePeerRanks(group, maxima, highlightCode);

  const out = resolve(values.out ?? join('out', `${basename(file, extname(file))}-compare${ext}`));
  const data = csv
    ? compareCsv(ranks, maxima)
    : await compareWorkbook({ ranks, maxima, fiscalYear: group.fiscalYear, indicators: deriveIndicatorComparison(group, catalog, highlightCode) });
  progress.step(cliMessages.writing(out));
  await withOutputSet((set) => set.write(out, data));
  io.stdout.write(`${out}\n`);
  return 0;
};
