/**
 * Every message users read (errors, warnings, progress), as named functions in both languages
 * (Japanese by default, English with `--lang en`; see ./language.ts), so wording stays
 * consistent and tests can refer to it. Blocks of other areas live in messages-<area>.ts files
 * re-exported here.
 */
import { bilingual } from './language.ts';
import './messages-zod.ts';

export * from './messages-readers.ts';
export * from './messages-commands.ts';
export * from './messages-agenda.ts';

const q = (s: string) => `「${s}」`;

// --- places: where in a file a problem is (sheet cells stay `推進!E4`, JSON paths `$.scores["…"]`)
export const placeMessages = bilingual({
  line: { ja: (line: number) => `${line}行目`, en: (line: number) => `line ${line}` },
  lineColumn: { ja: (line: number, column: number) => `${line}行${column}列`, en: (line: number, column: number) => `line ${line}, column ${column}` },
  /** A place with a note after it: `$.scores (line 3, column 4)`, `line 5, column 7 (suishin)`. */
  withNote: { ja: (place: string, note: string) => `${place}（${note}）`, en: (place: string, note: string) => `${place} (${note})` },
});

// --- the shape of a problem line, and the lines around it
export const problemMessages = bilingual({
  errorTag: { ja: () => 'エラー', en: () => 'error' },
  warningTag: { ja: () => '警告', en: () => 'warning' },
  moreProblems: { ja: (n: number) => `…ほか${n}件の問題は省略しました`, en: (n: number) => `… and ${n} more problem(s) not listed` },
  problemsInInput: { ja: (n: number) => `入力に${n}件の問題があります:`, en: (n: number) => `${n} problems in input:` },
  internalError: { ja: (detail: string) => `内部エラー: ${detail}`, en: (detail: string) => `internal error: ${detail}` },
  runWithDebug: {
    ja: () => '（--debug を付けて再実行するとスタックトレースを表示します。これはプログラムの不具合ですので、報告してください）',
    en: () => '(run again with --debug for the stack trace; this is a bug, please report it)',
  },
});

export const messages = bilingual({
  cannotRead: { ja: (reason: string) => `ファイルを読み込めません（${reason}）`, en: (reason: string) => `cannot read file (${reason})` },
  companionNotFound: {
    ja: (what: string, named: string, folder: string, flag: string) =>
      `ここで指定された${what}のファイル「${named}」がありません（${folder} からの相対パスとして探しました）。ここのパスを修正するか、${flag} FILE で指定してください`,
    en: (what: string, named: string, folder: string, flag: string) =>
      `the ${what} file "${named}" named here does not exist (looked for it relative to ${folder}): correct the path here, or give ${flag} FILE`,
  },
  duplicateKey: {
    ja: () => '同じオブジェクトの中に同じキーが2回以上あります（JSON では最後のものだけが残ります）',
    en: () => `key appears more than once in the same object (JSON keeps only the last)`,
  },
  invalidJson: { ja: (detail: string) => `JSON として正しくありません: ${detail}`, en: (detail: string) => `not valid JSON: ${detail}` },
  unknownIndicator: {
    ja: (id: string) => `指標「${id}」は、この年度の指標一覧にありません`,
    en: (id: string) => `unknown indicator "${id}": it is not in the catalog for this fiscal year`,
  },
  missingIndicator: {
    ja: (id: string) => `指標「${id}」の得点がありません。指標一覧のすべての指標に得点を1回ずつ入力してください`,
    en: (id: string) => `indicator "${id}" has no score: every catalog indicator must be scored exactly once`,
  },
  duplicateIndicator: { ja: (id: string) => `指標「${id}」の得点が2回以上入力されています`, en: (id: string) => `indicator "${id}" is scored more than once` },
  scoreAboveMax: {
    ja: (id: string, score: number, max: number) => `指標「${id}」の得点 ${score} は配点の上限 ${max} を超えています`,
    en: (id: string, score: number, max: number) => `score ${score} of "${id}" is above its maximum ${max}`,
  },
  scoreNotAchievable: {
    ja: (id: string, score: number, scoringText: string, achievable: readonly number[]) =>
      `指標「${id}」の得点 ${score} は配点（${scoringText}）で取り得ない値です。取り得る値: ${achievable.join(', ')}`,
    en: (id: string, score: number, scoringText: string, achievable: readonly number[]) =>
      `score ${score} of "${id}" cannot be produced by its 配点 rule (${scoringText}); possible scores are ${achievable.join(', ')}`,
  },
  scoreNegative: { ja: (id: string, score: number) => `指標「${id}」の得点 ${score} が0未満です`, en: (id: string, score: number) => `score ${score} of "${id}" is below 0` },
  totalMismatch: {
    ja: (what: string, stated: number, derived: number) => `記載の${what} ${stated} が、指標の得点から計算した ${derived} と一致しません`,
    en: (what: string, stated: number, derived: number) => `stated ${what} ${stated} does not equal the ${derived} derived from the indicator scores`,
  },
  fiscalYearMismatch: {
    ja: (what: string, stated: number, expected: number) => `${what}は${stated}年度のものですが、資料は${expected}年度のものです`,
    en: (what: string, stated: number, expected: number) => `${what} is for fiscal year ${stated} but the report is for ${expected}`,
  },
  noCatalog: {
    ja: (fiscalYear: number) => `${fiscalYear}年度の指標一覧が data/catalog/ にありません`,
    en: (fiscalYear: number) => `no indicator catalog for fiscal year ${fiscalYear} in data/catalog/`,
  },
  missingNarrative: {
    ja: (id: string) => `未得点の指標「${id}」について、未得点理由・今後の取組の文章がありません`,
    en: (id: string) => `unscored indicator "${id}" has no reason / future-action text in the narrative`,
  },
  narrativeForScoredIndicator: {
    ja: (id: string) => `指標「${id}」の未得点理由が書かれていますが、この指標は未得点ではありません`,
    en: (id: string) => `narrative gives a reason for "${id}" but that indicator is not unscored`,
  },
  duplicatePeer: {
    ja: (code: string) => `団体コード ${code} が比較グループに2回以上あります`,
    en: (code: string) => `municipality code ${code} appears more than once in the peer group`,
  },
  rankMismatch: {
    ja: (what: string, name: string, stated: number, derived: number) => `${name}の${what}順位は ${stated} と記載されていますが、得点から求めると ${derived} です`,
    en: (what: string, name: string, stated: number, derived: number) => `stated ${what} rank of ${name} is ${stated} but the scores give ${derived}`,
  },
  catalogMaxMismatch: {
    ja: (what: string, stated: number, sum: number) => `${what}の配点は ${stated} 点とされていますが、内訳の合計は ${sum} 点です`,
    en: (what: string, stated: number, sum: number) => `${what} states ${stated} points but its parts add up to ${sum}`,
  },
  catalogIdMismatch: {
    ja: (stated: string, expected: string) => `指標ID「${stated}」が指標一覧の中の位置（「${expected}」）と一致しません`,
    en: (stated: string, expected: string) => `indicator id "${stated}" does not match its position in the catalog ("${expected}")`,
  },
  duplicateYear: { ja: (year: number) => `${year}年度が2回以上あります`, en: (year: number) => `fiscal year ${year} appears more than once` },
  meanSumMismatch: {
    ja: (column: string, stated: number, sum: number) => `${column}の平均は ${stated} ですが、内訳の合計は ${sum} です（端数処理で説明できる差を超えています）`,
    en: (column: string, stated: number, sum: number) => `mean of ${column} is ${stated} but its parts add up to ${sum} (more than rounding allows)`,
  },

  // --- money: `kofukin grants --needs`, `--nation`
  needsUnknownColumn: {
    ja: (header: string) => `不明な列${q(header)}です。所要見込額ファイルの列は code、suishin と shien の一方または両方（所要見込額、千円）と、任意で name、prefecture です`,
    en: (header: string) =>
      `unknown column "${header}": a needs file has the columns code, suishin and/or shien (所要見込額 in 千円), and optionally name and prefecture`,
  },
  needsDuplicateColumn: {
    ja: (field: string, first: string) => `列「${field}」が2回以上あります（最初は ${first}）`,
    en: (field: string, first: string) => `column "${field}" appears more than once (first at ${first})`,
  },
  needsNoCode: { ja: () => '列「code」（団体コード）がありません', en: () => 'column "code" (団体コード) is missing' },
  needsNoGrant: {
    ja: () => '金額の列がありません。「suishin」と「shien」の一方または両方（所要見込額、千円）を入れてください',
    en: () => 'no amount column: give "suishin" and/or "shien" (所要見込額, 千円)',
  },
  needsNoRows: { ja: () => '見出し行の後にデータの行がありません', en: () => 'the file has a header row but no rows' },
  needsFieldCount: {
    ja: (count: number, expected: number) => `この行の項目数は ${count} ですが、見出し行は ${expected} 項目です`,
    en: (count: number, expected: number) => `the row has ${count} fields but the header has ${expected}`,
  },
  needsNotAmount: {
    ja: (text: string) => `${q(text)}は金額ではありません。所要見込額は千円単位の整数（例: 120000 または 120,000）で入力し、上限がない場合は空欄にしてください`,
    en: (text: string) =>
      `${JSON.stringify(text)} is not an amount: 所要見込額 is a whole number of 千円 (e.g. 120000 or 120,000), or empty for no cap`,
  },
  needsNegative: { ja: (n: number) => `所要見込額 ${n} が0未満です`, en: (n: number) => `所要見込額 ${n} is below 0` },
  needsBadCode: {
    ja: (text: string) => `${q(text)}は全国地方公共団体コードではありません（6桁、または検査数字を除いた5桁）`,
    en: (text: string) => `${JSON.stringify(text)} is not a 全国地方公共団体コード (6 digits, or 5 without the check digit)`,
  },
  needsBadCheckDigit: {
    ja: (code: string, expected: string) => `団体コード ${code} の検査数字が誤っています（${code.slice(0, 5)} の検査数字は ${expected}）`,
    en: (code: string, expected: string) => `code ${code} has a wrong check digit: ${code.slice(0, 5)} gives ${expected}`,
  },
  needsUnknownCode: {
    ja: (code: string) => `団体コード ${code} は全国の結果ファイルにありません`,
    en: (code: string) => `municipality ${code} is not in the national results file`,
  },
  needsDuplicateCode: {
    ja: (code: string, first: string) => `団体コード ${code} が2回以上あります（最初は ${first}）`,
    en: (code: string, first: string) => `municipality code ${code} appears more than once (first at ${first})`,
  },
  needsUnit: {
    ja: (unit: string) => `単位「${unit}」には対応していません。所要見込額ファイルの金額は千円単位です`,
    en: (unit: string) => `unit "${unit}" is not supported: amounts in a needs file are in 千円`,
  },
  nationNeedsGrantScores: {
    ja: () => '全国の結果ファイルには総合得点しかありません。交付額の試算には交付金ごとの得点（指標の列、または suishin と shien の列）が必要です',
    en: () =>
      "the national results file has only the overall total: the grant estimate needs each grant's score (indicator columns, or the columns suishin and shien)",
  },
  nationRowDiffers: {
    ja: (code: string, what: string, inFile: number, inReport: number) =>
      `全国の結果ファイルでは ${code} の${what}は ${inFile} ですが、資料では ${inReport} です。資料の値を使います`,
    en: (code: string, what: string, inFile: number, inReport: number) =>
      `the national results file gives ${code} a ${what} of ${inFile} but the report has ${inReport}; the report's figure is used`,
  },
});

// --- input layer (src/input): opening, decoding and parsing the user's files. None quotes the
// content of a file.
export const inputMessages = bilingual({
  notRegularFile: { ja: (what: string, expected: string) => `このファイルは${what}で、${expected}ではありません`, en: (what: string, expected: string) => `is ${what}, not ${expected}` },
  fileTooLarge: {
    ja: (kind: string, size: number, cap: number) => `このファイルは${kind}として大きすぎます（${mib(size)}、上限は ${mib(cap)}。README の「Input limits」を参照）`,
    en: (kind: string, size: number, cap: number) =>
      `is too large for ${kind}: ${mib(size)} on disk, the limit is ${mib(cap)} (see "Input limits" in the README)`,
  },
  utf16: {
    ja: (format: string) => `このファイルは UTF-16 のテキストです。${format}を UTF-8 で保存し直してください（Excel:「CSV UTF-8 (コンマ区切り)」、メモ帳: 文字コード UTF-8）`,
    en: (format: string) =>
      `is UTF-16 text, not UTF-8: save the ${format} as UTF-8 (in Excel: "CSV UTF-8 (comma delimited)"; in Notepad: encoding UTF-8)`,
  },
  binaryFile: {
    ja: (format: string) => `このファイルは${format}のテキストではありません。バイナリの制御文字を含んでいます（意図したファイルか確認してください）`,
    en: (format: string) => `is not ${format} text: it holds binary control characters (is it the file you meant?)`,
  },
  notText: {
    ja: (format: string) => `このファイルは UTF-8 でも Shift_JIS でもありません。${format}を UTF-8（BOM の有無は問いません）で保存してください`,
    en: (format: string) => `is neither UTF-8 nor Shift_JIS text: save the ${format} as UTF-8 (with or without BOM)`,
  },
  shiftJisRefused: {
    ja: (format: string) =>
      `このファイルは Shift_JIS（CP932）のテキストです。${format}ファイルは UTF-8 にしてください（メモ帳: 名前を付けて保存 → 文字コード UTF-8、VS Code:「エンコード付きで保存」→ UTF-8）`,
    en: (format: string) =>
      `is Shift_JIS (CP932) text; ${format} files must be UTF-8: re-save it as UTF-8 (Notepad: 名前を付けて保存 → 文字コード UTF-8; VS Code: "Save with Encoding" → UTF-8)`,
  },
  forbiddenKey: {
    ja: (key: string) => `キー「${key}」は使えません（JavaScript で処理する際に失われるか、オブジェクトを変えてしまいます）`,
    en: (key: string) => `key "${key}" is not allowed (it would be lost or change the object on the way through JavaScript)`,
  },
  jsonEmpty: { ja: () => 'ファイルが空です', en: () => 'the file is empty' },
  jsonUnexpectedEnd: {
    ja: () => 'ファイルが途中で終わっています（値、閉じる「}」または「]」が足りません）',
    en: () => 'unexpected end of the file (a value, a closing "}" or "]" is missing)',
  },
  jsonExpectedValue: {
    ja: () => 'ここには値が必要です（二重引用符で囲んだ文字列、数値、オブジェクト、配列、true、false、null のいずれか）',
    en: () => 'expected a value here (a string in double quotes, a number, an object, an array, true, false or null)',
  },
  jsonExpectedKey: { ja: () => '二重引用符で囲んだキーが必要です', en: () => 'expected a key in double quotes' },
  jsonExpectedColon: { ja: () => 'キーの後に「:」が必要です', en: () => 'expected ":" after the key' },
  jsonExpectedCommaOr: { ja: (close: string) => `ここには「,」または「${close}」が必要です`, en: (close: string) => `expected "," or "${close}" here` },
  jsonTrailingComma: {
    ja: () => '閉じかっこの直前にコンマがあります（JSON では末尾のコンマは使えません）',
    en: () => `a comma before the closing bracket (JSON allows no trailing comma)`,
  },
  jsonTrailingText: { ja: () => 'JSON の値の終わりの後にも文字があります', en: () => 'more text after the end of the JSON value' },
  jsonUnterminatedString: { ja: () => '文字列が閉じられていません（二重引用符が足りません）', en: () => 'a string is never closed (a double quote is missing)' },
  jsonControlInString: {
    ja: () => '文字列の中に改行または制御文字があります（\\n や \\t と書いてください）',
    en: () => 'a line break or control character inside a string (write it as \\n or \\t)',
  },
  jsonBadEscape: {
    ja: () => '文字列の中に無効なエスケープがあります（バックスラッシュは \\\\ と2つ重ねてください）',
    en: () => 'an invalid escape sequence in a string (a backslash must be doubled: \\\\)',
  },
  jsonBadNumber: {
    ja: () => 'JSON の数値として正しくありません（先頭の0、「+」、数字のない「.」、NaN、Infinity は使えません）',
    en: () => 'not a valid JSON number (no leading zeros, "+", "." without digits, NaN or Infinity)',
  },
  jsonTooDeep: { ja: (max: number) => `オブジェクトと配列の入れ子が${max}段を超えています`, en: (max: number) => `nested deeper than ${max} levels of objects and arrays` },
  cellError: { ja: (error: string) => `セルがエラー ${error} を表示しています`, en: (error: string) => `the cell shows the error ${error}` },
  emptyCode: { ja: () => '団体コード（code）が空欄です', en: () => '団体コード (code) is empty' },
  tableNoRows: { ja: () => '見出し行の後に市町村の行がありません', en: () => 'the file has a header row but no municipality rows' },
  emptyHeader: { ja: () => '見出しのない列に値があります', en: () => 'a column without a header has values' },
  fieldCount: {
    ja: (count: number, expected: number) => `この行の項目数は ${count} ですが、見出し行は ${expected} 項目です`,
    en: (count: number, expected: number) => `the row has ${count} fields but the header has ${expected}`,
  },
  missingValue: { ja: (what: string) => `${what}が空欄です`, en: (what: string) => `${what} is empty` },
  notBoolean: {
    ja: (text: string) => `${q(text)}は fictional の値（はい/いいえ）として読めません（true/false、1/0、はい/いいえ のいずれかを入力してください）`,
    en: (text: string) => `${JSON.stringify(text)} is not a yes/no value for fictional (use true/false, 1/0 or はい/いいえ)`,
  },
  duplicateColumn: {
    ja: (field: string, first: string) => `列「${field}」が2回以上あります（最初は ${first}）`,
    en: (field: string, first: string) => `column "${field}" appears more than once (first at ${first})`,
  },
  duplicateCode: {
    ja: (code: string, first: string) => `団体コード ${code} が2回以上あります（最初は ${first}）`,
    en: (code: string, first: string) => `municipality code ${code} appears more than once (first at ${first})`,
  },
  badCode: {
    ja: (text: string) => `${q(text)}は全国地方公共団体コードではありません（6桁、または検査数字を除いた5桁）`,
    en: (text: string) => `${JSON.stringify(text)} is not a 全国地方公共団体コード (6 digits, or 5 without the check digit)`,
  },
  badCheckDigit: {
    ja: (code: string, expected: string) => `団体コード ${code} の検査数字が誤っています（${code.slice(0, 5)} の検査数字は ${expected}）`,
    en: (code: string, expected: string) => `code ${code} has a wrong check digit: ${code.slice(0, 5)} gives ${expected}`,
  },
  fiveDigitCode: {
    ja: (text: string) =>
      `「${text}」は5桁です。検査数字付きの6桁の全国地方公共団体コードを入力してください（表計算ソフトが先頭の0を落とした可能性があります。例: 北海道 011002 → 11002。列を文字列の書式にしてください）`,
    en: (text: string) =>
      `"${text}" has 5 digits: give the 6-digit 全国地方公共団体コード with its check digit (a spreadsheet may have dropped a leading 0: 北海道 011002 → 11002; format the column as text)`,
  },
  noHeaderRow: { ja: () => '見出し行がありません', en: () => 'the file has no header row' },
  noSheet: { ja: () => 'ブックにワークシートがありません', en: () => 'the workbook has no worksheet' },
  notXlsx: {
    ja: () => '読み込める .xlsx ブックではありません（ZIP 形式ではありません）。Excel で「Excel ブック (*.xlsx)」として保存してください',
    en: () => 'not a readable .xlsx workbook (it is not a ZIP archive): save it from Excel as "Excel Workbook (*.xlsx)"',
  },
  brokenXlsx: { ja: (detail: string) => `読み込める .xlsx ブックではありません（${detail}）`, en: (detail: string) => `not a readable .xlsx workbook (${detail})` },
  xlsxTooLarge: {
    ja: (cap: number) =>
      `このファイルは大きすぎます。展開すると ${mib(cap)} を超えます（README の「Input limits」を参照）。使っていない行やシートを削除するか、CSV ファイルを指定してください`,
    en: (cap: number) =>
      `is too large: its contents would take more than ${mib(cap)} uncompressed (see "Input limits" in the README); delete unused rows and sheets, or give a CSV file`,
  },
  xlsxTooManyEntries: {
    ja: (count: number, max: number) => `このファイルの内部に ${count} 個の部品があります。.xlsx ブックの部品は通常数十個です（読み込むのは ${max} 個まで）`,
    en: (count: number, max: number) => `has ${count} parts inside; an .xlsx workbook has a few dozen (at most ${max} are read)`,
  },
  formulaWithoutValue: {
    ja: () => 'セルに数式がありますが、計算結果が保存されていません（Excel ではなくプログラムで作られたファイルです）。Excel で開いて保存するか、値を直接入力してください',
    en: () =>
      'the cell has a formula but no saved value (the file was written by a program, not saved by Excel): open and save it in Excel, or type the value',
  },
  /** KIND_LABELS of src/input/file.ts */
  kindJson: { ja: () => 'JSON ファイル', en: () => 'a JSON file' },
  kindCsv: { ja: () => 'CSV ファイル', en: () => 'a CSV file' },
  kindXlsx: { ja: () => '.xlsx ブック', en: () => 'an .xlsx workbook' },
  kindPdf: { ja: () => 'PDF ファイル', en: () => 'a PDF file' },
  aDirectory: { ja: () => 'フォルダー', en: () => 'a directory' },
  aFifo: { ja: () => '名前付きパイプ（FIFO）', en: () => 'a named pipe (FIFO)' },
  aDevice: { ja: () => 'デバイス', en: () => 'a device' },
  aSocket: { ja: () => 'ソケット', en: () => 'a socket' },
  notARegularFile: { ja: () => '通常のファイル以外のもの', en: () => 'not a regular file' },
  unknownError: { ja: () => '不明なエラー', en: () => 'unknown error' },
  // CSV syntax
  csvUnclosedQuote: {
    ja: () => '引用符で囲んだ項目が閉じられていません（二重引用符が足りません）',
    en: () => 'a quoted field is never closed (a double quote is missing)',
  },
  csvTextAfterQuote: {
    ja: () => '項目を閉じる二重引用符の後に文字があります（引用符で囲んだ項目の中の引用符は "" と2つ重ねてください）',
    en: () => 'text after the closing double quote of a field (a quote inside a quoted field must be doubled: "")',
  },
  csvQuoteInField: {
    ja: () => '引用符で囲んでいない項目の中に二重引用符があります（項目を二重引用符で囲み、中の引用符は "" と2つ重ねてください）',
    en: () => 'a double quote inside an unquoted field (enclose the field in double quotes and double the quote: "")',
  },
});

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

// --- output layer (src/output)
/**
 * Messages of the output layer: a file that cannot be written (exit 73) and an interrupted run.
 * `code` is the system error code (EACCES, ENOSPC, …); `culprit` a file standing where a folder
 * of the output's path should be.
 */
const writeCauses = bilingual({
  EACCES: { ja: () => 'アクセス権がありません', en: () => 'permission denied' },
  EPERM: { ja: () => 'この操作は許可されていません', en: () => 'the operation is not permitted' },
  ENOSPC: { ja: () => 'ディスクの空き容量がありません', en: () => 'no space left on the disk' },
  EDQUOT: { ja: () => 'ディスクの使用量の上限を超えています', en: () => 'the disk quota is exceeded' },
  EROFS: { ja: () => '読み取り専用のファイルシステムです', en: () => 'the file system is read-only' },
  EISDIR: { ja: () => '同じ名前のフォルダーがあります', en: () => 'a folder of that name is in the way' },
  ENOTDIR: { ja: () => 'フォルダーがあるべき場所にファイルがあります', en: () => 'a file is in the way where a folder should be' },
  EEXIST: { ja: () => 'フォルダーがあるべき場所に同じ名前のファイルがあります', en: () => 'a file of that name is in the way where a folder should be' },
  ENOENT: { ja: () => 'フォルダーがありません', en: () => 'the folder does not exist' },
  ENAMETOOLONG: { ja: () => '名前が長すぎます', en: () => 'the name is too long' },
  EMLINK: { ja: () => 'フォルダー内の項目が多すぎます', en: () => 'the folder holds too many entries' },
  EXDEV: { ja: () => '一時ファイルが別のファイルシステムにあります', en: () => 'the temporary file is on another file system' },
  EBUSY: { ja: () => 'ファイルが使用中です', en: () => 'the file is in use' },
  ETXTBSY: { ja: () => 'ファイルが使用中です', en: () => 'the file is in use' },
  EIO: { ja: () => 'ディスクの入出力エラーです', en: () => 'an input/output error of the disk' },
});

const writeCauseWords = bilingual({
  culpritIsFile: { ja: (culprit: string) => `${culprit} はファイルで、フォルダーではありません`, en: (culprit: string) => `${culprit} is a file, not a folder` },
  refused: { ja: () => 'システムが書き込みを拒否しました', en: () => 'the system refused to write it' },
});

export function cannotWriteCause(code: string | undefined, culprit?: string): string {
  const cause = code && Object.hasOwn(writeCauses, code) ? writeCauses[code as keyof typeof writeCauses] : undefined;
  const words = culprit ? writeCauseWords.culpritIsFile(culprit) : cause ? cause() : writeCauseWords.refused();
  return `${words}${code ? ` (${code})` : ''}`;
}

export const outputMessages = bilingual({
  cannotWrite: { ja: (path: string, cause: string) => `${path} に書き込めません: ${cause}`, en: (path: string, cause: string) => `cannot write ${path}: ${cause}` },
  cannotRestore: {
    ja: (target: string, backup: string) => `${target} の以前の版を元に戻せませんでした。${backup} として残してあります`,
    en: (target: string, backup: string) => `could not put back the previous version of ${target}; it is kept as ${backup}`,
  },
  interrupted: {
    ja: (signal: string) => `中断しました（${signal}）。この実行で作ったファイルは破棄しました。以前の出力は変更していません`,
    en: (signal: string) => `interrupted (${signal}): the files of this run were discarded; earlier outputs are unchanged`,
  },
  batchStopped: {
    ja: (done: number, total: number) => `出力を書き込めないため、${total}件中${done}件の処理後に一括作成を中止しました`,
    en: (done: number, total: number) => `the batch stopped after ${done} of ${total} report(s) because an output cannot be written`,
  },
});

export { cliMessages } from './messages-cli.ts';
export { previewMessages } from './messages-preview.ts';
export { peersMessages, trendMessages } from './messages-peers.ts';
export { batchRunMessages } from './messages-batch.ts';
