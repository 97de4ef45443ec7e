/**
 * Every user-facing message of input validation, as a named function, so wording stays
 * consistent and tests can refer to it.
 */
export const messages = {
  cannotRead: (reason: string) => `cannot read file (${reason})`,
  companionNotFound: (what: string, named: string, folder: string, flag: string) =>
    `the ${what} file "${named}" named here does not exist (looked for it relative to ${folder}): correct the path here, or give ${flag} FILE`,
  duplicateKey: () => `key appears more than once in the same object (JSON keeps only the last)`,
  invalidJson: (detail: string) => `not valid JSON: ${detail}`,
  unknownIndicator: (id: string) => `unknown indicator "${id}": it is not in the catalog for this fiscal year`,
  missingIndicator: (id: string) => `indicator "${id}" has no score: every catalog indicator must be scored exactly once`,
  duplicateIndicator: (id: string) => `indicator "${id}" is scored more than once`,
  scoreAboveMax: (id: string, score: number, max: number) =>
    `score ${score} of "${id}" is above its maximum ${max}`,
  scoreNotAchievable: (id: string, score: number, scoringText: string, achievable: readonly number[]) =>
    `score ${score} of "${id}" cannot be produced by its 配点 rule (${scoringText}); possible scores are ${achievable.join(', ')}`,
  scoreNegative: (id: string, score: number) => `score ${score} of "${id}" is below 0`,
  totalMismatch: (what: string, stated: number, derived: number) =>
    `stated ${what} ${stated} does not equal the ${derived} derived from the indicator scores`,
  fiscalYearMismatch: (what: string, stated: number, expected: number) =>
    `${what} is for fiscal year ${stated} but the report is for ${expected}`,
  noCatalog: (fiscalYear: number) => `no indicator catalog for fiscal year ${fiscalYear} in data/catalog/`,
  missingNarrative: (id: string) => `unscored indicator "${id}" has no reason / future-action text in the narrative`,
  narrativeForScoredIndicator: (id: string) =>
    `narrative gives a reason for "${id}" but that indicator is not unscored`,
  duplicatePeer: (code: string) => `municipality code ${code} appears more than once in the peer group`,
  rankMismatch: (what: string, name: string, stated: number, derived: number) =>
    `stated ${what} rank of ${name} is ${stated} but the scores give ${derived}`,
  catalogMaxMismatch: (what: string, stated: number, sum: number) =>
    `${what} states ${stated} points but its parts add up to ${sum}`,
  catalogIdMismatch: (stated: string, expected: string) =>
    `indicator id "${stated}" does not match its position in the catalog ("${expected}")`,
  duplicateYear: (year: number) => `fiscal year ${year} appears more than once`,
  meanSumMismatch: (column: string, stated: number, sum: number) =>
    `mean of ${column} is ${stated} but its parts add up to ${sum} (more than rounding allows)`,

  // --- money: `kofukin grants --needs`, `--nation`
  needsUnknownColumn: (header: string) =>
    `unknown column "${header}": a needs file has the columns code, suishin and/or shien (所要見込額 in 千円), and optionally name and prefecture`,
  needsDuplicateColumn: (field: string, first: string) => `column "${field}" appears more than once (first at ${first})`,
  needsNoCode: () => 'column "code" (団体コード) is missing',
  needsNoGrant: () => 'no amount column: give "suishin" and/or "shien" (所要見込額, 千円)',
  needsNoRows: () => 'the file has a header row but no rows',
  needsFieldCount: (count: number, expected: number) => `the row has ${count} fields but the header has ${expected}`,
  needsNotAmount: (text: string) =>
    `${JSON.stringify(text)} is not an amount: 所要見込額 is a whole number of 千円 (e.g. 120000 or 120,000), or empty for no cap`,
  needsNegative: (n: number) => `所要見込額 ${n} is below 0`,
  needsBadCode: (text: string) => `${JSON.stringify(text)} is not a 全国地方公共団体コード (6 digits, or 5 without the check digit)`,
  needsBadCheckDigit: (code: string, expected: string) => `code ${code} has a wrong check digit: ${code.slice(0, 5)} gives ${expected}`,
  needsUnknownCode: (code: string) => `municipality ${code} is not in the national results file`,
  needsDuplicateCode: (code: string, first: string) => `municipality code ${code} appears more than once (first at ${first})`,
  needsUnit: (unit: string) => `unit "${unit}" is not supported: amounts in a needs file are in 千円`,
  nationNeedsGrantScores: () =>
    'the national results file has only the overall total: the grant estimate needs each grant\'s score (indicator columns, or the columns suishin and shien)',
  nationRowDiffers: (code: string, what: string, inFile: number, inReport: number) =>
    `the national results file gives ${code} a ${what} of ${inFile} but the report has ${inReport}; the report's figure is used`,
} as const;

// --- input layer (src/input): opening, decoding and parsing the user's files. Named functions,
// English for now (a later issue translates them). None quotes the content of a file.
export const inputMessages = {
  notRegularFile: (what: string, expected: string) => `is ${what}, not ${expected}`,
  fileTooLarge: (kind: string, size: number, cap: number) =>
    `is too large for ${kind}: ${mib(size)} on disk, the limit is ${mib(cap)} (see "Input limits" in the README)`,
  utf16: (format: string) => `is UTF-16 text, not UTF-8: save the ${format} as UTF-8 (in Excel: "CSV UTF-8 (comma delimited)"; in Notepad: encoding UTF-8)`,
  binaryFile: (format: string) => `is not ${format} text: it holds binary control characters (is it the file you meant?)`,
  notText: (format: string) => `is neither UTF-8 nor Shift_JIS text: save the ${format} as UTF-8 (with or without BOM)`,
  shiftJisRefused: (format: string) =>
    `is Shift_JIS (CP932) text; ${format} files must be UTF-8: re-save it as UTF-8 (Notepad: 名前を付けて保存 → 文字コード UTF-8; VS Code: "Save with Encoding" → UTF-8)`,
  forbiddenKey: (key: string) => `key "${key}" is not allowed (it would be lost or change the object on the way through JavaScript)`,
  jsonEmpty: () => 'the file is empty',
  jsonUnexpectedEnd: () => 'unexpected end of the file (a value, a closing "}" or "]" is missing)',
  jsonExpectedValue: () => 'expected a value here (a string in double quotes, a number, an object, an array, true, false or null)',
  jsonExpectedKey: () => 'expected a key in double quotes',
  jsonExpectedColon: () => 'expected ":" after the key',
  jsonExpectedCommaOr: (close: string) => `expected "," or "${close}" here`,
  jsonTrailingComma: () => `a comma before the closing bracket (JSON allows no trailing comma)`,
  jsonTrailingText: () => 'more text after the end of the JSON value',
  jsonUnterminatedString: () => 'a string is never closed (a double quote is missing)',
  jsonControlInString: () => 'a line break or control character inside a string (write it as \\n or \\t)',
  jsonBadEscape: () => 'an invalid escape sequence in a string (a backslash must be doubled: \\\\)',
  jsonBadNumber: () => 'not a valid JSON number (no leading zeros, "+", "." without digits, NaN or Infinity)',
  jsonTooDeep: (max: number) => `nested deeper than ${max} levels of objects and arrays`,
  cellError: (error: string) => `the cell shows the error ${error}`,
  emptyCode: () => '団体コード (code) is empty',
  tableNoRows: () => 'the file has a header row but no municipality rows',
  emptyHeader: () => 'a column without a header has values',
  fieldCount: (count: number, expected: number) => `the row has ${count} fields but the header has ${expected}`,
  missingValue: (what: string) => `${what} is empty`,
  notBoolean: (text: string) => `${JSON.stringify(text)} is not a yes/no value for fictional (use true/false, 1/0 or はい/いいえ)`,
  duplicateColumn: (field: string, first: string) => `column "${field}" appears more than once (first at ${first})`,
  duplicateCode: (code: string, first: string) => `municipality code ${code} appears more than once (first at ${first})`,
  badCode: (text: string) => `${JSON.stringify(text)} is not a 全国地方公共団体コード (6 digits, or 5 without the check digit)`,
  badCheckDigit: (code: string, expected: string) => `code ${code} has a wrong check digit: ${code.slice(0, 5)} gives ${expected}`,
  fiveDigitCode: (text: string) =>
    `"${text}" has 5 digits: give the 6-digit 全国地方公共団体コード with its check digit (a spreadsheet may have dropped a leading 0: 北海道 011002 → 11002; format the column as text)`,
  noHeaderRow: () => 'the file has no header row',
  noSheet: () => 'the workbook has no worksheet',
  notXlsx: () => 'not a readable .xlsx workbook (it is not a ZIP archive): save it from Excel as "Excel Workbook (*.xlsx)"',
  brokenXlsx: (detail: string) => `not a readable .xlsx workbook (${detail})`,
  xlsxTooLarge: (cap: number) =>
    `is too large: its contents would take more than ${mib(cap)} uncompressed (see "Input limits" in the README); delete unused rows and sheets, or give a CSV file`,
  xlsxTooManyEntries: (count: number, max: number) => `has ${count} parts inside; an .xlsx workbook has a few dozen (at most ${max} are read)`,
  formulaWithoutValue: () =>
    'the cell has a formula but no saved value (the file was written by a program, not saved by Excel): open and save it in Excel, or type the value',
} as const;

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

// --- output layer (src/output)
/**
 * Messages of the output layer: a file that cannot be written (exit 73) and an interrupted run.
 * `code` is the system error code (EACCES, ENOSPC, …); `culprit` a file standing where a folder
 * of the output's path should be.
 */
const WRITE_CAUSES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'the disk quota is exceeded',
  EROFS: 'the file system is read-only',
  EISDIR: 'a folder of that name is in the way',
  ENOTDIR: 'a file is in the way where a folder should be',
  EEXIST: 'a file of that name is in the way where a folder should be',
  ENOENT: 'the folder does not exist',
  ENAMETOOLONG: 'the name is too long',
  EMLINK: 'the folder holds too many entries',
  EXDEV: 'the temporary file is on another file system',
  EBUSY: 'the file is in use',
  ETXTBSY: 'the file is in use',
  EIO: 'an input/output error of the disk',
};

export function cannotWriteCause(code: string | undefined, culprit?: string): string {
  const words = culprit ? `${culprit} is a file, not a folder` : (code && WRITE_CAUSES[code]) || 'the system refused to write it';
  return `${words}${code ? ` (${code})` : ''}`;
}

export const outputMessages = {
  cannotWrite: (path: string, cause: string) => `cannot write ${path}: ${cause}`,
  cannotRestore: (target: string, backup: string) =>
    `could not put back the previous version of ${target}; it is kept as ${backup}`,
  interrupted: (signal: string) => `interrupted (${signal}): the files of this run were discarded; earlier outputs are unchanged`,
  batchStopped: (done: number, total: number) => `the batch stopped after ${done} of ${total} report(s) because an output cannot be written`,
} as const;

export { cliMessages } from './messages-cli.ts';
