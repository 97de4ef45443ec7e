/**
 * `--shard auto/n`: the shard number comes from the environment of the machine running the shard.
 *   KOFUKIN_SHARD_INDEX   1…n   (set it yourself, e.g. from a GitHub Actions matrix value)
 *   JOB_COMPLETION_INDEX  0…n-1 (set by Kubernetes for each pod of an Indexed Job)
 *   CI_NODE_INDEX         1…n   (GitLab CI `parallel: n`)
 * The first one set is used.
 */
import { batchRunMessages } from '../errors/messages.ts';
import { parseShard } from './jobs.ts';

const SOURCES: ReadonlyArray<{ variable: string; base: 0 | 1 }> = [
  { variable: 'KOFUKIN_SHARD_INDEX', base: 1 },
  { variable: 'JOB_COMPLETION_INDEX', base: 0 },
  { variable: 'CI_NODE_INDEX', base: 1 },
];

/** "auto/n" → the shard of this machine; throws (a usage error for the caller) when no variable says which. */
export function resolveShard(text: string, env: NodeJS.ProcessEnv): { index: number; count: number } {
  const m = /^auto\/(\d+)$/.exec(text.trim());
  const count = Number(m?.[1]);
  if (!m || count < 1) return parseShard(text); // reports the expected form
  for (const { variable, base } of SOURCES) {
    const value = env[variable];
    if (value === undefined || value === '') continue;
    const n = /^\d+$/.test(value.trim()) ? Number(value) + (1 - base) : NaN;
    if (!(n >= 1 && n <= count)) throw new Error(batchRunMessages.shardAutoBadIndex(variable, value, count));
    return { index: n, count };
  }
  throw new Error(batchRunMessages.shardAutoNoIndex(count));
}
