/**
 * Layout of the fill-in workbook written by `kofukin init` (src/workbook/write.ts) and
 * read back by src/workbook/read.ts. One place for sheet names, header labels and columns, so
 * writer and reader cannot drift apart.
 *
 * Sheets (in this order):
 *
 * - 基本情報: column A 項目 (label), B 値 (value), C 説明. Rows are found by their label in
 *   column A, so their order does not matter. Labels: see INFO_LABELS.
 * - 推進, 支援 (the catalog grants' `abbr`): title row, note row, then the header row
 *   (A 指標ID, B 指標, C 項目名, D 評価指標, E 得点, F 満点, G 配点, H 指標群・算定) and one row per
 *   catalog indicator, ending with a 合計 row (A = "合計"). Only column E (得点) is read besides
 *   the id in column A; E has data validation "whole number 0..満点" and is the only unlocked
 *   column (sheet protection without password).
 * - 未得点理由: header row (A 指標ID, B 指標, C 未得点の選択肢, D 未得点の理由、今後の対応等,
 *   E 同様とする指標), then one row per indicator. The reason is one cell holding the paragraphs
 *   separated by line breaks (Alt+Enter in Excel); the missed options are separated by 「、」 or
 *   「,」; E names another indicator id whose text applies (※推進交付金の「目標Ⅳ－5」と同様). Rows
 *   with nothing but an indicator id are ignored (they are placeholders for staff to fill in).
 * - 交付金: header row (A 年度（西暦）, B 推進交付金（千円）, C 支援交付金（千円）,
 *   D 国予算 推進（億円）, E 国予算 支援（億円）, F 見込み, and optionally G–J 評価 推進 得点 / 満点,
 *   評価 支援 得点 / 満点 — that year's evaluation result, for 評価結果の推移), one row per fiscal year; an empty
 *   amount (or 「－」) means the grant did not exist that year; 見込み is 「○」 or empty. Rows with
 *   a year but no amount at all are ignored. Below the table, a row with 「注記」 in column A; every
 *   non-empty column-A cell after it is one note.
 * - スケジュール: header row (A 年（西暦）, B 月, C 時期, D 内容), one row per entry.
 *
 * Header rows are found by their column-A label (the first 20 rows are searched), so rows added
 * above a header do not break reading.
 */

export const FORMAT_ID = 'kofukin-fill-in/1';

export const SHEET_INFO = '基本情報';
export const SHEET_UNSCORED = '未得点理由';
export const SHEET_GRANTS = '交付金';
export const SHEET_SCHEDULE = 'スケジュール';

/** Labels (column A) of the 基本情報 rows, keyed by field. */
export const INFO_LABELS = {
  fiscalYear: '年度（西暦）',
  code: '団体コード（6桁）',
  name: '市町村名',
  prefecture: '都道府県',
  insuredType1: '第1号被保険者数',
  fictional: '架空データ',
  statedSuishin: '公表値 推進交付金 合計点',
  statedShien: '公表値 支援交付金 合計点',
  statedTotal: '公表値 総合得点',
  national: '全国集計ファイル',
  peers: '比較グループファイル',
  title: '資料タイトル',
  department: '担当課',
  date: '資料日付',
  documentNumber: '資料番号',
  committee: '会議名',
  illustrative: '記入例の項目',
} as const;

/** Names of the header fields in the 記入例の項目 cell (both names of a field are accepted). */
export const ILLUSTRATIVE_NAMES: Readonly<Record<string, 'documentNumber' | 'department' | 'date' | 'committee'>> = {
  資料番号: 'documentNumber',
  担当課: 'department',
  日付: 'date',
  資料日付: 'date',
  委員会名: 'committee',
  会議名: 'committee',
};
export type InfoField = keyof typeof INFO_LABELS;

export const INFO_HEADER = ['項目', '値', '説明'] as const;
export const INFO_VALUE_COLUMN = 2; // B

/** Score sheets (推進 / 支援). */
export const SCORE_HEADER = ['指標ID', '指標', '項目名', '評価指標', '得点', '満点', '配点', '指標群・算定'] as const;
export const SCORE_COL = { id: 1, ref: 2, title: 3, question: 4, score: 5, max: 6, scoring: 7, kind: 8 } as const;
export const SCORE_TOTAL_LABEL = '合計';

export const UNSCORED_HEADER = ['指標ID', '指標', '未得点の選択肢', '未得点の理由、今後の対応等', '同様とする指標'] as const;
export const UNSCORED_COL = { id: 1, ref: 2, missed: 3, reason: 4, sameAs: 5 } as const;

export const GRANTS_HEADER = [
  '年度（西暦）',
  '推進交付金（千円）',
  '支援交付金（千円）',
  '国予算 推進（億円）',
  '国予算 支援（億円）',
  '見込み',
  '評価 推進 得点',
  '評価 推進 満点',
  '評価 支援 得点',
  '評価 支援 満点',
] as const;
export const GRANTS_COL = {
  year: 1,
  suishin: 2,
  shien: 3,
  budgetSuishin: 4,
  budgetShien: 5,
  estimate: 6,
  suishinScore: 7,
  suishinMax: 8,
  shienScore: 9,
  shienMax: 10,
} as const;
/** The evaluation columns (optional: a workbook written before them has columns A–F only). */
export const GRANTS_EVALUATION_COLS = { suishin: [GRANTS_COL.suishinScore, GRANTS_COL.suishinMax], shien: [GRANTS_COL.shienScore, GRANTS_COL.shienMax] } as const;
export const GRANTS_NOTES_LABEL = '注記';
export const ESTIMATE_MARK = '○';

export const SCHEDULE_HEADER = ['年（西暦）', '月', '時期', '内容'] as const;
export const SCHEDULE_COL = { year: 1, month: 2, period: 3, text: 4 } as const;

export { cellPlace, columnLetter } from '../common/cell-ref.ts';
