import { defineCommand } from '../spec.ts';
import { INPUT_OPTION_SPECS, MUNICIPALITY_POSITIONAL, NATION_OPTION_SPEC } from './shared.ts';

export const summarySpec = defineCommand({
  name: 'summary',
  summary: { ja: '市町村の評価結果から導いた数値を表示する（表、または --json）', en: 'print the derived figures of a municipality (table or --json)' },
  positionals: [MUNICIPALITY_POSITIONAL],
  options: {
    json: { type: 'boolean', description: { ja: 'JSON（kofukin-summary/1）で出力する', en: 'print one JSON document (kofukin-summary/1)' } },
    ...INPUT_OPTION_SPECS,
    ...NATION_OPTION_SPEC,
  },
  example: 'kofukin summary data/samples/kyoto-2024/municipality.json',
});
