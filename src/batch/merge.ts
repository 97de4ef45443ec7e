/**
 * `kofukin batch --merge <shard out folder>… --out DIR`: puts the results of a sharded run
 * (one out folder per shard, e.g. one per machine of a Kubernetes Indexed Job) together in one
 * folder, as if one batch had built them all:
 *   - every report a shard's manifest lists (its PDF, HTML and, if any, DOCX) is copied into DIR,
 *     each report's files all or none (src/output);
 *   - the manifests are merged into DIR/.kofukin-batch.json, so a later unsharded `batch` on DIR
 *     skips them all;
 *   - the summaries (batch-summary*.json) are merged into DIR/batch-summary.json: counts summed,
 *     failures and warnings listed together, the run time of the slowest shard, and `shards`
 *     naming each shard folder with its own counts.
 * The same report in two shards is an input error (the shards were not made with one --shard n).
 */
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError, type Problem } from '../errors/errors.ts';
import { batchRunMessages } from '../errors/messages.ts';
import { ensureOutputDir, withOutputSet } from '../output/set.ts';
import { writeFileAtomic } from '../output/atomic.ts';
import { readManifest, MANIFEST_FILE, type Manifest } from './manifest.ts';
import type { BatchSummary } from './run.ts';
import { emptyBatchSummary } from './summary.ts';

export interface MergedSummary extends BatchSummary {
  shards: Array<{ dir: string; summaries: string[]; total: number; built: number; unchanged: number; failed: number; notBuilt: number }>;
}

const REPORT_EXTENSIONS = ['pdf', 'html', 'docx'] as const;

function summariesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /^batch-summary(-\d+-of-\d+)?\.json$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

export async function mergeShards(shardDirs: readonly string[], outDir: string): Promise<{ summary: MergedSummary; reports: number; summaryFile: string }> {
  const out = await ensureOutputDir(outDir);
  const outReal = realpathSync(out);
  const problems: Problem[] = [];
  const shards = shardDirs.map((d) => resolve(d));
  for (const dir of shards)
    if (!existsSync(dir) || summariesIn(dir).length === 0) problems.push({ location: { file: dir }, rule: batchRunMessages.mergeNotShard(), severity: 'error' });
  if (problems.length > 0) throw new InputError(problems);

  const merged: Manifest = { format: 'kofukin-batch-manifest/1', entries: {} };
  const owner = new Map<string, string>();
  const perShard: Array<{ dir: string; entries: Record<string, string>; unfinished: boolean }> = [];
  for (const dir of shards) {
    const { manifest, resuming } = readManifest(dir);
    for (const key of Object.keys(manifest.entries)) {
      const other = owner.get(key);
      if (other !== undefined && other !== dir) problems.push({ location: { file: join(dir, MANIFEST_FILE) }, rule: batchRunMessages.mergeSameReport(key, other), severity: 'error' });
      owner.set(key, dir);
    }
    perShard.push({ dir, entries: manifest.entries, unfinished: resuming });
  }
  if (problems.length > 0) throw new InputError(problems);

  // the reports: copied unless the shard folder is the merged folder itself
  let reports = 0;
  for (const { dir, entries } of perShard) {
    const same = realpathSync(dir) === outReal;
    for (const [key, hash] of Object.entries(entries).sort()) {
      const files = REPORT_EXTENSIONS.map((ext) => join(dir, `${key}.${ext}`)).filter((f) => existsSync(f));
      if (!files.some((f) => f.endsWith('.pdf'))) continue; // listed but gone: a later batch rebuilds it
      if (!same)
        await withOutputSet(async (set) => {
          for (const f of files) await set.write(join(out, f.slice(dir.length + 1)), readFileSync(f));
        });
      merged.entries[key] = hash;
      reports++;
    }
  }

  const summary: MergedSummary = { ...emptyBatchSummary(0), shards: [] };
  for (const dir of shards) {
    const files = summariesIn(dir);
    const shard = { dir, summaries: files, total: 0, built: 0, unchanged: 0, failed: 0, notBuilt: 0 };
    for (const file of files) {
      const s = JSON.parse(readFileSync(file, 'utf8')) as Partial<BatchSummary>;
      for (const k of ['total', 'built', 'unchanged', 'failed', 'notBuilt'] as const) {
        shard[k] += s[k] ?? 0;
        summary[k] += s[k] ?? 0;
      }
      summary.browserRestarts += s.browserRestarts ?? 0;
      summary.seconds = Math.max(summary.seconds, s.seconds ?? 0);
      summary.failures.push(...(s.failures ?? []));
      summary.warnings.push(...(s.warnings ?? []));
      summary.interrupted ??= s.interrupted ?? null;
      summary.interruptExitCode ??= s.interruptExitCode ?? null;
    }
    summary.shards.push(shard);
  }
  summary.reportsPerSecond = summary.seconds > 0 ? summary.built / summary.seconds : 0;
  summary.failures.sort((a, b) => (a.key < b.key ? -1 : 1));
  if (perShard.some((s) => s.unfinished)) merged.unfinished = true;

  await writeFileAtomic(join(out, MANIFEST_FILE), JSON.stringify(merged, null, 1));
  const summaryFile = join(out, 'batch-summary.json');
  await writeFileAtomic(summaryFile, JSON.stringify(summary, null, 2) + '\n');
  return { summary, reports, summaryFile };
}
