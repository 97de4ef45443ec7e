/**
 * `kofukin batch <national results file | folder of municipality files> [options]`
 * Builds every municipality's report with one browser. Failures are listed (console table and
 * batch-summary.json) and make the exit code non-zero; the others are built regardless.
 * Ctrl-C (SIGINT) or SIGTERM stops it cleanly: no new report is started, the manifest and the
 * summary are written, and the next run of the same command resumes. One batch at a time may
 * write to an out folder (src/batch/lock.ts). `--merge` puts the out folders of shards together.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors/errors.ts';
import { currentLanguage } from '../errors/language.ts';
import { batchRunMessages } from '../errors/messages.ts';
import { writeFileAtomic } from '../output/atomic.ts';
import { ensureOutputDir } from '../output/set.ts';
import { textTable } from '../common/text-table.ts';
import { filterJobs, jobsFromDirectory, parseShard, shardJobs, type BatchJob } from '../batch/jobs.ts';
import { lockOutDir } from '../batch/lock.ts';
import { runBatch } from '../batch/run.ts';
import { resolveShard } from '../batch/shard.ts';
import { INPUT_OPTIONS, inputOptionsFrom } from './inputs.ts';
import { parseCommandArgs, requirePositional, type Command } from './command.ts';
import { batchMessages, commandMessages } from '../errors/messages.ts';

const USAGE =
  'kofukin batch <national results file (.csv/.xlsx) | folder of municipality files> [--filter TERM]… [--concurrency N] [--shard i/n|auto/n] [--out DIR] [--force] [--strict] [--docx] [--with-framework] [--browser PATH] [--print-timeout MS] [--peers prefecture,size|designated|FILE.csv|none|FILE.json] [--national F] [--grants F] [--narrative F] [--catalog F]\n' +
  '       kofukin batch --merge <shard out folder>… [--out DIR]';

/** What each option does, for --help (both languages). */
const OPTION_HELP: ReadonlyArray<[string, { ja: string; en: string }]> = [
  ['--out DIR', { ja: '出力先のフォルダー（既定 out）。1つのフォルダーに書き込めるバッチは同時に1つだけ', en: 'output folder (default out); one batch at a time may write to a folder' }],
  ['--filter TERM', { ja: '団体コードの先頭・名前の一部・都道府県名で絞り込む（繰り返し可）', en: 'keep municipalities whose code starts with, name contains or prefecture equals TERM (repeatable)' }],
  ['--concurrency N', { ja: '同時に印刷する帳票数（1〜32、既定 3）', en: 'reports printed at the same time (1–32, default 3)' }],
  [
    '--shard i/n | auto/n',
    {
      ja: 'n 分割の i 番目だけ作成。auto/n は番号を KOFUKIN_SHARD_INDEX（1〜n）、JOB_COMPLETION_INDEX（Kubernetes、0〜n-1）、CI_NODE_INDEX（GitLab、1〜n）から取る',
      en: 'build only shard i of n; auto/n takes i from KOFUKIN_SHARD_INDEX (1–n), JOB_COMPLETION_INDEX (Kubernetes Indexed Job, 0–n-1) or CI_NODE_INDEX (GitLab parallel, 1–n)',
    },
  ],
  ['--merge', { ja: '引数の分割ごとの出力フォルダーを --out のフォルダーに1つにまとめる（帳票・記録・batch-summary.json）', en: 'merge the out folders of shards given as arguments into the --out folder (reports, manifests, batch-summary.json)' }],
  ['--force', { ja: '変更のない帳票も作り直す', en: 'rebuild unchanged reports too' }],
  ['--strict', { ja: '警告を誤りとして扱う', en: 'treat warnings as errors' }],
  ['--docx', { ja: 'Word ファイル（.docx）も書き出す', en: 'also write a Word file (.docx) per report' }],
  ['--with-framework', { ja: '参考資料1（指標の定義、11ページ）も綴じる', en: 'include 参考資料1 (the indicator definitions, 11 pages)' }],
  ['--browser PATH', { ja: '印刷に使う Chrome/Chromium', en: 'the Chrome/Chromium to print with' }],
  [
    '--print-timeout MS',
    {
      ja: '1件の印刷の制限時間（ミリ秒）。既定では帳票の大きさとこれまでの印刷速度から決める',
      en: 'fixed time limit of one print (ms); by default it is scaled by the document size and the print speed so far',
    },
  ],
  ['--national F', { ja: '全自治体に使う全国集計ファイル', en: 'national aggregates file used for every municipality' }],
  [
    '--peers SPEC',
    {
      ja: '全国の評価結果ファイルから作るとき：比較団体の決め方（prefecture,size・designated・FILE.csv・none）。フォルダーから作るとき：全自治体に使う比較団体ファイル',
      en: 'from a national results file: how peer groups are formed (prefecture,size | designated | FILE.csv | none); from a folder: a peer group file used for every municipality',
    },
  ],
  ['--grants F', { ja: '全自治体に使う交付実績ファイル', en: 'grant history file used for every municipality' }],
  ['--narrative F', { ja: '全自治体に使う記述ファイル', en: 'narrative file used for every municipality' }],
  ['--catalog F', { ja: '指標一覧（カタログ）ファイル', en: 'use this catalog file' }],
];

function helpText(): string {
  const lang = currentLanguage();
  const width = Math.max(...OPTION_HELP.map(([o]) => o.length));
  const exits =
    lang === 'ja'
      ? '終了コード: 0 完了、1 失敗した帳票あり、2 入力の誤り（同じ団体・年度の入力が2つなど）、64 使い方の誤り、69 ブラウザーなし、73 書き込めない、75 別のバッチが同じ出力フォルダーを使用中、130/143 中断（続きは同じコマンドで）'
      : 'exit codes: 0 done, 1 some reports failed, 2 bad input (e.g. two inputs for one municipality and year), 64 bad usage, 69 no browser, 73 cannot write, 75 another batch is writing to the out folder, 130/143 interrupted (rerun to resume)';
  return [`usage: ${USAGE}`, '', ...OPTION_HELP.map(([o, d]) => `  ${o.padEnd(width)}  ${d[lang]}`), '', exits].join('\n');
}

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
  const { values, positionals } = parseCommandArgs(
    'batch',
    args,
    {
      ...INPUT_OPTIONS,
      out: { type: 'string', default: 'out' },
      filter: { type: 'string', multiple: true },
      concurrency: { type: 'string', default: '3' },
      shard: { type: 'string' },
      force: { type: 'boolean' },
      docx: { type: 'boolean' },
      'with-framework': { type: 'boolean' },
      browser: { type: 'string' },
      'print-timeout': { type: 'string' },
      merge: { type: 'boolean' },
    },
    USAGE,
  );
  if (values.help) {
    io.stdout.write(helpText() + '\n');
    return 0;
  }
  requirePositional(positionals, 1, USAGE);
  const outDir = resolve(String(values.out));

  if (values.merge) {
    const { mergeShards } = await import('../batch/merge.ts');
    await ensureOutputDir(outDir);
    const lock = lockOutDir(outDir, (text) => io.stderr.write(`kofukin batch: ${text}\n`));
    let merged;
    try {
      merged = await mergeShards(positionals, outDir);
    } finally {
      lock.release();
    }
    const { summary, reports, summaryFile } = merged;
    io.stderr.write(`kofukin batch: ${batchRunMessages.merged(positionals.length, reports, outDir)}\n`);
    io.stdout.write(`built ${summary.built}, unchanged ${summary.unchanged}, failed ${summary.failed} of ${summary.total}\nsummary: ${summaryFile}\n`);
    return summary.failures.length > 0 ? 1 : 0;
  }

  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) throw new UsageError(`${commandMessages.concurrencyRange()}\n\nusage: ${USAGE}`);
  const printTimeout = values['print-timeout'] === undefined ? undefined : Number(values['print-timeout']);
  if (printTimeout !== undefined && !(Number.isInteger(printTimeout) && printTimeout >= 1000))
    throw new UsageError(`--print-timeout must be a whole number of milliseconds, at least 1000\n\nusage: ${USAGE}`);
  let shard: { index: number; count: number } | null = null;
  if (typeof values.shard === 'string') {
    try {
      shard = /^auto\//.test(values.shard.trim()) ? resolveShard(values.shard, io.env ?? process.env) : parseShard(values.shard);
    } catch (err) {
      throw new UsageError(`${(err as Error).message}\n\nusage: ${USAGE}`);
    }
  }
  // every input is found and checked (duplicates are an error) before anything is built
  const { jobs: all, extraText } = await jobsFor(positionals[0]!, values, outDir, io.stderr);
  let jobs = filterJobs(all, (values.filter as string[] | undefined) ?? []);
  if (shard) jobs = shardJobs(jobs, shard);
  await ensureOutputDir(outDir);
  const lock = lockOutDir(outDir, (text) => io.stderr.write(`kofukin batch: ${text}\n`));
  try {
    io.stderr.write(`kofukin batch: ${batchMessages.start(jobs.length, all.length, shard ? `${shard.index}/${shard.count}` : '', outDir)}\n`);
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
      progress: io.stderr as NodeJS.WritableStream & { isTTY?: boolean },
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
      io.stderr.write(`kofukin batch: ${batchRunMessages.interrupted(summary.interrupted, summary.built, summary.notBuilt, summaryName)}\n`);
      return summary.interruptExitCode ?? 130;
    }
    return summary.failures.length > 0 ? 1 : 0;
  } finally {
    lock.release();
  }
};
