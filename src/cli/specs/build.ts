import { defineCommand } from '../spec.ts';
import { BROWSER_OPTION_SPEC, INPUT_OPTION_SPECS, MUNICIPALITY_POSITIONAL, NATION_OPTION_SPEC } from './shared.ts';

export const buildSpec = defineCommand({
  name: 'build',
  summary: { ja: '市町村の報告資料を PDF と HTML で作成する', en: 'render a municipality report to PDF and HTML' },
  positionals: [MUNICIPALITY_POSITIONAL],
  options: {
    out: { type: 'string', value: 'DIR', default: 'out', description: { ja: '出力先のフォルダ', en: 'output folder' } },
    docx: { type: 'boolean', description: { ja: '編集用の Word ファイル（.docx）も書き出す', en: 'also write an editable Word file (.docx)' } },
    ...BROWSER_OPTION_SPEC,
    ...INPUT_OPTION_SPECS,
    ...NATION_OPTION_SPEC,
  },
  example: 'kofukin build data/samples/kyoto-2024/municipality.json',
});
