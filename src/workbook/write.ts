/**
 * The fill-in workbook of `kofukin init`: one workbook staff fill in with Excel (basic data, the
 * score of every catalog indicator, the reasons for unscored items, the grant history and the
 * schedule), read back by src/workbook/read.ts. Layout: src/workbook/layout.ts.
 *
 * Pure apart from building the bytes: nothing here reads or writes files.
 */
import ExcelJS from 'exceljs';
import { fiscalYearJa } from '../common/era.ts';
import { GROUP_KIND_LABELS, indicatorRef } from '../derive/scores.ts';
import { isUnscored } from '../derive/unscored.ts';
import type { Catalog, GroupKind } from '../load/schemas/catalog.ts';
import type { GrantHistory, MunicipalityIdentity, MunicipalityResults, Narrative } from '../load/schemas/inputs.ts';
import {
  ESTIMATE_MARK,
  FORMAT_ID,
  GRANTS_COL,
  GRANTS_HEADER,
  GRANTS_NOTES_LABEL,
  INFO_HEADER,
  INFO_LABELS,
  SCHEDULE_COL,
  SCHEDULE_HEADER,
  SCORE_COL,
  SCORE_HEADER,
  SCORE_TOTAL_LABEL,
  SHEET_GRANTS,
  SHEET_INFO,
  SHEET_SCHEDULE,
  SHEET_UNSCORED,
  UNSCORED_COL,
  UNSCORED_HEADER,
  columnLetter,
  type InfoField,
} from './layout.ts';
import { FILL, THIN_BORDER, finishSheet, setWidths, solidFill, workbookBytes } from '../common/xlsx-style.ts';

export interface FillInData {
  catalog: Catalog;
  fiscalYear: number;
  municipality: MunicipalityIdentity;
  /** Prefilled scores (the round-trip path); empty cells when absent. */
  scores?: Readonly<Record<string, number>>;
  statedTotals?: MunicipalityResults['statedTotals'];
  /** Companion files, already relative to the workbook's directory. */
  files?: { national?: string; peers?: string };
  narrative?: Narrative | null;
  grants?: GrantHistory | null;
  /**
   * Every score each indicator's 配点 rule can produce (src/scoring/engine.ts achievableScores),
   * so a score cell offers exactly those; without it a cell accepts any whole number 0..max.
   */
  achievableScores?: Readonly<Record<string, readonly number[]>>;
}

/** Excel keeps at most 255 characters in a list validation written inline. */
const MAX_INLINE_LIST = 255;

/**
 * The validation of a score cell: a drop-down of exactly the achievable scores (an item scored in
 * steps of 6 offers 0, 6, 12, …), or any whole number 0..max when the rule is unknown or the list
 * would not fit Excel's inline limit.
 */
function scoreValidation(ref: string, title: string, max: number, achievable: readonly number[] | undefined): ExcelJS.DataValidation {
  const common = {
    allowBlank: false,
    showInputMessage: true,
    promptTitle: `得点（満点 ${max}点）`,
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    errorTitle: '得点の入力',
  };
  const list = achievable?.join(',');
  if (achievable && list !== undefined && list.length + 2 <= MAX_INLINE_LIST && !(achievable.length === max + 1))
    return {
      ...common,
      type: 'list',
      formulae: [`"${list}"`],
      prompt: `${ref} ${title}: ${achievable.join('・')}点のいずれか`,
      error: `この指標の得点は ${achievable.join('・')} のいずれかです（配点の規則による）`,
    };
  return {
    ...common,
    type: 'whole',
    operator: 'between',
    formulae: [0, max],
    prompt: `${ref} ${title}: 0～${max}の整数`,
    error: `0～${max}の整数を入力してください`,
  };
}

/** The first fiscal year of the grants (推進交付金 started in 平成30年度). */
const FIRST_GRANT_YEAR = 2018;

const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  formatCells: false,
  insertRows: false,
  deleteRows: false,
  insertColumns: false,
  deleteColumns: false,
  sort: false,
  autoFilter: false,
};

function headerRow(ws: ExcelJS.Worksheet, rowNo: number, labels: readonly string[]): void {
  const row = ws.getRow(rowNo);
  labels.forEach((label, i) => {
    const cell = row.getCell(i + 1);
    cell.value = label;
    cell.font = { bold: true };
    cell.fill = solidFill(FILL.header);
    cell.border = THIN_BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  row.height = 30;
}

function titleRows(ws: ExcelJS.Worksheet, title: string, note: string): void {
  ws.getCell('A1').value = title;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = note;
  ws.getCell('A2').font = { size: 9, color: { argb: 'FF404040' } };
}

function infoSheet(wb: ExcelJS.Workbook, d: FillInData): void {
  const ws = wb.addWorksheet(SHEET_INFO, { properties: { tabColor: { argb: 'FF4472C4' } } });
  titleRows(ws, `基本情報（${fiscalYearJa(d.fiscalYear)}）`, '「値」の列（黄色）を記入してください。項目名（A列）は変更しないでください。');
  headerRow(ws, 3, INFO_HEADER);
  const m = d.municipality;
  const report = d.narrative?.report;
  const rows: Array<[InfoField, ExcelJS.CellValue, string, Partial<ExcelJS.Style>?, ExcelJS.DataValidation?]> = [
    ['fiscalYear', d.fiscalYear, `評価年度（${fiscalYearJa(d.fiscalYear)}）。指標の一覧はこの年度のもの`, { numFmt: '0' }, { type: 'whole', operator: 'between', formulae: [2018, 2100], allowBlank: false, showErrorMessage: true, error: '西暦の年度（例: 2024）を入力してください' }],
    ['code', m.code, '全国地方公共団体コード（6桁、先頭の0も含む）', { numFmt: '@' }, { type: 'textLength', operator: 'equal', formulae: [6], allowBlank: false, showErrorMessage: true, error: '6桁のコードを入力してください' }],
    ['name', m.name, '例: 京都市'],
    ['prefecture', m.prefecture, '例: 京都府'],
    ['insuredType1', m.insuredType1, '第1号被保険者数（人）', { numFmt: '#,##0' }, { type: 'whole', operator: 'greaterThan', formulae: [0], allowBlank: false, showErrorMessage: true, error: '正の整数を入力してください' }],
    ['fictional', m.fictional ? 'はい' : 'いいえ', '架空の数値の場合は「はい」（資料にその旨を表示）', undefined, { type: 'list', formulae: ['"はい,いいえ"'], allowBlank: true, showErrorMessage: true }],
    ['statedSuishin', d.statedTotals?.suishin ?? null, '厚生労働省の公表した合計点（任意。記入すると指標の得点の合計と照合）', { numFmt: '0' }],
    ['statedShien', d.statedTotals?.shien ?? null, '同上（任意）', { numFmt: '0' }],
    ['statedTotal', d.statedTotals?.total ?? null, '同上（任意）', { numFmt: '0' }],
    ['national', d.files?.national ?? null, '全国集計のJSONファイル（このブックからの相対パス。任意）'],
    ['peers', d.files?.peers ?? null, '比較グループ（政令市など）のJSONファイル（このブックからの相対パス。任意）'],
    ['title', report?.title ?? null, '資料のタイトル（例: 令和6年度における保険者機能強化推進交付金等の評価結果について）'],
    ['department', report?.department ?? null, '担当課'],
    ['date', report ? isoToDate(report.date) : null, '資料の日付（例: 2024/12/10）', { numFmt: 'yyyy"年"m"月"d"日"' }],
    ['documentNumber', report?.documentNumber ?? null, '資料番号（例: 資料3。任意）'],
    ['committee', report?.committee ?? null, '会議名（任意）'],
    [
      'illustrative',
      illustrativeNames(report?.illustrative),
      '見出しのうち実在しない記入例の項目（例: 資料番号・日付）。資料に「※…は記入例です」と表示する。通常は空欄',
    ],
  ];
  rows.forEach(([field, value, note, style, validation], i) => {
    const row = ws.getRow(4 + i);
    const label = row.getCell(1);
    label.value = INFO_LABELS[field];
    label.font = { bold: true };
    label.border = THIN_BORDER;
    const v = row.getCell(2);
    v.value = value;
    v.border = THIN_BORDER;
    v.fill = solidFill(FILL.input);
    v.protection = { locked: false };
    v.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    if (style?.numFmt) v.numFmt = style.numFmt;
    if (validation) v.dataValidation = validation;
    const n = row.getCell(3);
    n.value = note;
    n.border = THIN_BORDER;
    n.font = { size: 9 };
    n.alignment = { wrapText: true, vertical: 'middle' };
  });
  const marker = ws.getRow(4 + rows.length + 1).getCell(3);
  marker.value = `書式: ${FORMAT_ID}（kofukin init で作成）`;
  marker.font = { size: 8, color: { argb: 'FF808080' } };
  setWidths(ws, [26, 48, 60]);
  ws.views = [{ state: 'frozen', ySplit: 3, activeCell: 'B4' }];
  void ws.protect('', PROTECTION);
}

/** ISO date → a Date at UTC midnight (how exceljs stores date cells). */
function isoToDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function kindText(kind: GroupKind, source: 'ministry' | 'self'): string {
  return `${GROUP_KIND_LABELS[kind]}${source === 'ministry' ? '（厚労省算定）' : ''}`;
}

function scoreSheet(wb: ExcelJS.Workbook, d: FillInData, grantIndex: number): void {
  const grant = d.catalog.grants[grantIndex]!;
  const ws = wb.addWorksheet(grant.abbr, { properties: { tabColor: { argb: 'FFFFC000' } } });
  titleRows(
    ws,
    `${fiscalYearJa(d.fiscalYear)} ${grant.name} 評価指標 得点（${d.municipality.name}）`,
    `「得点」の列（黄色）に得点を入力してください（セルを選ぶと入力できる点数が表示されます）。灰色の行は厚生労働省が既存統計で算定する項目です。行の追加・削除・並べ替えはしないでください。`,
  );
  headerRow(ws, 3, SCORE_HEADER);
  let r = 4;
  const first = r;
  for (const goal of grant.goals)
    for (const group of goal.groups)
      for (const ind of group.indicators) {
        const row = ws.getRow(r);
        const score = d.scores?.[ind.id];
        const values: Record<number, ExcelJS.CellValue> = {
          [SCORE_COL.id]: ind.id,
          [SCORE_COL.ref]: indicatorRef(goal.numeral, group.label, ind.no),
          [SCORE_COL.title]: ind.shortTitle,
          [SCORE_COL.question]: ind.question,
          [SCORE_COL.score]: score ?? null,
          [SCORE_COL.max]: ind.maxPoints,
          [SCORE_COL.scoring]: ind.scoringText,
          [SCORE_COL.kind]: kindText(group.kind, ind.source),
        };
        for (let c = 1; c <= SCORE_HEADER.length; c++) {
          const cell = row.getCell(c);
          cell.value = values[c] ?? null;
          cell.border = THIN_BORDER;
          cell.alignment = { vertical: 'top', wrapText: c !== SCORE_COL.score && c !== SCORE_COL.max };
          if (ind.source === 'ministry') cell.fill = solidFill(FILL.ministry);
        }
        const s = row.getCell(SCORE_COL.score);
        s.fill = solidFill(FILL.highlight);
        s.numFmt = '0';
        s.font = { bold: true };
        s.alignment = { vertical: 'top', horizontal: 'center' };
        s.protection = { locked: false };
        s.dataValidation = scoreValidation(indicatorRef(goal.numeral, group.label, ind.no), ind.shortTitle, ind.maxPoints, d.achievableScores?.[ind.id]);
        row.getCell(SCORE_COL.max).alignment = { vertical: 'top', horizontal: 'center' };
        r++;
      }
  const last = r - 1;
  const total = ws.getRow(r);
  total.getCell(SCORE_COL.id).value = SCORE_TOTAL_LABEL;
  const col = columnLetter(SCORE_COL.score);
  const scored = d.scores ? grant.goals.flatMap((g) => g.groups.flatMap((p) => p.indicators)).reduce((s, i) => s + (d.scores?.[i.id] ?? 0), 0) : 0;
  total.getCell(SCORE_COL.score).value = { formula: `SUM(${col}${first}:${col}${last})`, result: scored };
  total.getCell(SCORE_COL.max).value = grant.maxPoints;
  for (let c = 1; c <= SCORE_HEADER.length; c++) {
    const cell = total.getCell(c);
    cell.font = { bold: true };
    cell.border = THIN_BORDER;
    cell.fill = solidFill(FILL.mean);
    cell.alignment = { horizontal: c >= SCORE_COL.score ? 'center' : 'left' };
  }
  setWidths(ws, [16, 17, 28, 56, 8, 7, 30, 20]);
  ws.views = [{ state: 'frozen', ySplit: 3, xSplit: 2, activeCell: `${col}${first}` }];
  void ws.protect('', PROTECTION);
}

function listSheet(wb: ExcelJS.Workbook, name: string, title: string, note: string, header: readonly string[], widths: readonly number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  titleRows(ws, title, note);
  headerRow(ws, 3, header);
  setWidths(ws, widths);
  ws.views = [{ state: 'frozen', ySplit: 3, activeCell: 'A4' }];
  return ws;
}

function bordered(row: ExcelJS.Row, columns: number, wrap: readonly number[] = []): void {
  for (let c = 1; c <= columns; c++) {
    const cell = row.getCell(c);
    cell.border = THIN_BORDER;
    cell.alignment = { vertical: 'top', wrapText: wrap.includes(c) };
  }
}

function unscoredSheet(wb: ExcelJS.Workbook, d: FillInData): void {
  const ws = listSheet(
    wb,
    SHEET_UNSCORED,
    '未得点の項目の理由・今後の対応等',
    '1行に1指標。理由は段落ごとにセル内で改行（Alt+Enter）。未得点の選択肢は「、」区切り（例: ウ④）。他の指標と同じ文のときは「同様とする指標」にその指標IDを記入。',
    UNSCORED_HEADER,
    [16, 17, 16, 90, 16],
  );
  const refs = new Map<string, string>();
  for (const g of d.catalog.grants)
    for (const goal of g.goals)
      for (const group of goal.groups)
        for (const ind of group.indicators) refs.set(ind.id, `${g.abbr} ${indicatorRef(goal.numeral, group.label, ind.no)}`);
  const texts = new Map((d.narrative?.unscored ?? []).map((u) => [u.indicator, u]));
  // Unscored indicators (seed 003 §4(2) rule) in catalog order, then any other narrative entries.
  const ids: string[] = [];
  if (d.scores) {
    for (const g of d.catalog.grants)
      for (const goal of g.goals)
        for (const group of goal.groups)
          for (const ind of group.indicators) {
            const score = d.scores[ind.id];
            if (score !== undefined && isUnscored({ score, max: ind.maxPoints, kind: group.kind })) ids.push(ind.id);
          }
  }
  for (const u of d.narrative?.unscored ?? []) if (!ids.includes(u.indicator)) ids.push(u.indicator);
  let r = 4;
  for (const id of ids) {
    const u = texts.get(id);
    const row = ws.getRow(r++);
    row.getCell(UNSCORED_COL.id).value = id;
    row.getCell(UNSCORED_COL.ref).value = refs.get(id) ?? null;
    row.getCell(UNSCORED_COL.missed).value = u && u.missedOptions.length > 0 ? u.missedOptions.join('、') : null;
    row.getCell(UNSCORED_COL.reason).value = u && u.reason.length > 0 ? u.reason.join('\n') : null;
    row.getCell(UNSCORED_COL.sameAs).value = u?.sameAs ?? null;
    bordered(row, UNSCORED_HEADER.length, [UNSCORED_COL.reason]);
  }
}

function grantsSheet(wb: ExcelJS.Workbook, d: FillInData): void {
  const ws = listSheet(
    wb,
    SHEET_GRANTS,
    '交付金受け入れ状況',
    '交付額は千円、国予算は億円の整数。その年度に交付金がなかった欄は空欄（または「－」）。見込みの年度は「見込み」に○。評価（得点・満点）は任意で、評価結果の推移に使う。注記は「注記」の行の下に1行ずつ。',
    GRANTS_HEADER,
    [14, 18, 18, 18, 18, 10, 12, 12, 12, 12],
  );
  const years: GrantHistory['years'] =
    d.grants?.years.map((y) => y) ??
    Array.from({ length: Math.max(0, d.fiscalYear - FIRST_GRANT_YEAR + 1) }, (_, i) => ({
      fiscalYear: FIRST_GRANT_YEAR + i,
      received: { suishin: null, shien: null },
      nationalBudget: { suishin: null, shien: null },
      estimate: false,
    }));
  let r = 4;
  for (const y of years) {
    const row = ws.getRow(r++);
    row.getCell(GRANTS_COL.year).value = y.fiscalYear;
    row.getCell(GRANTS_COL.suishin).value = y.received.suishin;
    row.getCell(GRANTS_COL.shien).value = y.received.shien;
    row.getCell(GRANTS_COL.budgetSuishin).value = y.nationalBudget.suishin;
    row.getCell(GRANTS_COL.budgetShien).value = y.nationalBudget.shien;
    row.getCell(GRANTS_COL.estimate).value = y.estimate ? ESTIMATE_MARK : null;
    row.getCell(GRANTS_COL.suishinScore).value = y.evaluation?.suishin?.score ?? null;
    row.getCell(GRANTS_COL.suishinMax).value = y.evaluation?.suishin?.max ?? null;
    row.getCell(GRANTS_COL.shienScore).value = y.evaluation?.shien?.score ?? null;
    row.getCell(GRANTS_COL.shienMax).value = y.evaluation?.shien?.max ?? null;
    bordered(row, GRANTS_HEADER.length);
    row.getCell(GRANTS_COL.year).numFmt = '0';
    for (const c of [GRANTS_COL.suishin, GRANTS_COL.shien, GRANTS_COL.budgetSuishin, GRANTS_COL.budgetShien]) row.getCell(c).numFmt = '#,##0';
    row.getCell(GRANTS_COL.estimate).alignment = { horizontal: 'center' };
    row.getCell(GRANTS_COL.estimate).dataValidation = { type: 'list', formulae: [`"${ESTIMATE_MARK}"`], allowBlank: true, showErrorMessage: true };
  }
  r++;
  ws.getRow(r).getCell(1).value = GRANTS_NOTES_LABEL;
  ws.getRow(r).getCell(1).font = { bold: true };
  for (const note of d.grants?.notes ?? []) ws.getRow(++r).getCell(1).value = note;
}

function scheduleSheet(wb: ExcelJS.Workbook, d: FillInData): void {
  const ws = listSheet(
    wb,
    SHEET_SCHEDULE,
    '今後のスケジュール',
    '1行に1項目。年は西暦、月は1～12（任意）、時期は「年内」など月の代わりの語（任意）。',
    SCHEDULE_HEADER,
    [12, 8, 12, 70],
  );
  let r = 4;
  for (const e of d.narrative?.schedule ?? []) {
    const row = ws.getRow(r++);
    row.getCell(SCHEDULE_COL.year).value = e.year;
    row.getCell(SCHEDULE_COL.month).value = e.month ?? null;
    row.getCell(SCHEDULE_COL.period).value = e.period ?? null;
    row.getCell(SCHEDULE_COL.text).value = e.text;
    bordered(row, SCHEDULE_HEADER.length, [SCHEDULE_COL.text]);
  }
}

/** Builds the fill-in workbook; returns the .xlsx bytes. */
export async function fillInWorkbook(d: FillInData): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kofukin-report';
  wb.subject = FORMAT_ID;
  wb.title = `${fiscalYearJa(d.fiscalYear)} 評価結果 入力シート（${d.municipality.name}）`;
  infoSheet(wb, d);
  d.catalog.grants.forEach((_, i) => scoreSheet(wb, d, i));
  unscoredSheet(wb, d);
  grantsSheet(wb, d);
  scheduleSheet(wb, d);
  for (const ws of wb.worksheets) finishSheet(ws, { titleRows: '3:3' });
  return workbookBytes(wb);
}

/** 資料番号・担当課・日付・委員会名 for the 記入例の項目 cell (none: null). */
function illustrativeNames(fields: readonly string[] | undefined): string | null {
  const names: Record<string, string> = { documentNumber: '資料番号', department: '担当課', date: '日付', committee: '委員会名' };
  const listed = (fields ?? []).map((f) => names[f]).filter((n): n is string => n !== undefined);
  return listed.length > 0 ? listed.join('・') : null;
}
