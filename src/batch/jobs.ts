/**
 * What a batch builds: one job per municipality, from a directory of municipality files or from
 * a national results file. A job knows its key (the output base name), how to load its inputs,
 * and a hash of everything its report is made from, so unchanged reports can be skipped.
 */
import { createHash } from 'node:crypto';
import type { ReportInputs } from '../load/report-inputs.ts';
import { commandMessages } from '../errors/messages.ts';

export { jobsFromDirectory } from './discover.ts';

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

