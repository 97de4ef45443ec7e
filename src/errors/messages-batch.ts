/**
 * Messages of `kofukin batch` about interrupting and resuming, the out-folder lock, finding the
 * municipality files of a folder, print time limits, shards and merging shards.
 */
import { bilingual } from './language.ts';

const ja = (n: number) => n.toLocaleString('ja-JP');

export const batchRunMessages = bilingual({
  stopping: {
    ja: (signal: string, inFlight: number, seconds: number) =>
      `中断（${signal}）：新しい帳票には着手しません。作成中の${inFlight}件を最長${seconds}秒待ってから、記録と batch-summary.json を書いて終了します（すぐに止めるにはもう一度 Ctrl-C）`,
    en: (signal: string, inFlight: number, seconds: number) =>
      `interrupted (${signal}): taking no new reports; waiting up to ${seconds} s for the ${inFlight} report(s) in progress, then writing the manifest and batch-summary.json (Ctrl-C again to stop at once)`,
  },
  abortingInFlight: {
    ja: (seconds: number) => `${seconds}秒以内に終わらなかった作成中の帳票を打ち切ります`,
    en: (seconds: number) => `stopping the reports still in progress after ${seconds} s`,
  },
  interrupted: {
    ja: (signal: string, built: number, left: number, summary: string) =>
      `中断しました（${signal}）：今回作成 ${ja(built)}件、未作成 ${ja(left)}件。記録と ${summary} を書きました。同じコマンドをもう一度実行すると続きから作成します`,
    en: (signal: string, built: number, left: number, summary: string) =>
      `interrupted (${signal}): built ${built} report(s) in this run, ${left} not built; the manifest and ${summary} are written; run the same command again to resume`,
  },
  resumed: {
    ja: (skipped: number, todo: number) => `前回中断したバッチを再開します：作成済みの${ja(skipped)}件を省略し、${ja(todo)}件を作成します`,
    en: (skipped: number, todo: number) => `resuming an unfinished batch: skipped ${skipped} report(s) already built, ${todo} to build`,
  },
  skipped: {
    ja: (skipped: number, todo: number) => `変更のない${ja(skipped)}件を省略し、${ja(todo)}件を作成します`,
    en: (skipped: number, todo: number) => `skipped ${skipped} unchanged report(s), ${todo} to build`,
  },
  lockHeld: {
    ja: (dir: string, pid: number, started: string, host: string, lock: string) =>
      `出力フォルダー ${dir} には別のバッチ（${host} のプロセス ${pid}、${started} 開始）が書き込み中です。終わるのを待つか、別の --out を指定してください（ロックファイル ${lock}）`,
    en: (dir: string, pid: number, started: string, host: string, lock: string) =>
      `another batch (process ${pid} on ${host}, started ${started}) is writing to ${dir}: wait for it to end, or give another --out (lock file ${lock})`,
  },
  lockOtherHost: {
    ja: (lock: string) => `ロックは別のコンピュータのものです。そのバッチが動いていないことを確かめてから ${lock} を削除してください`,
    en: (lock: string) => `the lock belongs to another computer: if that batch is no longer running, delete ${lock}`,
  },
  lockStale: {
    ja: (pid: number, started: string) => `もう動いていない前回のバッチ（プロセス ${pid}、${started} 開始）のロックを引き継ぎました`,
    en: (pid: number, started: string) => `took over the lock of an earlier batch that is no longer running (process ${pid}, started ${started})`,
  },
  found: {
    ja: (dir: string, json: number, xlsx: number, other: number) =>
      `${dir} とそのサブフォルダーに自治体ファイル ${ja(json + xlsx)}件（JSON ${ja(json)}件、記入用ブック ${ja(xlsx)}件）${other ? `、添付ファイルなど自治体ファイルでない .json/.xlsx ${ja(other)}件` : ''}`,
    en: (dir: string, json: number, xlsx: number, other: number) =>
      `${dir} and its subfolders: ${json + xlsx} municipality file(s) (${json} .json, ${xlsx} fill-in workbook(s))${other ? `; ${other} other .json/.xlsx file(s) are not municipality files (companion files and the like)` : ''}`,
  },
  noMunicipalityFiles: {
    ja: () =>
      'このフォルダーとサブフォルダーに自治体ファイルがありません（"municipality" と "scores" を持つ .json、または kofukin init の記入用ブック .xlsx）',
    en: () =>
      'no municipality files in this folder or its subfolders (a .json file with "municipality" and "scores", or a fill-in workbook .xlsx made by kofukin init)',
  },
  duplicate: {
    ja: (code: string, fiscalYear: number, other: string) =>
      `自治体コード ${code}・${fiscalYear}年度の入力が2つあります：このファイルと ${other}。同じ帳票を上書きしてしまうため、どちらか一方にしてください`,
    en: (code: string, fiscalYear: number, other: string) =>
      `a second input for municipality ${code}, fiscal year ${fiscalYear} (the first is ${other}): both would write the same report; keep one of them`,
  },
  printStalled: {
    ja: (seconds: number, expected: number, kb: number) =>
      `ブラウザーが${seconds}秒応答しません（この大きさ ${ja(kb)} KB の帳票は通常 約${expected}秒）`,
    en: (seconds: number, expected: number, kb: number) =>
      `the browser did not answer for ${seconds} s (a document of ${kb} KB normally takes about ${expected} s)`,
  },
  relaunched: {
    ja: (key: string, reason: string, restarts: number) => `${key} の印刷中に${reason}。ブラウザーを強制終了して再起動し、やり直します（再起動 ${ja(restarts)}回目）`,
    en: (key: string, reason: string, restarts: number) => `while printing ${key}: ${reason}; killed the browser and relaunched it, retrying (restart ${restarts})`,
  },
  retryingOnNewPage: {
    ja: (key: string, reason: string) => `${key} の印刷中に${reason}。接続先のブラウザーは止めずに、新しいページでやり直します`,
    en: (key: string, reason: string) => `while printing ${key}: ${reason}; retrying on a new page (the connected browser is not ours to kill)`,
  },
  stalledGaveUp: {
    ja: (seconds: number) =>
      `ブラウザーが${seconds}秒応答せず、再起動後も印刷できませんでした（帳票が大きすぎる可能性があります。README の「Input limits」を参照）`,
    en: (seconds: number) =>
      `the browser did not answer for ${seconds} s, also after a relaunch (the report may be too large to print; see "Input limits" in the README)`,
  },
  printTimeoutRange: {
    ja: () => '--print-timeout には 1000 以上の整数（ミリ秒）を指定してください',
    en: () => '--print-timeout must be a whole number of milliseconds, at least 1000',
  },
  shardAutoNoIndex: {
    ja: (count: number) =>
      `--shard auto/${count} には番号が必要です：KOFUKIN_SHARD_INDEX（1〜${count}）、JOB_COMPLETION_INDEX（Kubernetes Indexed Job、0〜${count - 1}）または CI_NODE_INDEX（GitLab parallel、1〜${count}）を設定してください`,
    en: (count: number) =>
      `--shard auto/${count} needs the shard number: set KOFUKIN_SHARD_INDEX (1–${count}), JOB_COMPLETION_INDEX (Kubernetes Indexed Job, 0–${count - 1}) or CI_NODE_INDEX (GitLab parallel, 1–${count})`,
  },
  shardAutoBadIndex: {
    ja: (variable: string, value: string, count: number) => `${variable}=${value} は ${count} 分割の番号として使えません`,
    en: (variable: string, value: string, count: number) => `${variable}=${value} is not a shard number of ${count} shards`,
  },
  mergeNotShard: {
    ja: () => 'バッチの出力フォルダーではありません（batch-summary*.json がありません）',
    en: () => 'not a batch output folder (no batch-summary*.json in it)',
  },
  mergeSameReport: {
    ja: (key: string, other: string) => `${key} は ${other} にもあります：同じ帳票が2つの分割に入っています`,
    en: (key: string, other: string) => `${key} is in ${other} too: the same report is in two shards`,
  },
  merged: {
    ja: (shards: number, reports: number, out: string) => `${ja(shards)}個の分割の帳票 ${ja(reports)}件と記録を ${out} にまとめました`,
    en: (shards: number, reports: number, out: string) => `merged ${reports} report(s) and the manifests and summaries of ${shards} shard(s) into ${out}`,
  },
});
