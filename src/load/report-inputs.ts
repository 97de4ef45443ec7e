/**
 * Loads everything a municipality report needs: the results file, the catalog of its fiscal
 * year, and the companion files (national aggregates, peer group, grant history, narrative)
 * named in it or given on the command line. Every problem of every file is collected before
 * failing.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import { InputError, type Problem } from '../errors/errors.ts';
import { pathAtPosition } from '../input/json.ts';
import { readUserJson } from '../input/read.ts';
import { loadCatalog, loadCatalogFile } from './catalog.ts';
import { validate } from './json.ts';
import { checkGrantEvaluations, checkGrantHistory, checkNational, checkPeerAgreement, checkPeers, checkScores } from './rules.ts';
import type { Catalog } from './schemas/catalog.ts';
import type { RulesFile } from '../scoring/rules.ts';
import type { NationalDataset } from './schemas/national.ts';
import { loadMessages, messages, termMessages } from '../errors/messages.ts';
import { cliMessages } from '../errors/messages-cli.ts';
import { stdinBytes } from '../common/stdin.ts';
import { bundledNationalPath } from './bundled.ts';
import type { PeerGroupSpec } from '../derive/peer-groups.ts';
import { peerGroupProblems } from '../derive/peer-groups.ts';
import { peerGroupSpecs, type PeerToken } from './peer-specs.ts';
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
  /**
   * Warnings of loading (a missing national file replaced by the bundled figures): reported with
   * the derived warnings, and errors under --strict.
   */
  warnings?: Problem[];
  /**
   * Peer groups chosen by name or listed (`--peers prefecture,size,designated,FILE.csv`) and the
   * national results file their scores and the standing come from. Optional.
   */
  ranking?: { nation: Loaded<NationalDataset> | null; groups: PeerGroupSpec[] } | null;
}

export interface LoadOptions {
  /** Override or supply companion files (paths relative to the working directory). */
  national?: string;
  peers?: string;
  /** Peer groups by name or list file (`--peers prefecture,size,designated,FILE.csv`). */
  peerGroups?: PeerToken[];
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
  /**
   * --strict: a national aggregates file named in the municipality file that is missing is an
   * error; otherwise the bundled national figures of the fiscal year are used, with a warning.
   */
  strict?: boolean;
  /** Reads a municipality file that is not JSON (e.g. the .xlsx fill-in workbook). */
  readResults?: (file: string) => Promise<{
    results: MunicipalityResults;
    narrative?: Narrative;
    grants?: GrantHistory;
    /** JSON path → the place (cell) each value was read from, to locate rule problems. */
    places?: ReadonlyMap<string, string>;
  }>;
  /**
   * Reads the `nation` file (injected by the caller, src/pipeline/nation.ts, so this layer
   * imports nothing of national/): the dataset and the aggregates derived from it.
   */
  readNation?: ReadNation;
}

export type ReadNation = (
  file: string,
  context: { catalog: Catalog; rules: RulesFile | null },
) => Promise<{ data: NationalDataset; aggregates: () => NationalAggregates }>;

/**
 * Where each value of the files read so far was typed: file → JSON path → place (`$.scores["x"]
 * (line 12, column 5)` for JSON, `推進!E4` for the workbook). Rule problems are located through it.
 */
class Places {
  private readonly byFile = new Map<string, (path: string) => string | undefined>();
  set(file: string, lookup: (path: string) => string | undefined): void {
    this.byFile.set(file, lookup);
  }
  /** The problem with its JSON path replaced by the place the user typed the value, when known. */
  locate(p: Problem): Problem {
    const place = p.location.place;
    if (!place?.startsWith('$')) return p;
    const found = this.byFile.get(p.location.file)?.(place);
    return found === undefined ? p : { ...p, location: { ...p.location, place: found } };
  }
}

/** Reads a JSON input, records where its values are, validates it. */
function loadJsonWithPlaces<S extends z.ZodType>(schema: S, file: string, places: Places): z.output<S> {
  const doc = readUserJson(file);
  places.set(file, (path) => {
    const at = doc.places.get(path);
    return at ? pathAtPosition(path, at) : undefined;
  });
  return validate(schema, doc.value, file);
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

type CompanionKey = 'national' | 'peers' | 'grants' | 'narrative';

const COMPANION_LABELS: Readonly<Record<CompanionKey, () => string>> = {
  national: termMessages.companionNational,
  peers: termMessages.companionPeers,
  grants: termMessages.companionGrants,
  narrative: termMessages.companionNarrative,
};

export async function loadReportInputs(municipalityFile: string, options: LoadOptions = {}): Promise<ReportInputs> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const places = new Places();
  const loadJson = <S extends z.ZodType>(schema: S, file: string): z.output<S> => loadJsonWithPlaces(schema, file, places);
  const fail = (): never => {
    throw new InputError([...problems, ...warnings].map((p) => places.locate(p)));
  };
  const piped = stdinBytes(municipalityFile);
  const isJson = municipalityFile.toLowerCase().endsWith('.json') || (piped !== undefined && !(piped[0] === 0x50 && piped[1] === 0x4b));
  let results: MunicipalityResults | null = null;
  let embedded: { narrative?: Narrative; grants?: GrantHistory } = {};
  if (isJson || !options.readResults) {
    results = collect(problems, () => loadJson(MunicipalityResults, municipalityFile));
  } else {
    try {
      const read = await options.readResults(municipalityFile);
      const cells = read.places;
      if (cells) places.set(municipalityFile, (path) => cells.get(path));
      results = read.results;
      embedded = { narrative: read.narrative, grants: read.grants };
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems);
    }
  }
  if (!results) return fail();

  const catalog = collect(problems, () =>
    options.catalogFile ? loadCatalogFile(options.catalogFile) : loadCatalog(results.fiscalYear),
  );
  const base = dirname(municipalityFile);
  const pick = (override: string | undefined, named: string | undefined) =>
    override ? resolve(override) : named ? resolve(base, named) : undefined;

  /**
   * A companion file named in the municipality file (`$.files.x`, a 基本情報 cell in a workbook)
   * that does not exist is reported where it is named, with the folder it was looked for in,
   * since the fix is there (a workbook moved away from its companions, a typo) or a flag.
   */
  const named = (key: CompanionKey, override: string | undefined): string | undefined => {
    const value = results.files[key];
    if (override || !value) return pick(override, value);
    const file = resolve(base, value);
    if (!existsSync(file)) {
      const bundled = key === 'national' && !options.strict && !options.catalogFile ? bundledNationalPath(results.fiscalYear) : undefined;
      if (bundled) {
        warnings.push({ location: { file: municipalityFile, place: `$.files.${key}` }, rule: cliMessages.nationalFallback(value, bundled), severity: 'warning' });
        return bundled;
      }
      problems.push({
        location: { file: municipalityFile, place: `$.files.${key}` },
        rule: messages.companionNotFound(COMPANION_LABELS[key](), value, resolve(base), `--${key}`),
        severity: 'error',
      });
      return undefined;
    }
    return file;
  };
  const companion = <T,>(file: string | undefined, load: (f: string) => T, check: (d: T, f: string) => Problem[]): Loaded<T> | null => {
    if (!file) return null;
    const data = collect(problems, () => load(file));
    if (data === null) return null;
    problems.push(...check(data, file));
    return { data, file };
  };
  let national = options.nation && !options.national ? null : companion(named('national', options.national), (f) => loadJson(NationalAggregates, f), checkNational);
  const peers = companion(named('peers', options.peers), (f) => loadJson(PeerGroup, f), checkPeers);
  if (embedded.grants && !options.grants) problems.push(...checkGrantEvaluations(embedded.grants, municipalityFile));
  const grants =
    embedded.grants && !options.grants
      ? { data: embedded.grants, file: municipalityFile }
      : companion(named('grants', options.grants), (f) => loadJson(GrantHistory, f), checkGrantHistory);
  const narrative =
    embedded.narrative && !options.narrative
      ? { data: embedded.narrative, file: municipalityFile }
      : companion(named('narrative', options.narrative), (f) => loadJson(Narrative, f), () => []);

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
    if (!options.readNation) throw new Error('internal: loadReportInputs was given a nation file but no readNation');
    try {
      const { data, aggregates } = await options.readNation(file, { catalog, rules });
      if (data.level === 'total') problems.push({ location: { file }, rule: messages.nationNeedsGrantScores(), severity: 'error', hint: cliMessages.grantColumnsNeeded() });
      else {
        nation = { data, file };
        if (!options.national) national = { data: aggregates(), file };
      }
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems);
    }
  }
  let ranking: ReportInputs['ranking'] = null;
  if (options.peerGroups && options.peerGroups.length > 0) {
    try {
      const groups = await peerGroupSpecs(options.peerGroups);
      for (const spec of groups)
        problems.push(
          ...peerGroupProblems(spec, {
            nation,
            self: { code: results.municipality.code, name: results.municipality.name, insuredType1: results.municipality.insuredType1, suishin: 0, shien: 0 },
            fiscalYear: results.fiscalYear,
            maxima: { suishin: 0, shien: 0 },
          }),
        );
      ranking = { nation, groups };
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems);
    }
  }
  if (national && national.data.fiscalYear !== results.fiscalYear)
    problems.push({
      location: { file: national.file, place: '$.fiscalYear' },
      rule: loadMessages.nationalYearMismatch(national.data.fiscalYear, results.fiscalYear),
      severity: 'error',
    });
  if (problems.some((p) => p.severity === 'error') || !catalog) return fail();
  return {
    municipalityFile,
    results,
    catalog,
    rules,
    national,
    peers,
    grants,
    narrative,
    ...(nation ? { nation } : {}),
    ...(ranking ? { ranking } : {}),
    ...(warnings.length > 0 ? { warnings: warnings.map((p) => places.locate(p)) } : {}),
  };
}
