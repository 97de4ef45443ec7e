/**
 * Messages of the command line itself (src/cli.ts, src/cli/): usage errors, hints where a user is
 * likely to be stuck, progress lines, the fallback to bundled national figures, standard input.
 */
import { bilingual } from './language.ts';

export const cliMessages = bilingual({
  // --- usage errors (exit 64); the usage line follows them
  unknownOption: {
    ja: (option: string, suggestion?: string) => `不明なオプション ${option} です${suggestion ? `（${suggestion} のことですか？）` : ''}`,
    en: (option: string, suggestion?: string) => `unknown option ${option}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
  },
  optionNeedsValue: {
    ja: (option: string, value: string) => `${option} には値が必要です（${option} ${value}）`,
    en: (option: string, value: string) => `${option} needs a value (${option} ${value})`,
  },
  optionTakesNoValue: {
    ja: (option: string) => `${option} は値をとりません`,
    en: (option: string) => `${option} takes no value`,
  },
  badArguments: {
    ja: (detail: string) => `引数が正しくありません: ${detail}`,
    en: (detail: string) => `bad arguments: ${detail}`,
  },
  missingArgument: {
    ja: (name: string) => `引数 <${name}> がありません`,
    en: (name: string) => `missing argument <${name}>`,
  },
  tooManyArguments: {
    ja: (extra: string) => `余分な引数があります: ${extra}`,
    en: (extra: string) => `too many arguments: ${extra}`,
  },
  noStdinHere: {
    ja: (name: string) => `<${name}> は標準入力（-）から読めません`,
    en: (name: string) => `<${name}> cannot be read from standard input (-)`,
  },
  stdinTwice: {
    ja: () => '標準入力（-）は1回しか指定できません',
    en: () => 'standard input (-) can be given only once',
  },
  usageWord: { ja: () => '使い方', en: () => 'usage' },
  unknownCommand: {
    ja: (name: string) => `不明なコマンド "${name}" です`,
    en: (name: string) => `unknown command "${name}"`,
  },
  badLang: {
    ja: (value: string) => `--lang には ja または en を指定してください（"${value}" が指定されました）`,
    en: (value: string) => `--lang must be ja or en (got "${value}")`,
  },

  // --- hints (printed after an error or beside a result)
  hint: { ja: (text: string) => `ヒント: ${text}`, en: (text: string) => `hint: ${text}` },
  didYouMeanCommand: {
    ja: (name: string) => `kofukin ${name} のことですか？`,
    en: (name: string) => `did you mean kofukin ${name}?`,
  },
  missingArgumentExample: {
    ja: (example: string) => `例: ${example}`,
    en: (example: string) => `for example: ${example}`,
  },
  directoryGiven: {
    ja: (what: string) => `フォルダです。${what}`,
    en: (what: string) => `is a folder, not a file. ${what}`,
  },
  giveFileInDirectory: {
    ja: (file: string) => `この中のファイルを指定してください: ${file}`,
    en: (file: string) => `give the file in it: ${file}`,
  },
  giveOneOfFiles: {
    ja: (files: string) => `この中のファイルを1つ指定してください（${files}）`,
    en: (files: string) => `give one of the files in it (${files})`,
  },
  noFileInDirectory: {
    ja: (exts: string) => `この中に ${exts} のファイルはありません`,
    en: (exts: string) => `it holds no ${exts} file`,
  },
  fileNotFound: {
    ja: (folder: string) => `ファイルがありません（${folder} を探しました）`,
    en: (folder: string) => `no such file (looked in ${folder})`,
  },
  didYouMeanFile: {
    ja: (file: string) => `${file} のことですか？`,
    en: (file: string) => `did you mean ${file}?`,
  },
  perIndicatorNeeded: {
    ja: () =>
      '指標ごとの得点（suishin.I.i.1 … shien.IV.5 の列）がある全国ファイルを指定してください。試すだけなら kofukin synth --per-indicator --out nation.csv で架空のファイルを作れます',
    en: () =>
      'give a national file with a column per indicator (suishin.I.i.1 … shien.IV.5); to try it out, kofukin synth --per-indicator --out nation.csv writes a fictional one',
  },
  grantColumnsNeeded: {
    ja: () =>
      '推進・支援それぞれの得点（suishin と shien の列、または指標ごとの列）がある全国ファイルを指定してください。試すだけなら kofukin synth --out nation.csv で架空のファイルを作れます',
    en: () =>
      'give a national file with each grant\'s score (the columns suishin and shien, or a column per indicator); to try it out, kofukin synth --out nation.csv writes a fictional one',
  },
  wroteToDefaultOut: {
    ja: (dir: string) => `${dir} に書き出しました（書き出し先は --out DIR で変えられます）`,
    en: (dir: string) => `written to ${dir} (choose another folder with --out DIR)`,
  },

  // --- the 記入例の項目 cell of the fill-in workbook
  unknownIllustrativeField: {
    ja: (name: string, known: string) => `「${name}」は見出しの項目名ではありません（${known} から選んでください）`,
    en: (name: string, known: string) => `"${name}" is not a header field (choose from ${known})`,
  },

  // --- standard input
  stdinName: { ja: () => '標準入力', en: () => 'stdin' },

  // --- the bundled national figures used when the named file is missing
  nationalFallback: {
    ja: (named: string, bundled: string) =>
      `ここで指定された全国集計のファイル "${named}" が見つからないため、同梱の全国集計 ${bundled} を使いました（このセルを直すか、--national FILE を指定してください。--strict ではエラーになります）`,
    en: (named: string, bundled: string) =>
      `the national aggregates file "${named}" named here does not exist, so the bundled national figures ${bundled} were used (correct the path here or give --national FILE; an error under --strict)`,
  },

  // --- progress on standard error
  reading: { ja: (file: string) => `読み込み: ${file}`, en: (file: string) => `reading ${file}` },
  deriving: { ja: () => '集計中…', en: () => 'deriving…' },
  rendering: { ja: () => '組版中…', en: () => 'rendering…' },
  printing: { ja: () => '印刷中…', en: () => 'printing…' },
  printingCover: { ja: () => '表紙を印刷中…', en: () => 'printing the cover…' },
  binding: { ja: (n: number) => `${n}件の PDF を綴じています…`, en: (n: number) => `binding ${n} PDF(s)…` },
  allocating: { ja: () => '交付金を試算中…', en: () => 'estimating the grants…' },
  comparing: { ja: () => '比較表を作成中…', en: () => 'making the comparison table…' },
  synthesizing: { ja: (n: number) => `${n}市町村を生成中…`, en: (n: number) => `generating ${n} municipalities…` },
  writing: { ja: (file: string) => `書き出し: ${file}`, en: (file: string) => `writing ${file}` },
  writingFiles: { ja: () => 'ファイルを書き出し中…', en: () => 'writing the files…' },
});
