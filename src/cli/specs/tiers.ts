import { defineCommand } from '../spec.ts';
import { YEAR_OPTION_SPEC } from './shared.ts';

export const tiersSpec = defineCommand({
  name: 'tiers',
  summary: {
    ja: '実績値ファイルから区分（上位7割…1割）の境界値と、次の区分に必要な値を求める',
    en: 'tier cut-offs (上位7割…1割) from a raw values file, and the value a municipality needs for the next tier',
  },
  positionals: [
    {
      name: 'raw values.csv|.xlsx',
      description: { ja: '実績値ファイル（1市町村1行：code と系列ごとの列）', en: 'raw values file (one row per municipality: code, then one column per series)' },
      required: true,
      stdin: true,
      extensions: ['.csv', '.xlsx'],
    },
  ],
  options: {
    code: { type: 'string', value: 'CODE', description: { ja: 'この市町村（団体コード6桁）の区分と次の区分に必要な値を表示する', en: "show this municipality's (6-digit code) tiers and the values for the next tier" } },
    json: { type: 'boolean', description: { ja: 'JSON（kofukin-tiers/1）で出力する', en: 'print one JSON document (kofukin-tiers/1)' } },
    ...YEAR_OPTION_SPEC,
  },
});
