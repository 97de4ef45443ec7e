/**
 * What a batch builds: one job per municipality, from a directory of municipality files or from
 * a national results file. A job knows its key (the output base name), how to load its inputs,
 * and a hash of everything its report is made from, so unchanged reports can be skipped.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../errors/errors.ts';
import { loadReportInputs, type LoadOptions, type ReportInputs } from '../load/report-inputs.ts';
import { catalogPath } from '../load/catalog.ts';
import { scoringRulesPath } from '../load/scoring-rules.ts';
import { readJsonFile } from '../load/json.ts';
import { kindOfFile, readUserFile } from '../input/file.ts';
import { commandMessages, loadMessages } from '../errors/messages.ts';

export interface BatchJob {
  /** Output base name and identity in the summary, e.g. kofukin-2024-261009. */
  key: string;
  code: string;
  name: string;
  prefecture: string;
  /** Where the job's data comes from (file, or file + row). */
  source: string;
  /** Hash of every input the report is made from. */
  inputHash: string;
  load: () => Promise<ReportInputs>;
}

export function sha256(...parts: Array<string | Buffer>): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
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

/** Jobs from every municipality file (*.json, *.xlsx) in a directory (not recursive). */
export function jobsFromDirectory(dir: string, options: LoadOptions = {}): BatchJob[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new InputError([{ location: { file: dir }, rule: loadMessages.notMunicipalityDir(), severity: 'error' }]);
  const files = readdirSync(dir)
    .filter((f) => /\.(json|xlsx)$/i.test(f))
    .sort()
    .map((f) => resolve(dir, f));
  const jobs: BatchJob[] = [];
  for (const file of files) {
    // companion files and catalogs are named in the municipality file; read its identity cheaply
    let identity: { code: string; name: string; prefecture: string; fiscalYear: number; companions: string[] } | null = null;
    if (file.toLowerCase().endsWith('.json')) {
      try {
        const raw = readJsonFile(file) as {
          fiscalYear?: number;
          municipality?: { code?: string; name?: string; prefecture?: string };
          files?: Record<string, string>;
        };
        if (!raw || typeof raw !== 'object' || !raw.municipality) continue; // not a municipality file (e.g. peers.json)
        identity = {
          code: String(raw.municipality.code ?? ''),
          name: String(raw.municipality.name ?? ''),
          prefecture: String(raw.municipality.prefecture ?? ''),
          fiscalYear: Number(raw.fiscalYear ?? 0),
          companions: Object.values(raw.files ?? {}).map((f) => resolve(dirname(file), String(f))),
        };
      } catch {
        identity = null; // unreadable: the job fails at load time with a located error
      }
    }
    const base = file.replace(/^.*\//, '').replace(/\.(json|xlsx)$/i, '');
    const code = identity?.code ?? base;
    const fy = identity?.fiscalYear ?? 0;
    const overrides = [options.national, options.peers, options.grants, options.narrative].filter((f): f is string => !!f).map((f) => resolve(f));
    jobs.push({
      key: identity && /^\d{6}$/.test(code) && fy ? `kofukin-${fy}-${code}` : `kofukin-${base}`,
      code,
      name: identity?.name ?? base,
      prefecture: identity?.prefecture ?? '',
      source: file,
      inputHash: sha256(
        fileHash(file),
        ...(identity?.companions ?? []).map(fileHash),
        ...overrides.map(fileHash),
        fy ? dataHash(catalogPath(fy)) : '',
        fy ? dataHash(scoringRulesPath(fy)) : '',
      ),
      load: () => loadReportInputs(file, options),
    });
  }
  return jobs;
}

/**
 * `--filter` terms: a job matches when any term equals its prefecture, is a prefix of its code,
 * or occurs in its name. No terms: every job.
 */
export function filterJobs(jobs: readonly BatchJob[], terms: readonly string[]): BatchJob[] {
  if (terms.length === 0) return [...jobs];
  return jobs.filter((j) => terms.some((t) => j.prefecture === t || j.code.startsWith(t) || j.name.includes(t)));
}

/** "i/n" → { index: i, count: n } with 1 ≤ i ≤ n. */
export function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new Error(commandMessages.shardFormat(text));
  return { index, count };
}

/**
 * The jobs of shard i of n: jobs sorted by key, every n-th starting at i. Deterministic, and the
 * n shards together hold every job exactly once.
 */
export function shardJobs(jobs: readonly BatchJob[], shard: { index: number; count: number }): BatchJob[] {
  return [...jobs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).filter((_, i) => i % shard.count === shard.index - 1);
}

