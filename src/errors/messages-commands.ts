/**
 * Messages of the commands (src/commands), the batch run (src/batch) and printing (src/print):
 * errors in the values given to a command, warnings and progress. Re-exported from ./messages.ts.
 * (Usage lines and --help texts are the commands' own.)
 */
import { bilingual } from './language.ts';

/** Errors in the values of options and arguments (the command appends its usage line). */
export const commandMessages = bilingual({
  missingArgument: { ja: () => '引数が足りません', en: () => 'missing argument' },
  tooManyArguments: { ja: () => '引数が多すぎます', en: () => 'too many arguments' },
  unexpectedArgument: { ja: (arg: string) => `余分な引数「${arg}」があります`, en: (arg: string) => `unexpected argument "${arg}"` },
  yearNotFiscal: {
    ja: (value: string) => `--year には 2024 のような年度（西暦）を指定してください（指定値: 「${value}」）`,
    en: (value: string) => `--year must be a fiscal year such as 2024, not "${value}"`,
  },
  yearNotWestern: {
    ja: (value: string) => `--year には 2024 のような西暦の年度を指定してください（指定値: 「${value}」）`,
    en: (value: string) => `--year must be a western fiscal year such as 2024, not "${value}"`,
  },
  codeNot6: {
    ja: (value: string) => `--code には6桁の全国地方公共団体コードを指定してください（指定値: 「${value}」）`,
    en: (value: string) => `--code must be a 6-digit 全国地方公共団体コード, not "${value}"`,
  },
  dateNotIso: {
    ja: (value: string) => `--date は YYYY-MM-DD の形で指定してください（指定値: 「${value}」）`,
    en: (value: string) => `--date must be YYYY-MM-DD, not "${value}"`,
  },
  dateNotIsoWritten: {
    ja: (value: string) => `--date は YYYY-MM-DD の形の日付で指定してください（指定値: 「${value}」）`,
    en: (value: string) => `--date must be a date written YYYY-MM-DD, not "${value}"`,
  },
  dateBeforeShowa: {
    ja: (value: string) => `--date ${value} は昭和より前の日付です。表紙に和暦で書けません`,
    en: (value: string) => `--date ${value} is before the 昭和 era; the cover cannot write it as a Japanese date`,
  },
  topNotPositive: {
    ja: (value: string) => `--top には1以上の整数を指定してください（指定値: 「${value}」）`,
    en: (value: string) => `--top must be a positive whole number, not "${value}"`,
  },
  concurrencyRange: { ja: () => '--concurrency には 1〜32 の整数を指定してください', en: () => '--concurrency must be a whole number 1–32' },
  shardFormat: {
    ja: (value: string) => `--shard は i/n（1 ≤ i ≤ n）の形で指定してください（指定値: 「${value}」）`,
    en: (value: string) => `--shard must be i/n with 1 ≤ i ≤ n, not "${value}"`,
  },
  seedRange: {
    ja: (value: string) => `--seed には 0〜4294967295 の整数を指定してください（指定値: 「${value}」）`,
    en: (value: string) => `--seed must be a whole number from 0 to 4294967295, not "${value}"`,
  },
  countRange: {
    ja: (max: number, value: string) => `--count には 1〜${max} の整数を指定してください（指定値: 「${value}」）`,
    en: (max: number, value: string) => `--count must be a whole number from 1 to ${max}, not "${value}"`,
  },
  outCsvOrXlsx: {
    ja: (value: string) => `--out のファイル名は .csv か .xlsx で終わるようにしてください（指定値: 「${value}」）`,
    en: (value: string) => `--out must end in .csv or .xlsx, not "${value}"`,
  },
  outExtension: {
    ja: (ext: string, csv: boolean, value: string) =>
      `--out のファイル名は ${ext} で終わるようにしてください${csv ? '（--csv 指定時）' : '（CSV ファイルにするには --csv を指定してください）'}: 「${value}」`,
    en: (ext: string, csv: boolean, value: string) => `--out must end in ${ext}${csv ? ' with --csv' : ' (give --csv for a CSV file)'}: "${value}"`,
  },
  outXlsx: {
    ja: (value: string) => `--out には .xlsx ファイルを指定してください（指定値: 「${value}」）`,
    en: (value: string) => `--out must name a .xlsx file, not "${value}"`,
  },
  outExists: {
    ja: (out: string) => `${out} は既にあり、入力済みの内容が含まれている可能性があります。上書きするには --force を指定するか、別の --out を指定してください`,
    en: (out: string) => `${out} already exists and may hold filled-in work; give --force to overwrite it or choose another --out`,
  },
  highlightNotFound: {
    ja: (h: string, group: string, file: string) => `--highlight ${h}: ${group}には、この団体コードまたは名称の市町村がありません（${file}）`,
    en: (h: string, group: string, file: string) => `--highlight ${h}: no member of ${group} has that code or name (${file})`,
  },
  budgetInvalid: {
    ja: (grant: string, text: string, reason: string) => `--budget-${grant}「${text}」: ${reason}`,
    en: (grant: string, text: string, reason: string) => `--budget-${grant} "${text}" ${reason}`,
  },
  budgetRequired: {
    ja: (grant: string, year: number) => `--budget-${grant} を指定してください。${year}年度の公表された予算額が分かりません`,
    en: (grant: string, year: number) => `--budget-${grant} is required: no published budget is known for fiscal year ${year}`,
  },
  noScoringRules: {
    ja: (year: number, path: string) => `${year}年度の配点ルールがありません（${path}）`,
    en: (year: number, path: string) => `no scoring rules for fiscal year ${year} (${path})`,
  },
  // agenda
  noPdf: { ja: () => '綴じる PDF がありません。資料の PDF を1つ以上指定してください', en: () => 'no PDF to bind: give one or more report PDFs' },
  titleRequired: { ja: () => '--title（資料綴りの表題）を指定してください', en: () => '--title is required (the packet title)' },
  dateRequired: { ja: () => '--date（会議の日付、YYYY-MM-DD）を指定してください', en: () => '--date is required (the meeting date, YYYY-MM-DD)' },
  docTitleCount: {
    ja: (given: number, pdfs: number) => `--doc-title が${given}個ありますが、PDF は${pdfs}個です。PDF 1つにつき1個まで、順番に指定してください`,
    en: (given: number, pdfs: number) => `${given} --doc-title given for ${pdfs} PDF(s): give at most one per PDF, in order`,
  },
  docTitleEmpty: { ja: () => '--doc-title を空にはできません', en: () => '--doc-title must not be empty' },
  // init
  identityWithFile: {
    ja: (flag: string) => `--${flag} は市町村のファイルと同時には指定できません（市町村はファイルから決まります）`,
    en: (flag: string) => `--${flag} cannot be combined with a municipality file (the file gives the municipality)`,
  },
  yearDoesNotMatchFile: {
    ja: (year: number, fileYear: number) => `--year ${year} が市町村のファイル（${fileYear}年度）と一致しません`,
    en: (year: number, fileYear: number) => `--year ${year} does not match the municipality file, which is for fiscal year ${fileYear}`,
  },
  fileOrIdentity: {
    ja: (missing: string) => `市町村のファイルを指定するか、--code --name --prefecture --insured --year をすべて指定してください（不足: ${missing}）`,
    en: (missing: string) => `give a municipality file, or all of --code --name --prefecture --insured --year (missing: ${missing})`,
  },
});

/** Warnings and information a command writes to stderr. */
export const runMessages = bilingual({
  untaggedPacket: {
    ja: () => '入力した PDF の一部がタグ付き PDF ではないため、資料綴りには構造ツリーを付けません（タグ付き PDF になりません）',
    en: () => 'not every input PDF is tagged, so the packet carries no structure tree (it is not a tagged PDF)',
  },
  outsideResources: {
    ja: (n: number, list: string) => `ページが外部のリソースを${n}件要求しましたが、拒否しました: ${list}`,
    en: (n: number, list: string) => `the page asked for ${n} outside resource(s), refused: ${list}`,
  },
  nationalTimings: {
    ja: (count: number, timings: string) => `${count}市町村。${timings}`,
    en: (count: number, timings: string) => `${count} municipalities; ${timings}`,
  },
});

/** The batch run: its start line, progress and summary. */
export const batchMessages = bilingual({
  start: {
    ja: (jobs: number, all: number, shard: string, outDir: string) => `${all}市町村中${jobs}市町村${shard ? `（分割 ${shard}）` : ''} → ${outDir}`,
    en: (jobs: number, all: number, shard: string, outDir: string) => `${jobs} of ${all} municipalities${shard ? ` (shard ${shard})` : ''} → ${outDir}`,
  },
  progress: {
    ja: (processed: number, total: number, rate: string, eta: string, failed: number, skipped: number) =>
      `${processed}/${total}  毎秒${rate}件  残り約${eta}${failed ? `  失敗 ${failed}` : ''}${skipped ? `  変更なし ${skipped}` : ''}`,
    en: (processed: number, total: number, rate: string, eta: string, failed: number, skipped: number) =>
      `${processed}/${total}  ${rate} reports/s  ETA ${eta}${failed ? `  failed ${failed}` : ''}${skipped ? `  unchanged ${skipped}` : ''}`,
  },
  progressLine: { ja: (text: string) => `進捗: ${text}`, en: (text: string) => `progress: ${text}` },
  summary: {
    ja: (built: number, unchanged: number, failed: number, total: number, seconds: string, rate: string, restarts: number) =>
      `${total}件中 作成 ${built}件、変更なし ${unchanged}件、失敗 ${failed}件（${seconds}秒、毎秒${rate}件、ブラウザー再起動 ${restarts}回）`,
    en: (built: number, unchanged: number, failed: number, total: number, seconds: string, rate: string, restarts: number) =>
      `built ${built}, unchanged ${unchanged}, failed ${failed} of ${total} in ${seconds} s (${rate} reports/s, browser restarts ${restarts})`,
  },
  summaryFile: { ja: (file: string) => `集計: ${file}`, en: (file: string) => `summary: ${file}` },
  codeHeader: { ja: () => '団体コード', en: () => 'code' },
  nameHeader: { ja: () => '市町村名', en: () => 'name' },
  errorHeader: { ja: () => 'エラー', en: () => 'error' },
  stopped: { ja: (cause: string, stopped: string) => `${cause}。${stopped}`, en: (cause: string, stopped: string) => `${cause}; ${stopped}` },
});

/** Finding and starting the browser that prints the PDFs (exit 69), and the document date. */
export const browserMessages = bilingual({
  cannotConnect: {
    ja: (endpoint: string, env: string, detail: string) => `${endpoint} のブラウザーに接続できません（オプション browserWSEndpoint または環境変数 ${env}）: ${detail}`,
    en: (endpoint: string, env: string, detail: string) => `cannot connect to the browser at ${endpoint} (option browserWSEndpoint or env ${env}): ${detail}`,
  },
  givenNotExecutable: {
    ja: (given: string, path: string) => `${given} で指定されたブラウザーは使えません: ${path}: このパスに実行可能ファイルがありません`,
    en: (given: string, path: string) => `the browser given by ${given} cannot be used: ${path}: no executable file at this path`,
  },
  givenLaunchFailed: {
    ja: (given: string, path: string, detail: string) => `${given} で指定されたブラウザーは使えません: ${path}: 起動に失敗しました: ${detail}`,
    en: (given: string, path: string, detail: string) => `the browser given by ${given} cannot be used: ${path}: launch failed: ${detail}`,
  },
  explicitNotSet: {
    ja: (env: string) => `指定なし（オプション executablePath または環境変数 ${env}）`,
    en: (env: string) => `not set (option executablePath or env ${env})`,
  },
  noneFound: { ja: (where: string) => `見つかりません（探した場所: ${where}）`, en: (where: string) => `none found (looked at ${where})` },
  onPath: { ja: (commands: string) => `PATH 上の ${commands}`, en: (commands: string) => `${commands} on PATH` },
  launchFailed: { ja: (detail: string) => `起動に失敗しました: ${detail}`, en: (detail: string) => `launch failed: ${detail}` },
  disabledByOption: { ja: () => 'オプションで無効', en: () => 'disabled by option' },
  notLoadable: {
    ja: (detail: string) => `パッケージがインストールされていないか、読み込めません: ${detail}`,
    en: (detail: string) => `package not installed or not loadable: ${detail}`,
  },
  cannotUnpack: { ja: (detail: string) => `同梱の Chromium を展開できません: ${detail}`, en: (detail: string) => `could not unpack its Chromium: ${detail}` },
  noBrowser: {
    ja: (tried: string, env: string) =>
      `PDF の印刷に使うブラウザーがありません。試したもの:\n${tried}\nChromium をインストールする（例: apt-get install chromium）か、${env}=/path/to/chrome を設定するか、任意の依存パッケージ @sparticuz/chromium をインストールしてください。`,
    en: (tried: string, env: string) =>
      `no browser to print the PDF with. Tried:\n${tried}\nInstall Chromium (e.g. apt-get install chromium), set ${env}=/path/to/chrome, or install the optional dependency @sparticuz/chromium.`,
  },
  sourceDateEpoch: {
    ja: (value: string) => `SOURCE_DATE_EPOCH は 1970-01-01 UTC からの秒数（整数）で指定してください（指定値: 「${value}」）`,
    en: (value: string) => `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, not "${value}"`,
  },
});

/** Amounts of money typed on the command line (`--budget-suishin 100億`): the reason after the text. */
export const amountMessages = bilingual({
  empty: { ja: () => '空です', en: () => 'is empty' },
  notAmount: {
    ja: (rest: string) => `は金額ではありません（「${rest}」の部分）。100億、100億円、1.5兆、10000000000 のように書いてください`,
    en: (rest: string) => `is not an amount (at "${rest}"): write e.g. 100億, 100億円, 1.5兆 or 10000000000`,
  },
  digitsAfterYen: { ja: () => '円の部分の後に数字があります', en: () => 'has digits after the yen part' },
  unitsOrder: { ja: () => '単位の順序が違います（兆、億、万の順）', en: () => `has its units out of order (兆, then 億, then 万)` },
  notWholeYen: { ja: () => '円単位の整数になりません', en: () => `is not a whole number of yen` },
  notPositive: { ja: () => '0円より大きくしてください', en: () => 'must be more than 0 yen' },
  tooLarge: { ja: () => '大きすぎます', en: () => 'is too large' },
});
