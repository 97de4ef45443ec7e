import { defineCommand } from '../spec.ts';
import { BROWSER_OPTION_SPEC, INPUT_OPTION_SPECS } from './shared.ts';

export const batchSpec = defineCommand({
  name: 'batch',
  summary: { ja: '多数の市町村の報告資料を1つのブラウザでまとめて作成する', en: 'build reports for many municipalities with one browser' },
  positionals: [
    {
      name: 'national results.csv|.xlsx | directory',
      description: {
        ja: '指標ごとの得点がある全国の評価結果ファイル、または市町村ファイルのフォルダ（サブフォルダも探す）。--merge では分割ごとの出力フォルダ（複数）',
        en: 'national results file with every indicator score, or a directory of municipality files (subfolders searched); with --merge, the out folders of the shards',
      },
      required: true,
      directory: true,
      variadic: true,
    },
  ],
  options: {
    out: { type: 'string', value: 'DIR', default: 'out', description: { ja: '出力先のフォルダ（同時に書き込めるバッチは1つ）', en: 'output folder (one batch at a time may write to it)' } },
    filter: { type: 'string', value: 'TERM', multiple: true, description: { ja: '団体コード・名前・都道府県で絞り込む', en: 'keep municipalities whose code, name or prefecture matches' } },
    concurrency: { type: 'string', value: 'N', default: '3', description: { ja: '同時に印刷するページ数（1〜32）', en: 'pages printed at the same time (1–32)' } },
    shard: {
      type: 'string',
      value: 'i/n|auto/n',
      description: {
        ja: 'n 件ごとに i 番目の市町村だけ作成する。auto/n は i を KOFUKIN_SHARD_INDEX（1〜n）、JOB_COMPLETION_INDEX（Kubernetes、0〜n-1）、CI_NODE_INDEX（GitLab、1〜n）から取る',
        en: 'build only every n-th municipality, starting at the i-th; auto/n takes i from KOFUKIN_SHARD_INDEX (1–n), JOB_COMPLETION_INDEX (Kubernetes Indexed Job, 0–n-1) or CI_NODE_INDEX (GitLab parallel, 1–n)',
      },
    },
    merge: {
      type: 'boolean',
      description: {
        ja: '引数の分割ごとの出力フォルダを --out のフォルダに1つにまとめる（帳票・記録・batch-summary.json）',
        en: 'merge the out folders of shards given as arguments into the --out folder (reports, manifests, batch-summary.json)',
      },
    },
    force: { type: 'boolean', description: { ja: '変更のない報告資料も作り直す', en: 'rebuild unchanged reports too' } },
    docx: { type: 'boolean', description: { ja: 'Word ファイル（.docx）も書き出す', en: 'also write a Word file (.docx) per report' } },
    'with-framework': { type: 'boolean', description: { ja: '参考資料1（指標の定義）も綴じる', en: 'include 参考資料1 (the indicator definitions)' } },
    ...BROWSER_OPTION_SPEC,
    'print-timeout': {
      type: 'string',
      value: 'MS',
      description: {
        ja: '1件の印刷の制限時間（ミリ秒）。既定では帳票の大きさとこれまでの印刷速度から決める',
        en: 'fixed time limit of one print (milliseconds); by default it is scaled by the document size and the print speed so far',
      },
    },
    ...INPUT_OPTION_SPECS,
  },
  notes: {
    ja: 'Ctrl-C で中断しても、同じコマンドをもう一度実行すると続きから作成します。\n終了コード: 0 完了、1 失敗した帳票あり、2 入力の誤り（同じ団体・年度の入力が2つなど）、64 使い方の誤り、69 ブラウザーなし、73 書き込めない、75 別のバッチが同じ出力フォルダーを使用中、130/143 中断',
    en: 'An interrupted batch (Ctrl-C) resumes when the same command is run again.\nexit codes: 0 done, 1 some reports failed, 2 bad input (e.g. two inputs for one municipality and year), 64 bad usage, 69 no browser, 73 cannot write, 75 another batch is writing to the out folder, 130/143 interrupted',
  },
});
