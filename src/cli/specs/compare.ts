import { defineCommand } from '../spec.ts';

export const compareSpec = defineCommand({
  name: 'compare',
  summary: { ja: '比較グループの比較表を書き出す（.xlsx、--csv で .csv）', en: 'write a peer-group comparison table (.xlsx, or .csv with --csv)' },
  positionals: [
    {
      name: 'peer group.json',
      description: { ja: '比較グループのファイル', en: 'peer group file' },
      required: true,
      stdin: true,
      fileInDirectory: 'peers.json',
      extensions: ['.json'],
    },
  ],
  options: {
    highlight: { type: 'string', value: 'CODE|NAME', description: { ja: '強調する市町村（団体コードまたは名前）', en: 'municipality to highlight (code or name)' } },
    out: {
      type: 'string',
      value: 'FILE',
      description: { ja: '出力ファイル（既定 out/<ファイル名>-compare.xlsx）', en: 'output file (default out/<file name>-compare.xlsx)' },
    },
    csv: { type: 'boolean', description: { ja: 'CSV（UTF-8 BOM付き）で書き出す', en: 'write CSV (UTF-8 with BOM) instead of XLSX' } },
    catalog: { type: 'string', value: 'FILE', description: { ja: '指標カタログ（既定は同梱の年度のもの）', en: 'indicator catalog (default: the bundled one of the fiscal year)' } },
  },
  example: 'kofukin compare data/samples/kyoto-2024/peers.json',
});
