import { defineCommand } from '../spec.ts';
import { NATIONAL_RESULTS_POSITIONAL, YEAR_OPTION_SPEC } from './shared.ts';

export const grantsSpec = defineCommand({
  name: 'grants',
  summary: {
    ja: '全国の評価結果ファイルから全市町村の交付金を得点比例で試算する（XLSX/CSV/JSON）',
    en: 'score-proportional grant estimate of every municipality (XLSX/CSV/JSON) from a national results file',
  },
  positionals: [NATIONAL_RESULTS_POSITIONAL],
  options: {
    'budget-suishin': { type: 'string', value: 'AMOUNT', description: { ja: '推進交付金の国予算額（100億 など。既定は公表額）', en: 'national budget of 推進 (e.g. 100億; default: the published one)' } },
    'budget-shien': { type: 'string', value: 'AMOUNT', description: { ja: '支援交付金の国予算額（200億 など。既定は公表額）', en: 'national budget of 支援 (e.g. 200億; default: the published one)' } },
    needs: { type: 'string', value: 'FILE', description: { ja: '所要見込額のファイル（CSV/JSON、千円）', en: 'needs file (所要見込額, CSV/JSON, 千円)' } },
    out: { type: 'string', value: 'DIR', description: { ja: '出力先のフォルダ（既定 out）', en: 'output folder (default out)' } },
    json: { type: 'boolean', description: { ja: 'JSON を標準出力に書く（ファイルは --out のときだけ）', en: 'print the JSON to standard output (files only with --out)' } },
    ...YEAR_OPTION_SPEC,
    date: { type: 'string', value: 'YYYY-MM-DD', description: { ja: 'ワークブックの日付（既定は今日）', en: 'date of the workbook (default today)' } },
  },
});
