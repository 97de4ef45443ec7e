/**
 * `kofukin batch <national results file | directory of municipality files> [--filter T]…
 *  [--concurrency N] [--shard i/n] [--out DIR] [--force] [--strict] [--docx] [--with-framework]`
 * Builds every municipality's report with one browser. Failures are listed (console table and
 * batch-summary.json) and make the exit code non-zero; the others are built regardless.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors/errors.ts';
import { writeFileAtomic } from '../output/atomic.ts';
import { textTable } from '../common/text-table.ts';
import { filterJobs, jobsFromDirectory, parseShard, shardJobs, type BatchJob } from '../batch/jobs.ts';
import { runBatch } from '../batch/run.ts';
import { inputOptionsFrom } from './inputs.ts';
import { usageLine } from '../cli/spec.ts';
import { batchSpec } from '../cli/specs/batch.ts';
import { parseCommandArgs, type Command } from './command.ts';
import { batchMessages, commandMessages } from '../errors/messages.ts';

const USAGE = usageLine(batchSpec);

async function jobsFor(input: string, values: Record<string, unknown>): Promise<{ jobs: BatchJob[]; extraText: string }> {
  const path = resolve(input);
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    isDir = false;
  }
  if (isDir) return { jobs: jobsFromDirectory(path, inputOptionsFrom(values)), extraText: '' };
  const { jobsFromNationalFile } = await import('../batch/national-jobs.ts');
  return jobsFromNationalFile(path, undefined, typeof values.peers === 'string' ? values.peers : undefined);
}

export const command: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(batchSpec, args);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) throw new UsageError(`${commandMessages.concurrencyRange()}\n\nusage: ${USAGE}`);
  let shard: { index: number; count: number } | null = null;
  if (typeof values.shard === 'string') {
    try {
      shard = parseShard(values.shard);
    } catch (err) {
      throw new UsageError(`${(err as Error).message}\n\nusage: ${USAGE}`);
    }
  }
  const { jobs: all, extraText } = await jobsFor(positionals[0]!, values);
  let jobs = filterJobs(all, (values.filter as string[] | undefined) ?? []);
  if (shard) jobs = shardJobs(jobs, shard);
  const outDir = resolve(String(values.out));
  io.stderr.write(`kofukin batch: ${batchMessages.start(jobs.length, all.length, shard ? `${shard.index}/${shard.count}` : '', outDir)}\n`);

  const summary = await runBatch(jobs, {
    outDir,
    concurrency,
    force: Boolean(values.force),
    strict: Boolean(values.strict),
    docx: Boolean(values.docx),
    includeFramework: Boolean(values['with-framework']),
    printTimeoutMs: values['print-timeout'] ? Number(values['print-timeout']) : undefined,
    browser: { executablePath: typeof values.browser === 'string' ? values.browser : undefined, env: io.env },
    env: io.env,
    progress: io.quiet ? undefined : (io.stderr as NodeJS.WritableStream & { isTTY?: boolean }),
    extraText: extraText + jobs.map((j) => j.name + j.prefecture).join(''),
  });
  const summaryFile = join(outDir, shard ? `batch-summary-${shard.index}-of-${shard.count}.json` : 'batch-summary.json');
  await writeFileAtomic(summaryFile, JSON.stringify(summary, null, 2) + '\n');
  io.stdout.write(
    `${batchMessages.summary(summary.built, summary.unchanged, summary.failed, summary.total, summary.seconds.toFixed(1), summary.reportsPerSecond.toFixed(2), summary.browserRestarts)}\n${batchMessages.summaryFile(summaryFile)}\n`,
  );
  if (summary.failures.length > 0) {
    io.stdout.write(textTable([batchMessages.codeHeader(), batchMessages.nameHeader(), batchMessages.errorHeader()], summary.failures.map((f) => [f.code, f.name, f.error.length > 160 ? f.error.slice(0, 157) + '…' : f.error])) + '\n');
    return 1;
  }
  return 0;
};
