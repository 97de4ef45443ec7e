/**
 * Options and positionals shared by several command declarations.
 */
import type { OptionSpec, PositionalSpec } from '../spec.ts';

/** Companion files and --strict: the commands that read a municipality's inputs (summary, build, whatif, batch). */
export const INPUT_OPTION_SPECS = {
  national: {
    type: 'string',
    value: 'FILE',
    description: { ja: '全国集計のファイル（市町村ファイルで指定したものの代わりに使う）', en: 'national aggregates file (instead of the one the municipality file names)' },
  },
  peers: {
    type: 'string',
    value: 'GROUPS',
    description: {
      ja: '比較グループ: JSON ファイル、または prefecture・size・designated・コードの一覧（.csv/.xlsx）・none をカンマ区切りで（名前で選ぶグループには全国の評価結果ファイルが必要）',
      en: 'peer groups: a peer group .json, or comma-separated prefecture, size, designated, a list of codes (.csv/.xlsx) or none (groups by name need a national results file)',
    },
  },
  grants: { type: 'string', value: 'FILE', description: { ja: '交付金の推移のファイル', en: 'grant history file' } },
  narrative: { type: 'string', value: 'FILE', description: { ja: '資料の文章（未得点理由など）のファイル', en: 'narrative file (reasons for unscored items, header)' } },
  catalog: { type: 'string', value: 'FILE', description: { ja: '指標カタログ（既定は同梱の年度のもの）', en: 'indicator catalog (default: the bundled one of the fiscal year)' } },
  strict: { type: 'boolean', description: { ja: '警告（理由未記入など）もエラーにする', en: 'treat warnings (e.g. a missing reason text) as errors' } },
} as const satisfies Record<string, OptionSpec>;

/** `--nation FILE` (build, summary, whatif). */
export const NATION_OPTION_SPEC = {
  nation: {
    type: 'string',
    value: 'FILE',
    description: {
      ja: '全国の評価結果ファイル（1市町村1行、CSV/XLSX）：交付金の試算と1点当たりの金額',
      en: 'national results file (one row per municipality, CSV/XLSX): grant estimate and what a point is worth',
    },
  },
} as const satisfies Record<string, OptionSpec>;

export const BROWSER_OPTION_SPEC = {
  browser: {
    type: 'string',
    value: 'PATH',
    description: { ja: '印刷に使う Chrome/Chromium（既定は KOFUKIN_BROWSER、インストール済みのもの）', en: 'Chrome/Chromium to print with (default: KOFUKIN_BROWSER, else an installed one)' },
  },
} as const satisfies Record<string, OptionSpec>;

/** The municipality file of summary, build, whatif. */
export const MUNICIPALITY_POSITIONAL: PositionalSpec = {
  name: 'municipality.json|.xlsx',
  description: { ja: '市町村ファイル（JSON、または kofukin init の記入用ワークブック）', en: 'municipality file (JSON, or the fill-in workbook of kofukin init)' },
  required: true,
  stdin: true,
  fileInDirectory: 'municipality.json',
  extensions: ['.json', '.xlsx'],
};

/** A national results file (national, grants). */
export const NATIONAL_RESULTS_POSITIONAL: PositionalSpec = {
  name: 'national results.csv|.xlsx',
  description: { ja: '全国の評価結果ファイル（1市町村1行、CSV UTF-8 または XLSX）', en: 'national results file (one row per municipality, CSV UTF-8 or XLSX)' },
  required: true,
  stdin: true,
  extensions: ['.csv', '.xlsx'],
};

export const YEAR_OPTION_SPEC = {
  year: { type: 'string', value: 'YYYY', default: '2024', description: { ja: '年度（西暦）', en: 'fiscal year' } },
} as const satisfies Record<string, OptionSpec>;
