import { defineCommand } from '../spec.ts';

export const synthSpec = defineCommand({
  name: 'synth',
  summary: { ja: 'テスト・ベンチマーク用の架空の全国評価結果ファイルを書き出す', en: 'write a synthetic (fictional) national results file for tests and benchmarks' },
  positionals: [],
  options: {
    seed: { type: 'string', value: 'N', default: '1', description: { ja: '乱数の種（同じ種と件数なら同じファイル）', en: 'random seed (the same seed and count give the same file)' } },
    count: { type: 'string', value: 'N', default: '1741', description: { ja: '市町村の数', en: 'number of municipalities' } },
    out: { type: 'string', value: 'FILE.csv|.xlsx', description: { ja: '出力ファイル（省略時は CSV を標準出力へ）', en: 'output file (without it: CSV to standard output)' } },
    'per-indicator': {
      type: 'boolean',
      description: { ja: '指標ごとの得点の列を書く（batch や build --nation に必要）', en: 'write a column per indicator (needed by batch and build --nation)' },
    },
  },
});
