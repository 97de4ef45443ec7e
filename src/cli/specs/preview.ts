import { defineCommand } from '../spec.ts';
import { BROWSER_OPTION_SPEC, INPUT_OPTION_SPECS, NATION_OPTION_SPEC } from './shared.ts';

/** Default port of `kofukin preview` (also in src/commands/preview.ts). */
export const DEFAULT_PREVIEW_PORT = 8040;

export const previewSpec = defineCommand({
  name: 'preview',
  summary: {
    ja: '市町村の報告資料を localhost で HTML として表示し、入力ファイルの保存のたびに作り直す（PDF は /report.pdf）',
    en: 'serve a municipality report as HTML on localhost, rebuilt when an input file is saved (PDF at /report.pdf)',
  },
  positionals: [
    {
      name: 'municipality.json|.xlsx',
      description: { ja: '市町村ファイル（JSON、または kofukin init の記入用ワークブック）', en: 'municipality file (JSON, or the fill-in workbook of kofukin init)' },
      required: true,
      fileInDirectory: 'municipality.json',
      extensions: ['.json', '.xlsx'],
    },
  ],
  options: {
    port: { type: 'string', value: 'N', default: String(DEFAULT_PREVIEW_PORT), description: { ja: 'ポート番号（0 は空いているもの）', en: 'port (0 = any free port)' } },
    host: { type: 'string', value: 'HOST', default: '127.0.0.1', description: { ja: '待ち受けるアドレス', en: 'address to listen on' } },
    ...BROWSER_OPTION_SPEC,
    ...INPUT_OPTION_SPECS,
    ...NATION_OPTION_SPEC,
  },
  example: 'kofukin preview data/samples/kyoto-2024/municipality.json',
});
