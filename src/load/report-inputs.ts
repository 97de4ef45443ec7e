/**
 * Loads everything a municipality report needs: the results file, the catalog of its fiscal
 * year, and the companion files (national aggregates, peer group, grant history, narrative)
 * named in it or given on the command line. Every problem of every file is collected before
 * failing.
 */
import { dirname, resolve } from 'node:path';
import { InputError, type Problem } from '../errors/errors.ts';
import { loadCatalog, loadCatalogFile } from './catalog.ts';
import { loadJson } from './json.ts';
import { checkGrantHistory, checkNational, checkPeerAgreement, checkPeers, checkScores } from './rules.ts';
import type { Catalog } from './schemas/catalog.ts';
import type { RulesFile } from '../scoring/rules.ts';
import type { NationalDataset } from './schemas/national.ts';
import { messages } from '../errors/messages.ts';
import { checkAchievable, checkRulesAgainstCatalog, loadScoringRules, scoringRulesPath } from './scoring-rules.ts';
import {
  GrantHistory,
  MunicipalityResults,
  NationalAggregates,
  Narrative,
  PeerGroup,
} from './schemas/inputs.ts';

export interface Loaded<T> {
  data: T;
  file: string;
}

export interface ReportInputs {
  municipalityFile: string;
  results: MunicipalityResults;
  catalog: Catalog;
  /** The fiscal year's scoring rules, when bundled (null for a custom --catalog). */
  rules: RulesFile | null;
  national: Loaded<NationalAggregates> | null;
  peers: Loaded<PeerGroup> | null;
  grants: Loaded<GrantHistory> | null;
  narrative: Loaded<Narrative> | null;
  /**
   * The national results file (`--nation`: one row per municipality), for the grant estimate and
   * what a point is worth. When given, `national` holds the aggregates derived from it (unless
   * `--national` was given too). Optional so inputs built elsewhere need not name it.
   */
  nation?: Loaded<NationalDataset> | null;
}

export interface LoadOptions {
  /** Override or supply companion files (paths relative to the working directory). */
  national?: string;
  peers?: string;
  grants?: string;
  narrative?: string;
  /**
   * A national results file (CSV/XLSX, src/load/schemas/national.ts), distinct from `national` (the
   * aggregate table JSON): enables the grant estimate, and its derived aggregates replace the
   * file-named national table for the comparison section (an explicit `national` still wins).
   */
  nation?: string;
  /** Use this catalog file instead of data/catalog/fy<year>.json. */
  catalogFile?: string;
  /** Reads a municipality file that is not JSON (e.g. the .xlsx fill-in workbook). */
  readResults?: (file: string) => Promise<{ results: MunicipalityResults; narrative?: Narrative; grants?: GrantHistory }>;
}

/** Runs a loader, turning an InputError into collected problems. */
function collect<T>(problems: Problem[], load: () => T): T | null {
  try {
    return load();
  } catch (err) {
    if (err instanceof InputError) {
      problems.push(...err.problems);
      return null;
    }
    throw err;
  }
}

export async function loadReportInputs(municipalityFile: string, options: LoadOptions = {}): Promise<ReportInputs> {
  const problems: Problem[] = [];
  const isJson = municipalityFile.toLowerCase().endsWith('.json');
  let results: MunicipalityResults | null = null;
  let embedded: { narrative?: Narrative; grants?: GrantHistory } = {};
  if (isJson || !options.readResults) {
    results = collect(problems, () => loadJson(MunicipalityResults, municipalityFile));
  } else {
    try {
      const read = await options.readResults(municipalityFile);
      results = read.results;
      embedded = { narrative: read.narrative, grants: read.grants };
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems);
    }
  }
  if (!results) throw new InputError(problems);

  const catalog = collect(problems, () =>
    options.catalogFile ? loadCatalogFile(options.catalogFile) : loadCatalog(results.fiscalYear),
  );
  const base = dirname(municipalityFile);
  const pick = (override: string | undefined, named: string | undefined) =>
    override ? resolve(override) : named ? resolve(base, named) : undefined;

  const companion = <T,>(file: string | undefined, load: (f: string) => T, check: (d: T, f: string) => Problem[]): Loaded<T> | null => {
    if (!file) return null;
    const data = collect(problems, () => load(file));
    if (data === null) return null;
    problems.push(...check(data, file));
    return { data, file };
  };
  let national = options.nation && !options.national ? null : companion(pick(options.national, results.files.national), (f) => loadJson(NationalAggregates, f), checkNational);
  const peers = companion(pick(options.peers, results.files.peers), (f) => loadJson(PeerGroup, f), checkPeers);
  const grants =
    embedded.grants && !options.grants
      ? { data: embedded.grants, file: municipalityFile }
      : companion(pick(options.grants, results.files.grants), (f) => loadJson(GrantHistory, f), checkGrantHistory);
  const narrative =
    embedded.narrative && !options.narrative
      ? { data: embedded.narrative, file: municipalityFile }
      : companion(pick(options.narrative, results.files.narrative), (f) => loadJson(Narrative, f), () => []);

  let rules: RulesFile | null = null;
  if (catalog && !options.catalogFile) {
    const rulesFile = scoringRulesPath(catalog.fiscalYear);
    rules = collect(problems, () => loadScoringRules(catalog.fiscalYear));
    if (rules) {
      const ruleProblems = checkRulesAgainstCatalog(rules, catalog, rulesFile);
      problems.push(...ruleProblems);
      if (ruleProblems.length > 0) rules = null;
    }
  }
  if (catalog) {
    const scoreProblems = checkScores(results, catalog, municipalityFile);
    problems.push(...scoreProblems);
    if (rules) problems.push(...checkAchievable(results, rules, catalog, municipalityFile));
    if (peers && scoreProblems.length === 0) {
      const totals = { suishin: 0, shien: 0 };
      for (const [id, score] of Object.entries(results.scores)) totals[id.startsWith('suishin.') ? 'suishin' : 'shien'] += score;
      problems.push(...checkPeerAgreement(results, totals, peers.data, peers.file));
    }
  }
  let nation: Loaded<NationalDataset> | null = null;
  if (options.nation && catalog) {
    const file = resolve(options.nation);
    const { readNationalFile } = await import('../national/read.ts');
    try {
      const data = await readNationalFile(file, { catalog, rules });
      if (data.level === 'total') problems.push({ location: { file }, rule: messages.nationNeedsGrantScores(), severity: 'error' });
      else {
        nation = { data, file };
        if (!options.national) {
          const { deriveNational } = await import('../national/derive.ts');
          const aggregates = deriveNational(data, catalog).aggregates;
          national = {
            data: { ...aggregates, source: data.fictional ? `${aggregates.source}（架空の全国データ）` : aggregates.source },
            file,
          };
        }
      }
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems);
    }
  }
  if (national && national.data.fiscalYear !== results.fiscalYear)
    problems.push({
      location: { file: national.file, place: '$.fiscalYear' },
      rule: `national aggregates are for fiscal year ${national.data.fiscalYear} but the results are for ${results.fiscalYear}`,
      severity: 'error',
    });
  if (problems.some((p) => p.severity === 'error') || !catalog) throw new InputError(problems);
  return { municipalityFile, results, catalog, rules, national, peers, grants, narrative, ...(nation ? { nation } : {}) };
}
