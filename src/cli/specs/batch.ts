import { defineCommand } from '../spec.ts';
import { BROWSER_OPTION_SPEC, INPUT_OPTION_SPECS } from './shared.ts';

export const batchSpec = defineCommand({
  name: 'batch',
  summary: { ja: '多数の市町村の報告資料を1つのブラウザでまとめて作成する', en: 'build reports for many municipalities with one browser' },
  positionals: [
    {
      name: 'national results.csv|.xlsx | directory',
      description: {
        ja: '指標ごとの得点がある全国の評価結果ファイル、または市町村ファイルのフォルダ',
        en: 'national results file with every indicator score, or a directory of municipality files',
      },
      required: true,
      directory: true,
    },
  ],
  options: {
    out: { type: 'string', value: 'DIR', default: 'out', description: { ja: '出力先のフォルダ', en: 'output folder' } },
    filter: { type: 'string', value: 'TERM', multiple: true, description: { ja: '団体コード・名前・都道府県で絞り込む', en: 'keep municipalities whose code, name or prefecture matches' } },
    concurrency: { type: 'string', value: 'N', default: '3', description: { ja: '同時に印刷するページ数（1〜32）', en: 'pages printed at the same time (1–32)' } },
    shard: { type: 'string', value: 'i/n', description: { ja: 'n 件ごとに i 番目の市町村だけ作成する', en: 'build only every n-th municipality, starting at the i-th' } },
    force: { type: 'boolean', description: { ja: '変更のない報告資料も作り直す', en: 'rebuild unchanged reports too' } },
    docx: { type: 'boolean', description: { ja: 'Word ファイル（.docx）も書き出す', en: 'also write a Word file (.docx) per report' } },
    'with-framework': { type: 'boolean', description: { ja: '参考資料1（指標の定義）も綴じる', en: 'include 参考資料1 (the indicator definitions)' } },
    ...BROWSER_OPTION_SPEC,
    'print-timeout': { type: 'string', value: 'MS', description: { ja: '1件の印刷の制限時間（ミリ秒）', en: 'time limit of one print (milliseconds)' } },
    ...INPUT_OPTION_SPECS,
  },
});
