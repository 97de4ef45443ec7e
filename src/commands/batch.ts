/**
 * `kofukin batch <national results file | folder of municipality files> [options]`
 * Builds every municipality's report with one browser. Failures are listed (console table and
 * batch-summary.json) and make the exit code non-zero; the others are built regardless.
 * Ctrl-C (SIGINT) or SIGTERM stops it cleanly: no new report is started, the manifest and the
 * summary are written, and the next run of the same command resumes. One batch at a time may
 * write to an out folder (src/batch/lock.ts, exit 75). `--merge` puts the out folders of shards
 * together. Options: src/cli/specs/batch.ts.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../output/atomic.ts';
import { ensureOutputDir } from '../output/set.ts';
import { textTable } from '../common/text-table.ts';
import { filterJobs, jobsFromDirectory, parseShard, shardJobs, type BatchJob } from '../batch/jobs.ts';
import { lockOutDir } from '../batch/lock.ts';
import { runBatch } from '../batch/run.ts';
import { resolveShard } from '../batch/shard.ts';
import { inputOptionsFrom } from './inputs.ts';
import { batchSpec } from '../cli/specs/batch.ts';
import { parseCommandArgs, usageError, type Command } from './command.ts';
import { batchMessages, batchRunMessages, cliMessages, commandMessages } from '../errors/messages.ts';

async function jobsFor(input: string, values: Record<string, unknown>, outDir: string, stderr: NodeJS.WritableStream): Promise<{ jobs: BatchJob[]; extraText: string }> {
  const path = resolve(input);
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    isDir = false;
  }
  if (isDir) {
    const { jobs, counts } = await jobsFromDirectory(path, inputOptionsFrom(values), [outDir]);
    stderr.write(`kofukin batch: ${batchRunMessages.found(path, counts.json, counts.xlsx, counts.other)}\n`);
    return { jobs, extraText: '' };
  }
  const { jobsFromNationalFile } = await import('../batch/national-jobs.ts');
  return jobsFromNationalFile(path, undefined, typeof values.peers === 'string' ? values.peers : undefined);
}

export const command: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(batchSpec, args);
  const outDir = resolve(String(values.out));
  const notice = (text: string) => io.stderr.write(`kofukin batch: ${text}\n`);

  if (values.merge) {
    const { mergeShards } = await import('../batch/merge.ts');
    await ensureOutputDir(outDir);
    const lock = lockOutDir(outDir, notice);
    let merged;
    try {
      merged = await mergeShards(positionals, outDir);
    } finally {
      lock.release();
    }
    const { summary, reports, summaryFile } = merged;
    notice(batchRunMessages.merged(positionals.length, reports, outDir));
    io.stdout.write(
      `${batchMessages.summary(summary.built, summary.unchanged, summary.failed, summary.total, summary.seconds.toFixed(1), summary.reportsPerSecond.toFixed(2), summary.browserRestarts)}\n${batchMessages.summaryFile(summaryFile)}\n`,
    );
    return summary.failures.length > 0 ? 1 : 0;
  }
  if (positionals.length > 1) throw usageError(batchSpec, `${cliMessages.tooManyArguments(positionals.slice(1).join(' '))}`);

  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) throw usageError(batchSpec, `${commandMessages.concurrencyRange()}`);
  const printTimeout = values['print-timeout'] === undefined ? undefined : Number(values['print-timeout']);
  if (printTimeout !== undefined && !(Number.isInteger(printTimeout) && printTimeout >= 1000))
    throw usageError(batchSpec, batchRunMessages.printTimeoutRange());
  let shard: { index: number; count: number } | null = null;
  if (typeof values.shard === 'string') {
    try {
      shard = /^auto\//.test(values.shard.trim()) ? resolveShard(values.shard, io.env ?? process.env) : parseShard(values.shard);
    } catch (err) {
      throw usageError(batchSpec, `${(err as Error).message}`);
    }
  }
  // every input is found and checked (duplicates are an error) before anything is built
  const { jobs: all, extraText } = await jobsFor(positionals[0]!, values, outDir, io.stderr);
  let jobs = filterJobs(all, (values.filter as string[] | undefined) ?? []);
  if (shard) jobs = shardJobs(jobs, shard);
  await ensureOutputDir(outDir);
  const lock = lockOutDir(outDir, notice);
  try {
    notice(batchMessages.start(jobs.length, all.length, shard ? `${shard.index}/${shard.count}` : '', outDir));
    const summary = await runBatch(jobs, {
      outDir,
      concurrency,
      force: Boolean(values.force),
      strict: Boolean(values.strict),
      docx: Boolean(values.docx),
      includeFramework: Boolean(values['with-framework']),
      printTimeoutMs: printTimeout,
      browser: { executablePath: typeof values.browser === 'string' ? values.browser : undefined, env: io.env },
      env: io.env,
      progress: io.quiet ? undefined : (io.stderr as NodeJS.WritableStream & { isTTY?: boolean }),
      extraText: extraText + jobs.map((j) => j.name + j.prefecture).join(''),
    });
    const summaryName = shard ? `batch-summary-${shard.index}-of-${shard.count}.json` : 'batch-summary.json';
    const summaryFile = join(outDir, summaryName);
    await writeFileAtomic(summaryFile, JSON.stringify(summary, null, 2) + '\n');
    io.stdout.write(
      `${batchMessages.summary(summary.built, summary.unchanged, summary.failed, summary.total, summary.seconds.toFixed(1), summary.reportsPerSecond.toFixed(2), summary.browserRestarts)}\n${batchMessages.summaryFile(summaryFile)}\n`,
    );
    if (summary.failures.length > 0)
      io.stdout.write(textTable([batchMessages.codeHeader(), batchMessages.nameHeader(), batchMessages.errorHeader()], summary.failures.map((f) => [f.code, f.name, f.error.length > 160 ? f.error.slice(0, 157) + '…' : f.error])) + '\n');
    if (summary.interrupted) {
      notice(batchRunMessages.interrupted(summary.interrupted, summary.built, summary.notBuilt, summaryName));
      return summary.interruptExitCode ?? 130;
    }
    return summary.failures.length > 0 ? 1 : 0;
  } finally {
    lock.release();
  }
};
