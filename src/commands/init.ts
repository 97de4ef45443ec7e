/**
 * `kofukin init`: writes the Excel fill-in workbook (src/workbook/write.ts) that staff
 * fill in and `summary` / `build` read back.
 *
 *   kofukin init <municipality.json> [--out FILE.xlsx] [--force]
 *     prefills everything from an existing municipality file (scores, narrative, grant history):
 *     the round-trip path.
 *   kofukin init --code CODE --name NAME --prefecture PREF --insured N --year YYYY [--out FILE.xlsx]
 *     an empty workbook for a municipality: every catalog indicator listed, score cells empty.
 *
 * The workbook is written through the output layer (src/output/set.ts); an existing file is never overwritten without --force
 * (it may hold staff's work).
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors/errors.ts';
import { fillInWorkbook, type FillInData } from '../workbook/write.ts';
import { withOutputSet } from '../output/set.ts';
import { loadCatalog, loadCatalogFile } from '../load/catalog.ts';
import { loadJson } from '../load/json.ts';
import { loadScoringRules } from '../load/scoring-rules.ts';
import { achievableScores } from '../scoring/engine.ts';
import { MunicipalityIdentity, PeerGroup } from '../load/schemas/inputs.ts';
import { loadInputsForCli } from './inputs.ts';
import { usageLine } from '../cli/spec.ts';
import { initSpec } from '../cli/specs/init.ts';
import { parseCommandArgs, type Command, usageError } from './command.ts';
import { commandMessages } from '../errors/messages.ts';

const USAGE = usageLine(initSpec);

const DATA_DIR = new URL('../../data/', import.meta.url);

/** Path from the workbook's directory to a file, with forward slashes (as typed in Excel). */
function relativeTo(workbook: string, file: string): string {
  return relative(dirname(workbook), file).split(sep).join('/');
}

/** Bundled companion files for a municipality without a JSON file: the national table and a peer group it belongs to. */
function bundledCompanions(fiscalYear: number, code: string): { national?: string; peers?: string } {
  const out: { national?: string; peers?: string } = {};
  const national = fileURLToPath(new URL(`national/fy${fiscalYear}-summary.json`, DATA_DIR));
  if (existsSync(national)) out.national = national;
  const peersDir = fileURLToPath(new URL('peers/', DATA_DIR));
  if (existsSync(peersDir))
    for (const f of readdirSync(peersDir).filter((n) => n.endsWith('.json')).sort()) {
      const file = join(peersDir, f);
      try {
        const group = loadJson(PeerGroup, file);
        if (group.fiscalYear === fiscalYear && group.members.some((m) => m.code === code)) {
          out.peers = file;
          break;
        }
      } catch {
        // a broken bundled file is not this command's business
      }
    }
  return out;
}

/** Every score each indicator's bundled 配点 rule can produce (none for a year without rules). */
function achievableScoresOf(fiscalYear: number): Record<string, number[]> | undefined {
  const rules = loadScoringRules(fiscalYear);
  if (!rules) return undefined;
  return Object.fromEntries(Object.entries(rules.rules).map(([id, r]) => [id, achievableScores(r.rule)]));
}

export const command: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(initSpec, args);
  if (positionals.length > 1) throw usageError(USAGE, commandMessages.tooManyArguments());
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !Number.isInteger(year)) throw usageError(USAGE, commandMessages.yearNotWestern(String(values.year)));

  let data: Omit<FillInData, 'files'> & { absFiles: { national?: string; peers?: string } };
  if (positionals[0] !== undefined) {
    const identityFlags = (['code', 'name', 'prefecture', 'insured'] as const).filter((k) => values[k] !== undefined);
    if (identityFlags.length > 0)
      throw usageError(USAGE, commandMessages.identityWithFile(identityFlags[0]!));
    const inputs = await loadInputsForCli(positionals[0], { catalogFile: values.catalog });
    if (year !== undefined && year !== inputs.results.fiscalYear)
      throw new UsageError(commandMessages.yearDoesNotMatchFile(year, inputs.results.fiscalYear));
    data = {
      catalog: inputs.catalog,
      fiscalYear: inputs.results.fiscalYear,
      municipality: inputs.results.municipality,
      scores: inputs.results.scores,
      statedTotals: inputs.results.statedTotals,
      narrative: inputs.narrative?.data ?? null,
      grants: inputs.grants?.data ?? null,
      absFiles: { national: inputs.national?.file, peers: inputs.peers?.file },
    };
  } else {
    const missing = (['code', 'name', 'prefecture', 'insured', 'year'] as const).filter((k) => values[k] === undefined);
    if (missing.length > 0)
      throw usageError(USAGE, `${commandMessages.fileOrIdentity(missing.map((k) => `--${k}`).join(' '))}`);
    const insured = Number(String(values.insured).replace(/,/g, ''));
    const identity = MunicipalityIdentity.safeParse({ code: values.code, name: values.name, prefecture: values.prefecture, insuredType1: insured });
    if (!identity.success) {
      const flag: Record<string, string> = { code: '--code', name: '--name', prefecture: '--prefecture', insuredType1: '--insured' };
      const issue = identity.error.issues[0]!;
      throw usageError(USAGE, `${flag[String(issue.path[0])] ?? String(issue.path[0])}: ${issue.message}`);
    }
    const catalog = values.catalog ? loadCatalogFile(values.catalog) : loadCatalog(year!);
    data = { catalog, fiscalYear: year!, municipality: identity.data, absFiles: bundledCompanions(year!, identity.data.code) };
  }

  const out = resolve(values.out ?? join('out', `${data.municipality.code}-fy${data.fiscalYear}.xlsx`));
  if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError(commandMessages.outXlsx(String(values.out)));
  if (existsSync(out) && !values.force)
    throw new UsageError(commandMessages.outExists(out));
  const { absFiles, ...rest } = data;
  const bytes = await fillInWorkbook({
    ...rest,
    achievableScores: values.catalog ? undefined : achievableScoresOf(data.fiscalYear),
    files: {
      national: absFiles.national ? relativeTo(out, absFiles.national) : undefined,
      peers: absFiles.peers ? relativeTo(out, absFiles.peers) : undefined,
    },
  });
  await withOutputSet((set) => set.write(out, bytes));
  io.stdout.write(`${out}\n`);
  return 0;
};
