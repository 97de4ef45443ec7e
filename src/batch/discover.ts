/**
 * Batch jobs from a folder: the folder and its subfolders are searched for municipality files,
 * told apart from the other .json/.xlsx files there (companion files: narrative, peer group,
 * grant history, national aggregates; exports; summaries) by what they hold, not by their names:
 *   - a .json file whose top level has a "municipality" object and a "scores" object;
 *   - a .xlsx workbook with the 基本情報 sheet of `kofukin init`'s fill-in workbook.
 * A .json file that cannot be read at all (too large, not JSON) cannot be told apart: it becomes
 * a job that fails with the located error, so it is listed rather than silently left out.
 * Two municipality files with the same code and fiscal year would write the same report: that is
 * an input error (exit 2) naming both files, before anything is built.
 * Hidden folders and files, node_modules and the batch's own out folder are not searched.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { InputError, type Problem } from '../errors/errors.ts';
import { batchRunMessages, loadMessages } from '../errors/messages.ts';
import { kindOfFile, readUserFile } from '../input/file.ts';
import { readUserJson } from '../input/read.ts';
import { catalogPath } from '../load/catalog.ts';
import { loadReportInputs, type LoadOptions } from '../load/report-inputs.ts';
import { scoringRulesPath } from '../load/scoring-rules.ts';
import type { WorkbookContents } from '../workbook/read.ts';
import { sha256, type BatchJob } from './jobs.ts';

export interface DirectoryJobs {
  jobs: BatchJob[];
  /** Municipality files found, by kind, and the other .json/.xlsx files passed over. */
  counts: { json: number; xlsx: number; other: number };
}

/** Hash of a user's file, read through the input layer; 'none' when absent or unreadable (its job then fails at load with a located error). */
function fileHash(file: string | undefined): string {
  if (!file) return 'none';
  try {
    return sha256(readUserFile(file, kindOfFile(file)));
  } catch (err) {
    if (err instanceof InputError) return 'none';
    throw err;
  }
}

/** Hash of a bundled data file (catalog, scoring rules). */
function dataHash(file: string): string {
  return existsSync(file) ? sha256(readFileSync(file)) : 'none';
}

/** Every .json/.xlsx file under `dir`, sorted, skipping hidden entries, node_modules and `skip` folders. */
function candidateFiles(dir: string, skip: readonly string[]): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (d: string) => {
    let real: string;
    try {
      real = realpathSync(d);
    } catch {
      return;
    }
    if (seen.has(real) || skip.includes(real)) return; // a symlink loop, or the out folder
    seen.add(real);
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.') || name.startsWith('~$') || name === 'node_modules') continue;
      const p = join(d, name);
      const st = statSync(p, { throwIfNoEntry: false });
      if (st?.isDirectory()) walk(p);
      else if (st?.isFile() && /\.(json|xlsx)$/i.test(name)) found.push(p);
    }
  };
  walk(dir);
  return found;
}

interface Identity {
  code: string;
  name: string;
  prefecture: string;
  fiscalYear: number;
  companions: string[];
}

type Classified =
  | { kind: 'json' | 'xlsx'; identity: Identity; workbook?: WorkbookContents }
  | { kind: 'broken'; error: InputError }
  | { kind: 'other' };

async function classify(file: string, options: LoadOptions): Promise<Classified> {
  if (/\.json$/i.test(file)) {
    let value: unknown;
    try {
      value = readUserJson(file).value;
    } catch (err) {
      if (err instanceof InputError) return { kind: 'broken', error: err };
      throw err;
    }
    const raw = value as { fiscalYear?: unknown; municipality?: Record<string, unknown>; scores?: unknown; files?: unknown };
    const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
    if (!isObject(raw) || !isObject(raw.municipality) || !isObject(raw.scores)) return { kind: 'other' };
    const files = isObject(raw.files) ? Object.values(raw.files as Record<string, unknown>) : [];
    return {
      kind: 'json',
      identity: {
        code: String(raw.municipality!.code ?? ''),
        name: String(raw.municipality!.name ?? ''),
        prefecture: String(raw.municipality!.prefecture ?? ''),
        fiscalYear: Number(raw.fiscalYear ?? 0),
        companions: files.map((f) => resolve(dirname(file), String(f))),
      },
    };
  }
  // a workbook: a fill-in workbook has the 基本情報 sheet; anything else (a national results
  // table, an export) is not a municipality file
  const [{ workbookFromBytes }, { SHEET_INFO }, { readWorkbook }] = await Promise.all([
    import('../input/xlsx.ts'),
    import('../workbook/layout.ts'),
    import('../workbook/read.ts'),
  ]);
  try {
    const wb = await workbookFromBytes(readUserFile(file, 'xlsx'), file);
    if (!wb.getWorksheet(SHEET_INFO)) return { kind: 'other' };
    const contents = await readWorkbook(file, { catalogFile: options.catalogFile });
    const r = contents.results;
    return {
      kind: 'xlsx',
      workbook: contents,
      identity: {
        code: r.municipality.code,
        name: r.municipality.name,
        prefecture: r.municipality.prefecture,
        fiscalYear: r.fiscalYear,
        companions: Object.values(r.files ?? {}).map((f) => resolve(dirname(file), String(f))),
      },
    };
  } catch (err) {
    if (err instanceof InputError) return { kind: 'broken', error: err };
    throw err;
  }
}

/** Jobs from every municipality file in `dir` and its subfolders (see the module comment). */
export async function jobsFromDirectory(dir: string, options: LoadOptions = {}, skipDirs: readonly string[] = []): Promise<DirectoryJobs> {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new InputError([{ location: { file: dir }, rule: loadMessages.notMunicipalityDir(), severity: 'error' }]);
  const skip = skipDirs.map((d) => {
    try {
      return realpathSync(d);
    } catch {
      return resolve(d);
    }
  });
  const overrides = [options.national, options.peers, options.grants, options.narrative].filter((f): f is string => !!f).map((f) => resolve(f));
  const jobs: BatchJob[] = [];
  const counts = { json: 0, xlsx: 0, other: 0 };
  const firstOfKey = new Map<string, string>();
  const duplicates: Problem[] = [];
  const classified: Array<{ file: string; c: Classified }> = [];
  for (const file of candidateFiles(resolve(dir), skip)) classified.push({ file, c: await classify(file, options) });
  // a companion file that cannot be read is reported by the municipality that names it
  const companions = new Set(classified.flatMap(({ c }) => (c.kind === 'json' || c.kind === 'xlsx' ? c.identity.companions : [])));
  for (const { file, c } of classified) {
    const rel = relative(resolve(dir), file);
    if (c.kind === 'other' || (c.kind === 'broken' && companions.has(file))) {
      counts.other++;
      continue;
    }
    if (c.kind === 'broken') {
      // cannot tell what it is: listed as a failure with its located error
      const error = c.error;
      jobs.push({
        key: `kofukin-${rel.split(sep).join('_').replace(/\.(json|xlsx)$/i, '')}`,
        code: '',
        name: rel,
        prefecture: '',
        source: file,
        inputHash: sha256('unreadable', String(Date.now())),
        load: () => Promise.reject(error),
      });
      continue;
    }
    counts[c.kind]++;
    const id = c.identity;
    const identified = /^\d{6}$/.test(id.code) && id.fiscalYear > 0;
    const key = identified ? `kofukin-${id.fiscalYear}-${id.code}` : `kofukin-${rel.split(sep).join('_').replace(/\.(json|xlsx)$/i, '')}`;
    const first = firstOfKey.get(key);
    if (first !== undefined) {
      duplicates.push({ location: { file }, rule: batchRunMessages.duplicate(id.code, id.fiscalYear, first), severity: 'error' });
      continue;
    }
    firstOfKey.set(key, file);
    const workbook = c.workbook;
    const loadOptions: LoadOptions = {
      ...options,
      // the workbook was read (and validated) once, here
      readResults: workbook ? async () => workbook : options.readResults,
    };
    jobs.push({
      key,
      code: id.code,
      name: id.name || rel,
      prefecture: id.prefecture,
      source: file,
      inputHash: sha256(
        fileHash(file),
        ...id.companions.map(fileHash),
        ...overrides.map(fileHash),
        id.fiscalYear ? dataHash(catalogPath(id.fiscalYear)) : '',
        id.fiscalYear ? dataHash(scoringRulesPath(id.fiscalYear)) : '',
      ),
      load: () => loadReportInputs(file, loadOptions),
    });
  }
  if (duplicates.length > 0) throw new InputError(duplicates);
  if (jobs.length === 0) throw new InputError([{ location: { file: resolve(dir) }, rule: batchRunMessages.noMunicipalityFiles(), severity: 'error' }]);
  return { jobs, counts };
}
