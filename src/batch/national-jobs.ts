/**
 * Batch jobs from a national results file: one report per municipality that has every indicator
 * score, with the national comparison computed live from the same file. The file is validated
 * as a whole first (its aggregates feed every report); a file-level error stops the batch.
 */
import { readFileSync } from 'node:fs';
import { kindOfFile, readUserFile } from '../input/file.ts';
import { resolve } from 'node:path';
import { InputError } from '../errors/errors.ts';
import { cliMessages } from '../errors/messages-cli.ts';
import { loadCatalog, catalogPath } from '../load/catalog.ts';
import { loadScoringRules, scoringRulesPath } from '../load/scoring-rules.ts';
import type { ReportInputs } from '../load/report-inputs.ts';
import { readNationalFile } from '../national/read.ts';
import { aggregatesOfNation } from '../pipeline/nation.ts';
import { sha256, type BatchJob } from './jobs.ts';
import { batchPeerGroups } from './peer-groups.ts';
import { loadMessages } from '../errors/messages.ts';

export async function jobsFromNationalFile(file: string, fiscalYear = 2024, peers?: string): Promise<{ jobs: BatchJob[]; extraText: string }> {
  const path = resolve(file);
  const catalog = loadCatalog(fiscalYear);
  const rules = loadScoringRules(fiscalYear);
  const dataset = await readNationalFile(path, { catalog, rules });
  if (dataset.level !== 'indicators')
    throw new InputError([
      {
        hint: cliMessages.perIndicatorNeeded(),
        location: { file: path },
        rule: loadMessages.batchNeedsIndicators(),
        severity: 'error',
      },
    ]);
  const national = aggregatesOfNation(dataset, catalog);
  // the peer section: prefecture and size class unless --peers says otherwise, checked once
  const groups = await batchPeerGroups(peers, { data: dataset, file: path });
  const ranking = { nation: { data: dataset, file: path }, groups: groups.specs };
  const fileDigest = sha256(readUserFile(path, kindOfFile(path)), readFileSync(catalogPath(fiscalYear)), rules ? readFileSync(scoringRulesPath(fiscalYear)) : '');
  const jobs: BatchJob[] = dataset.municipalities.map((m, row) => ({
    key: `kofukin-${fiscalYear}-${m.code}`,
    code: m.code,
    name: m.name,
    prefecture: m.prefecture,
    source: `${path} (row ${row + 2})`,
    // the live aggregates depend on every row, so any change to the file rebuilds every report
    inputHash: sha256(fileDigest, m.code, groups.hash),
    load: async (): Promise<ReportInputs> => ({
      municipalityFile: path,
      results: {
        fiscalYear,
        municipality: { code: m.code, name: m.name, prefecture: m.prefecture, insuredType1: m.insuredType1, fictional: m.fictional },
        scores: { ...m.scores! },
        files: {},
      },
      catalog,
      rules,
      national: { data: national, file: path },
      peers: null,
      grants: null,
      narrative: null,
      ranking,
    }),
  }));
  return { jobs, extraText: dataset.municipalities.map((m) => m.name + m.prefecture).join('') };
}
