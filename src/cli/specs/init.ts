import { defineCommand } from '../spec.ts';

export const initSpec = defineCommand({
  name: 'init',
  summary: {
    ja: 'Excel の記入用ワークブックを書き出す（空のもの、または市町村ファイルから記入済みのもの）',
    en: 'write an Excel fill-in workbook (empty, or prefilled from a municipality file)',
  },
  positionals: [
    {
      name: 'municipality.json|.xlsx',
      description: {
        ja: '記入済みにする市町村ファイル（省略時は --code --name --prefecture --insured --year で空のワークブック）',
        en: 'municipality file to prefill from (without it: an empty workbook from --code --name --prefecture --insured --year)',
      },
      required: false,
      stdin: true,
      fileInDirectory: 'municipality.json',
      extensions: ['.json', '.xlsx'],
    },
  ],
  options: {
    out: { type: 'string', value: 'FILE.xlsx', description: { ja: '出力ファイル（既定 out/<コード>-fy<年度>.xlsx）', en: 'output file (default out/<code>-fy<year>.xlsx)' } },
    force: { type: 'boolean', description: { ja: '既存のワークブックを上書きする', en: 'overwrite an existing workbook' } },
    code: { type: 'string', value: 'CODE', description: { ja: '団体コード（6桁）', en: 'municipality code (6 digits)' } },
    name: { type: 'string', value: 'NAME', description: { ja: '市町村名', en: 'municipality name' } },
    prefecture: { type: 'string', value: 'PREF', description: { ja: '都道府県名', en: 'prefecture' } },
    insured: { type: 'string', value: 'N', description: { ja: '第1号被保険者数', en: 'number of insured persons (第1号被保険者数)' } },
    year: { type: 'string', value: 'YYYY', description: { ja: '年度（西暦）', en: 'fiscal year' } },
    catalog: { type: 'string', value: 'FILE', description: { ja: '指標カタログ（既定は同梱の年度のもの）', en: 'indicator catalog (default: the bundled one of the fiscal year)' } },
  },
  example: 'kofukin init --code 261009 --name 京都市 --prefecture 京都府 --insured 413000 --year 2024',
});
