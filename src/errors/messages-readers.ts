/**
 * Messages of the readers of the user's tables and workbooks (national results, raw values, the
 * fill-in workbook), the words they name fields with, and our own schema wordings. Re-exported
 * from ./messages.ts; the readers re-export their blocks under their old names.
 */
import { bilingual } from './language.ts';

const q = (s: string) => `「${s}」`;

/** Names of fields and values used inside other messages ("{what} is empty"). */
export const termMessages = bilingual({
  prefectureField: { ja: () => '都道府県（prefecture）', en: () => '都道府県 (prefecture)' },
  nameField: { ja: () => '市区町村名（name）', en: () => '市区町村名 (name)' },
  insuredField: { ja: () => '第1号被保険者数（insuredType1）', en: () => '第1号被保険者数 (insuredType1)' },
  scoreOf: { ja: (id: string) => `${id} の得点`, en: (id: string) => `the score of ${id}` },
  keyScore: { ja: (key: string) => `${key} の得点`, en: (key: string) => `${key} score` },
  grantScore: { ja: (key: string) => `${key} の得点`, en: (key: string) => `the ${key} score` },
  scoreOfName: { ja: (grant: string, name: string) => `${name}の${grant}得点`, en: (grant: string, name: string) => `${grant} score of ${name}` },
  grantTotal: { ja: (key: string) => `合計点（${key}）`, en: (key: string) => `${key} total` },
  total: { ja: () => '総合得点（total）', en: () => 'total' },
  totalOfName: { ja: (name: string) => `${name}の総合得点`, en: (name: string) => `総合 of ${name}` },
  theRow: { ja: () => 'この行', en: () => 'row' },
  /** `{label} {zod message}`: "the score of X must be a whole number" */
  fieldIssue: { ja: (label: string, issue: string) => `${label}: ${issue}`, en: (label: string, issue: string) => `${label} ${issue}` },
  theIndicatorCatalog: { ja: () => '指標一覧', en: () => 'the indicator catalog' },
  theMunicipalityFile: { ja: () => '市町村のファイル', en: () => 'the municipality file' },
  thePeerGroup: { ja: () => '比較グループ', en: () => 'the peer group' },
  catalogGroup: { ja: (prefix: string, parts: string) => `指標群「${prefix}」（${parts}）`, en: (prefix: string, parts: string) => `group "${prefix}" (${parts})` },
  catalogGoal: { ja: (id: string) => `目標「${id}」`, en: (id: string) => `goal "${id}"` },
  catalogGrant: { ja: (id: string) => `交付金「${id}」`, en: (id: string) => `grant "${id}"` },
  ruleOf: { ja: (id: string) => `指標「${id}」の配点ルール`, en: (id: string) => `rule of "${id}"` },
  nationalColumn: { ja: (target: string) => `列 ${target}`, en: (target: string) => `column ${target}` },
  companionNational: { ja: () => '全国集計', en: () => 'national aggregates (全国集計)' },
  companionPeers: { ja: () => '比較グループ', en: () => 'peer group (比較グループ)' },
  companionGrants: { ja: () => '交付金の推移', en: () => 'grant history (交付金の推移)' },
  companionNarrative: { ja: () => '資料の文章', en: () => 'narrative (資料の文章)' },
});

/** Our own wordings inside zod schemas (zod's own are in ./messages-zod.ts). */
export const schemaMessages = bilingual({
  notEmpty: { ja: () => '空欄にはできません', en: () => 'must not be empty' },
  wholeNumber: { ja: () => '整数で入力してください', en: () => 'must be a whole number' },
  notNegative: { ja: () => '0以上の値を入力してください', en: () => 'must not be negative' },
  positive: { ja: () => '1以上の値を入力してください', en: () => 'must be a positive number' },
  localGovCode: { ja: () => '6桁の全国地方公共団体コードで入力してください', en: () => 'must be a 6-digit 全国地方公共団体コード' },
  nationalCode: {
    ja: () => '6桁の全国地方公共団体コード（または検査数字を除いた5桁）で入力してください',
    en: () => 'must be a 6-digit 全国地方公共団体コード (or 5 digits without the check digit)',
  },
  writtenAs: { ja: (code: string) => `${code} と書いてください`, en: (code: string) => `must be written as ${code}` },
  nationalColumnKey: {
    ja: () => '全国集計の列キー（例: "suishin.I.process"、"shien.IV"、"suishin.total"、"all.total"）で指定してください',
    en: () => 'must be a national column key such as "suishin.I.process", "shien.IV", "suishin.total" or "all.total"',
  },
  duplicateRuleItem: { ja: (id: string) => `項目ID「${id}」がルールの中に2回以上あります`, en: (id: string) => `item id "${id}" appears more than once in the rule` },
  ruleMaxPoints: {
    ja: (stated: number, computed: number) => `maxPoints は ${stated} ですが、このルールで得られるのは最大 ${computed} 点です`,
    en: (stated: number, computed: number) => `maxPoints is ${stated} but the rule can give at most ${computed}`,
  },
});

/** src/national/read.ts (the national results table). */
export const nationalReaderMessages = bilingual({
  unknownColumn: {
    ja: (header: string) =>
      `不明な列${q(header)}です。列は code、prefecture、name、insuredType1、指標一覧の指標ID（例: suishin.I.i.1）、suishin、shien、total、fictional です`,
    en: (header: string) =>
      `unknown column "${header}": columns are code, prefecture, name, insuredType1, the indicator ids of the catalog (e.g. suishin.I.i.1), suishin, shien, total and fictional`,
  },
  missingColumn: { ja: (field: string) => `列「${field}」がありません`, en: (field: string) => `column "${field}" is missing` },
  missingIndicatorColumns: {
    ja: (ids: readonly string[], count: number) =>
      `指標の列が${count}列ありません（${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ', …' : ''}）。すべての指標の得点を入れるか、指標の列を入れずに交付金ごとの合計 suishin と shien を入れてください`,
    en: (ids: readonly string[], count: number) =>
      `${count} indicator column(s) missing (${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ', …' : ''}): give every indicator's score or none (then the grant totals suishin and shien)`,
  },
  halfGrantTotals: {
    ja: (present: string, missing: string) => `列「${present}」がありますが「${missing}」がありません。交付金ごとの合計は両方入れてください`,
    en: (present: string, missing: string) => `column "${present}" is given without "${missing}": give both grant totals`,
  },
  noScoreColumns: {
    ja: () => '得点の列がありません。すべての指標の得点（suishin.I.i.1 …）、交付金ごとの合計 suishin と shien、または少なくとも total を入れてください',
    en: () => 'no score columns: give every indicator score (suishin.I.i.1 …), or the grant totals suishin and shien, or at least total',
  },
  notANumber: {
    ja: (text: string, what: string) => `${q(text)}は数値ではありません。${what}は整数で入力してください`,
    en: (text: string, what: string) => `${JSON.stringify(text)} is not a number: ${what} must be a whole number`,
  },
  unknownPrefecture: {
    ja: (name: string) => `「${name}」は47都道府県のいずれでもありません（京都府、北海道のように正式名称で入力してください）`,
    en: (name: string) => `"${name}" is not one of the 47 prefectures (write the full name, e.g. 京都府, 北海道)`,
  },
  codeOutsidePrefectures: {
    ja: (code: string) => `団体コード ${code} の先頭が都道府県コード（01〜47）ではありません`,
    en: (code: string) => `code ${code} does not start with a prefecture code (01 … 47)`,
  },
  prefectureMismatch: {
    ja: (name: string, code: string, expected: string) => `都道府県「${name}」が団体コード ${code} と一致しません（先頭2桁 ${code.slice(0, 2)} は${expected}です）`,
    en: (name: string, code: string, expected: string) =>
      `prefecture "${name}" does not match code ${code}: its first two digits ${code.slice(0, 2)} are ${expected}`,
  },
});

/** src/scoring/raw-file.ts (the raw values of ranked indicators). */
export const rawReaderMessages = bilingual({
  unknownColumn: {
    ja: (header: string) =>
      `不明な列${q(header)}です。列は code、name、prefecture、fictional と順位付けの系列（例: suishin.II.ii.1、shien.I.ii.4/ア。すべてのキーは data/catalog/fy<年度>.series.json にあります）です`,
    en: (header: string) =>
      `unknown column "${header}": columns are code, name, prefecture, fictional and the ranked series (e.g. suishin.II.ii.1, shien.I.ii.4/ア; every key is listed in data/catalog/fy<year>.series.json)`,
  },
  severalSeries: {
    ja: (header: string, keys: readonly string[]) => `列${q(header)}: この指標は${keys.length}系列で順位付けされます。系列ごとに1列ずつ入れてください: ${keys.join(', ')}`,
    en: (header: string, keys: readonly string[]) =>
      `column "${header}": this indicator is ranked in ${keys.length} series; give one column per series: ${keys.join(', ')}`,
  },
  singleSeries: {
    ja: (header: string, key: string) => `列${q(header)}: ${key} は1系列で順位付けされます。列名を ${key} にしてください`,
    en: (header: string, key: string) => `column "${header}": ${key} is ranked in a single series; name the column ${key}`,
  },
  notRanked: {
    ja: (header: string, id: string) =>
      `列${q(header)}: ${id} は実数値から上位7割…上位1割に順位付けする指標ではありません（自己申告または項目数による得点です）。実数値の列はありません`,
    en: (header: string, id: string) =>
      `column "${header}": ${id} is not ranked into 上位7割…上位1割 from a raw value (its score is self-reported or counts items), so it has no raw value column`,
  },
  unknownSeries: {
    ja: (header: string, id: string, keys: readonly string[]) => `列${q(header)}: ${id} にこの系列はありません。列は ${keys.join(', ')} です`,
    en: (header: string, id: string, keys: readonly string[]) => `column "${header}": ${id} has no such series; its columns are ${keys.join(', ')}`,
  },
  missingCode: {
    ja: () => '列「code」がありません。最初の列を6桁の全国地方公共団体コードにしてください',
    en: () => 'column "code" is missing: the first column should be the 6-digit 全国地方公共団体コード',
  },
  noSeries: {
    ja: () => '順位付けの系列の列がありません。suishin.II.ii.1 や shien.I.ii.4/ア のような列を少なくとも1つ入れてください',
    en: () => 'no ranked series columns: give at least one column such as suishin.II.ii.1 or shien.I.ii.4/ア',
  },
  notANumber: {
    ja: (text: string, key: string, measure: string) => `${q(text)}は数値ではありません。${key}（${measure}）の値は 12.3 や -0.5 のような数値で入力してください`,
    en: (text: string, key: string, measure: string) =>
      `${JSON.stringify(text)} is not a number: the value of ${key} (${measure}) must be a number such as 12.3 or -0.5`,
  },
  codeNotInFile: {
    ja: (code: string, who: string) => `団体コード ${code}${who}の行がありません。実数値ファイルにその行（code ${code}）を追加してください`,
    en: (code: string, who: string) => `no row for municipality code ${code}${who}: add its row (code ${code}) to the raw values file`,
  },
  who: { ja: (parts: readonly string[]) => `（${parts.join('、')}）`, en: (parts: readonly string[]) => ` (${parts.join(', ')})` },
  fromFile: { ja: (file: string) => `${file} で指定`, en: (file: string) => `from ${file}` },
  noSeriesData: {
    ja: (fiscalYear: number, cause: string) => `${fiscalYear}年度の順位付けの系列データがありません: ${cause}`,
    en: (fiscalYear: number, cause: string) => `no ranked-series data for fiscal year ${fiscalYear}: ${cause}`,
  },
});

/** src/workbook/read.ts (the fill-in workbook; the cell is in the location). */
export const workbookReaderMessages = bilingual({
  notXlsx: {
    ja: () => '.xlsx ブックではありません。市町村の .json ファイルか、`kofukin init` で作ったブックを指定してください',
    en: () => 'not a .xlsx workbook: give a municipality .json file or a workbook made by `kofukin init`',
  },
  missingSheet: {
    ja: (sheet: string, required: readonly string[]) => `シート「${sheet}」がありません。ブックには ${required.join('、')} のシートが必要です（\`kofukin init\` で新しく作れます）`,
    en: (sheet: string, required: readonly string[]) =>
      `sheet "${sheet}" is missing: the workbook needs the sheets ${required.join(', ')} (make a new one with \`kofukin init\`)`,
  },
  missingHeader: {
    ja: (sheet: string, first: string) => `シート「${sheet}」に見出し行（A列の「${first}」）がありません`,
    en: (sheet: string, first: string) => `no header row (「${first}」 in column A) on sheet "${sheet}"`,
  },
  missingInfoRow: { ja: (label: string) => `A列に「${label}」の行がありません`, en: (label: string) => `no row labelled 「${label}」 in column A` },
  emptyRequired: { ja: (label: string) => `${label}が空欄です`, en: (label: string) => `${label} is empty` },
  notANumber: { ja: (text: string, what: string) => `${q(text)}は数値ではありません。${what}`, en: (text: string, what: string) => `${JSON.stringify(text)} is not a number: ${what}` },
  notWhole: { ja: (value: number, what: string) => `${value} は整数ではありません。${what}`, en: (value: number, what: string) => `${value} is not a whole number: ${what}` },
  outOfRange: { ja: (value: number, what: string) => `${value} は範囲外です。${what}`, en: (value: number, what: string) => `${value} is out of range: ${what}` },
  badValue: { ja: (what: string) => `正しい値ではありません。${what}`, en: (what: string) => `not a valid value: ${what}` },
  emptyScore: {
    ja: (ref: string, id: string, max: number) => `${ref}（${id}）の得点がありません。0〜${max} の整数を入力してください`,
    en: (ref: string, id: string, max: number) => `no score for ${ref} (${id}): enter a whole number from 0 to ${max}`,
  },
  scoreAboveMax: {
    ja: (score: number, max: number, ref: string, id: string) => `得点 ${score} は ${ref}（${id}）の配点の上限 ${max} を超えています`,
    en: (score: number, max: number, ref: string, id: string) => `${score} is above the maximum ${max} of ${ref} (${id})`,
  },
  scoreNegative: {
    ja: (score: number, ref: string, id: string) => `${ref}（${id}）の得点 ${score} が0未満です`,
    en: (score: number, ref: string, id: string) => `${score} is below 0 for ${ref} (${id})`,
  },
  scoreText: {
    ja: (text: string, ref: string, id: string, max: number) => `${q(text)}は数値ではありません。${ref}（${id}）の得点は 0〜${max} の整数で入力してください`,
    en: (text: string, ref: string, id: string, max: number) =>
      `${JSON.stringify(text)} is not a number: the score of ${ref} (${id}) must be a whole number from 0 to ${max}`,
  },
  wrongSheet: { ja: (id: string, sheet: string) => `指標「${id}」はシート「${sheet}」の指標です`, en: (id: string, sheet: string) => `indicator "${id}" belongs on sheet "${sheet}"` },
  duplicateIndicator: {
    ja: (id: string, first: string) => `指標「${id}」が2回以上あります（最初は ${first}）`,
    en: (id: string, first: string) => `indicator "${id}" appears more than once (first at ${first})`,
  },
  missingIndicator: {
    ja: (ref: string, id: string) => `指標 ${ref}（${id}）の行がありません。行が削除されています。指標一覧のすべての指標に得点の行が必要です`,
    en: (ref: string, id: string) => `indicator ${ref} (${id}) is missing: its row was deleted; every catalog indicator needs a row with a score`,
  },
  scoreWithoutId: { ja: () => 'A列に指標IDがないのに得点が入力されています', en: () => 'a score without an indicator id in column A' },
  duplicateYear: {
    ja: (year: number, first: string) => `${year}年度が2回以上あります（最初は ${first}）`,
    en: (year: number, first: string) => `fiscal year ${year} appears more than once (first at ${first})`,
  },
  duplicateUnscored: {
    ja: (id: string, first: string) => `指標「${id}」の行が2つ以上あります（最初は ${first}）`,
    en: (id: string, first: string) => `indicator "${id}" has more than one row (first at ${first})`,
  },
  badDate: {
    ja: (text: string) => `${q(text)}は日付ではありません（2024-12-10 または 2024/12/10 の形で入力してください）`,
    en: (text: string) => `${JSON.stringify(text)} is not a date (write it as 2024-12-10 or 2024/12/10)`,
  },
  notYesNo: { ja: (text: string) => `${q(text)}は「はい」「いいえ」のいずれでもありません`, en: (text: string) => `${JSON.stringify(text)} is neither はい nor いいえ` },
  notEstimateMark: {
    ja: (text: string, mark: string) => `${q(text)}は ${mark} ではありません（確定額の場合はセルを空欄にしてください）`,
    en: (text: string, mark: string) => `${JSON.stringify(text)} is not ${mark} (leave the cell empty when the amount is final)`,
  },
  // what a cell must hold, after notANumber / notWhole / outOfRange
  scoreMustBeWhole: {
    ja: (ref: string, id: string, max: number) => `${ref}（${id}）の得点は 0〜${max} の整数で入力してください`,
    en: (ref: string, id: string, max: number) => `the score of ${ref} (${id}) must be a whole number from 0 to ${max}`,
  },
  yearMustBe: { ja: () => '年は 2025 のような西暦で入力してください', en: () => 'the year must be a western year such as 2025' },
  monthMustBe: { ja: () => '月は 1〜12 で入力してください', en: () => 'the month must be 1–12' },
  fiscalYearMustBe: { ja: () => '年度は 2024 のような西暦で入力してください', en: () => 'the fiscal year must be a western year such as 2024' },
  senYenWhole: { ja: () => '千円単位の整数で入力してください', en: () => '千円 as a whole number' },
  okuYenWhole: { ja: () => '億円単位の整数で入力してください', en: () => '億円 as a whole number' },
  insuredMustBe: { ja: () => '第1号被保険者数は整数で入力してください', en: () => 'the number of type-1 insured persons must be a whole number' },
  statedTotalMustBe: { ja: () => '記載の合計点は整数で入力してください', en: () => 'the stated total must be a whole number' },
  neededForNarrative: { ja: (label: string) => `${label}（資料の文章に必要です）`, en: (label: string) => `${label} (needed for the report's narrative)` },
});

/** Loading the inputs of a report (src/load) and deriving it (src/derive). */
export const loadMessages = bilingual({
  nationalYearMismatch: {
    ja: (national: number, results: number) => `全国集計は${national}年度のものですが、市町村の結果は${results}年度のものです`,
    en: (national: number, results: number) => `national aggregates are for fiscal year ${national} but the results are for ${results}`,
  },
  noScoringRule: {
    ja: (id: string) => `指標一覧の指標「${id}」に配点ルールがありません`,
    en: (id: string) => `indicator "${id}" of the catalog has no scoring rule`,
  },
  noNarrativeFile: {
    ja: () => '資料の文章のファイルがありません。未得点の指標に未得点理由・今後の取組の文章が入りません',
    en: () => 'no narrative file: the unscored items will have no reason / future-action text',
  },
  noNationalBudget: {
    ja: (fy: number) => `${fy}年度の国の予算額が分かりません（交付金の推移に nationalBudget として入れてください）。交付額の試算は省略します`,
    en: (fy: number) => `no national budget known for fiscal year ${fy} (give it as nationalBudget in the grant history): the grant estimate is left out`,
  },
  codePlace: { ja: (code: string) => `団体コード ${code}`, en: (code: string) => `code ${code}` },
  municipalityPlaceholder: { ja: () => '（市町村のファイル）', en: () => '(municipality)' },
  batchNeedsIndicators: {
    ja: () =>
      '市町村ごとの資料の一括作成には、市町村ごとにすべての指標の得点（suishin.I.i.1 … shien.IV.5 の列）が必要です。このファイルには合計点しかありません',
    en: () =>
      'a batch of municipality reports needs every indicator score per municipality (columns suishin.I.i.1 … shien.IV.5); this file has only totals',
  },
  notMunicipalityDir: { ja: () => '市町村のファイルを入れたフォルダーではありません', en: () => 'not a directory of municipality files' },
});

/** src/agenda/input.ts (the PDFs bound into an agenda packet). */
export const pdfInputMessages = bilingual({
  notFound: { ja: () => 'ファイルがありません', en: () => 'file not found' },
  permissionDenied: { ja: () => '読み込めません: アクセス権がありません', en: () => 'cannot be read: permission denied' },
  notPdf: { ja: () => 'このファイルは PDF ファイルではありません（"%PDF-" で始まっていません）', en: () => 'is not a PDF file (no "%PDF-" header)' },
  firstByte: { ja: () => '先頭バイト', en: () => 'byte 0' },
  encrypted: {
    ja: () => 'このファイルは暗号化されています。先に暗号化を解除してください（例: `qpdf --decrypt in.pdf out.pdf`）',
    en: () => 'is encrypted; remove the encryption first (for example `qpdf --decrypt in.pdf out.pdf`)',
  },
  unreadable: { ja: (detail: string) => `このファイルは PDF として読み込めません: ${detail}`, en: (detail: string) => `cannot be read as a PDF: ${detail}` },
  brokenPageTree: { ja: (detail: string) => `このファイルのページ構造が壊れています: ${detail}`, en: (detail: string) => `has a broken page tree: ${detail}` },
  noPages: { ja: () => 'このファイルにはページがありません', en: () => 'has no pages' },
});

/** Details of a workbook that cannot be read (after inputMessages.brokenXlsx), and of data files. */
export const dataFileMessages = bilingual({
  noDirectory: { ja: () => 'ZIP の目録（セントラルディレクトリ）の終わりがありません', en: () => 'no end of central directory' },
  entrySize: { ja: () => '内部の部品の大きさが目録と一致しません', en: () => 'an entry is not the size its directory says' },
  entryInflate: { ja: () => '内部の部品を展開できません', en: () => 'an entry cannot be inflated' },
  compression: { ja: (method: number) => `圧縮方式 ${method} には対応していません`, en: (method: number) => `compression method ${method} is not supported` },
  rateMismatch: {
    ja: (rate: number, mean: number, max: number) => `率 ${rate}% が平均 ${mean}（配点 ${max}）と合いません`,
    en: (rate: number, mean: number, max: number) => `rate ${rate}% does not agree with mean ${mean} of max ${max}`,
  },
  seriesKey: {
    ja: () => '"suishin.II.ii.1" や "shien.I.ii.4/ア" のような系列キーではありません',
    en: () => 'not a series key like "suishin.II.ii.1" or "shien.I.ii.4/ア"',
  },
  seriesYear: {
    ja: (year: number, rulesYear: number) => `年度 ${year} が配点ルール（${rulesYear}年度）と一致しません`,
    en: (year: number, rulesYear: number) => `fiscal year ${year} does not match the scoring rules (${rulesYear})`,
  },
  seriesMissing: {
    ja: (key: string) => `配点ルールの順位付けの系列「${key}」がありません（measure、higherIsBetter、zeroEarnsNoTier を入れてください）`,
    en: (key: string) => `ranked series "${key}" of the scoring rules is missing (give its measure, higherIsBetter and zeroEarnsNoTier)`,
  },
  notRankedSeries: {
    ja: (key: string) => `「${key}」は配点ルールの順位付け（上位7割…上位1割）の系列ではありません`,
    en: (key: string) => `"${key}" is not a ranked series (上位7割…上位1割) of the scoring rules`,
  },
});
