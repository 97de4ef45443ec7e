import { defineCommand } from '../spec.ts';
import { INPUT_OPTION_SPECS, MUNICIPALITY_POSITIONAL, NATION_OPTION_SPEC } from './shared.ts';

export const whatifSpec = defineCommand({
  name: 'whatif',
  summary: { ja: 'まだ得点できる点数を、配点の段階ごとに一覧する', en: 'list the points a municipality could still gain, step by step' },
  positionals: [MUNICIPALITY_POSITIONAL],
  options: {
    json: { type: 'boolean', description: { ja: 'JSON（kofukin-whatif/1）で出力する', en: 'print one JSON document (kofukin-whatif/1)' } },
    top: { type: 'string', value: 'N', description: { ja: '上位 N 件だけ表示する', en: 'show only the first N items' } },
    raw: {
      type: 'string',
      value: 'FILE',
      description: { ja: '実績値ファイル：次の区分に必要な値を各項目に添える', en: 'raw values file: add the value needed for the next tier to each item' },
    },
    ...INPUT_OPTION_SPECS,
    ...NATION_OPTION_SPEC,
  },
  example: 'kofukin whatif data/samples/kyoto-2024/municipality.json',
});
