import { defineCommand } from '../spec.ts';
import { BROWSER_OPTION_SPEC, NATIONAL_RESULTS_POSITIONAL, YEAR_OPTION_SPEC } from './shared.ts';

export const nationalSpec = defineCommand({
  name: 'national',
  summary: {
    ja: '全国の評価結果ファイルから全国集計（資料000の表、XLSX/JSON/HTML/PDF）を作成する',
    en: 'national summary (seed 000 tables, XLSX/JSON/HTML/PDF) from a national results file',
  },
  positionals: [NATIONAL_RESULTS_POSITIONAL],
  options: {
    out: { type: 'string', value: 'DIR', default: 'out', description: { ja: '出力先のフォルダ', en: 'output folder' } },
    ...YEAR_OPTION_SPEC,
    top: { type: 'string', value: 'N', default: '30', description: { ja: '上位表の件数', en: 'rows of each top-N table' } },
    'no-pdf': { type: 'boolean', description: { ja: 'PDF を作らない（HTML まで）', en: 'write no PDF (HTML only)' } },
    ...BROWSER_OPTION_SPEC,
    date: { type: 'string', value: 'YYYY-MM-DD', description: { ja: '資料の日付（既定は今日）', en: 'date of the document (default today)' } },
    timings: { type: 'boolean', description: { ja: '各段階の所要時間を表示する', en: 'print the time of each stage' } },
  },
});
