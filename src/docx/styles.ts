/**
 * The Word file's look: A4 portrait with the PDF's margins, BIZ UDPGothic for East Asian and
 * Latin text, Word's own heading styles (shown as 見出し 1–3 in Japanese Word, and in the
 * navigation pane) and named paragraph styles for everything else, so a user restyles body
 * text, notes or table text in one place. Sizes and colours follow templates/report/report.css.
 */
import { AlignmentType, LineRuleType, convertMillimetersToTwip, type IStylesOptions, type IParagraphStyleOptions } from 'docx';
import { PAGE_MARGIN } from '../print/pdf.ts';
import { BUNDLED_FONT_NAME } from './chart-png.ts';

export const FONT = BUNDLED_FONT_NAME;

const mm = (v: string) => Number.parseFloat(v);

/** A4 portrait and the PDF's margins, in millimetres. */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  margin: { top: mm(PAGE_MARGIN.top), bottom: mm(PAGE_MARGIN.bottom), left: mm(PAGE_MARGIN.left), right: mm(PAGE_MARGIN.right) },
} as const;

/** Width of the text column in twips (what tables and images may use). */
export const CONTENT_WIDTH_TWIPS = convertMillimetersToTwip(PAGE.widthMm - PAGE.margin.left - PAGE.margin.right);

/** Colours of the PDF (report.css), as Word hex. */
export const COLOR = {
  ink: '1A1A1A',
  rule: '555555',
  head: 'E8EDF3',
  shade: 'EEEEEE',
  total: 'F6F6F6',
  section: 'F3F3F3',
  highlight: 'FFF2CC',
  accent: '1F4E79',
  warn: 'C00000',
  muted: '444444',
} as const;

/** Half-points, as Word counts font sizes. */
const pt = (points: number) => Math.round(points * 2);
/** Twips (1/20 pt) from millimetres, for spacing. */
const mmTw = (v: number) => convertMillimetersToTwip(v);

/** Paragraph style ids; the names are what the user sees in Word's style gallery. */
export const STYLE = {
  body: 'ReportBody',
  note: 'ReportNote',
  notice: 'ReportNotice',
  docNumber: 'ReportDocNumber',
  titleMeta: 'ReportTitleMeta',
  caption: 'ReportTableCaption',
  tableText: 'ReportTableText',
  tableHead: 'ReportTableHeading',
  tableNumber: 'ReportTableNumber',
  tableSmall: 'ReportTableSmall',
  figure: 'ReportFigure',
  figureCaption: 'ReportFigureCaption',
  appendixLabel: 'ReportAppendixLabel',
  listItem: 'ReportListItem',
  schedule: 'ReportSchedule',
  footer: 'ReportFooter',
} as const;

/** Where the schedule's text column starts (the PDF's 34 mm date column and 4 mm gap). */
export const SCHEDULE_TAB_MM = 38;

const paragraphStyles: IParagraphStyleOptions[] = [
  {
    id: STYLE.body,
    name: '報告 本文',
    basedOn: 'Normal',
    next: STYLE.body,
    quickFormat: true,
    paragraph: { indent: { firstLineChars: 100, firstLine: pt(10.5) * 10 }, spacing: { after: mmTw(2) } },
  },
  { id: STYLE.note, name: '報告 注記', basedOn: 'Normal', next: STYLE.body, quickFormat: true, run: { size: pt(9) }, paragraph: { spacing: { before: mmTw(1.5), after: mmTw(1.5) } } },
  {
    id: STYLE.notice,
    name: '報告 注意書き',
    basedOn: 'Normal',
    run: { size: pt(9.5), color: COLOR.warn },
    paragraph: {
      spacing: { after: mmTw(6) },
      border: {
        top: { style: 'single', size: 6, color: COLOR.warn, space: 4 },
        bottom: { style: 'single', size: 6, color: COLOR.warn, space: 4 },
        left: { style: 'single', size: 6, color: COLOR.warn, space: 4 },
        right: { style: 'single', size: 6, color: COLOR.warn, space: 4 },
      },
    },
  },
  { id: STYLE.docNumber, name: '報告 資料番号', basedOn: 'Normal', run: { size: pt(12), bold: true }, paragraph: { alignment: AlignmentType.CENTER } },
  { id: STYLE.titleMeta, name: '報告 日付・部署', basedOn: 'Normal', run: { size: pt(10) }, paragraph: { alignment: AlignmentType.RIGHT } },
  {
    id: STYLE.caption,
    name: '報告 表題',
    basedOn: 'Normal',
    next: STYLE.body,
    run: { size: pt(9), color: COLOR.muted },
    paragraph: { keepNext: true, spacing: { before: mmTw(1), after: mmTw(1) } },
  },
  { id: STYLE.tableText, name: '報告 表', basedOn: 'Normal', run: { size: pt(9.5) }, paragraph: { spacing: { line: 348, lineRule: LineRuleType.AUTO } } },
  { id: STYLE.tableHead, name: '報告 表 見出し', basedOn: STYLE.tableText, run: { bold: true }, paragraph: { alignment: AlignmentType.CENTER } },
  { id: STYLE.tableNumber, name: '報告 表 数値', basedOn: STYLE.tableText, paragraph: { alignment: AlignmentType.RIGHT } },
  { id: STYLE.tableSmall, name: '報告 表 小', basedOn: STYLE.tableText, run: { size: pt(8.5) } },
  { id: STYLE.figure, name: '報告 図', basedOn: 'Normal', next: STYLE.figureCaption, paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: mmTw(3), line: 240, lineRule: LineRuleType.AUTO } } },
  {
    id: STYLE.figureCaption,
    name: '報告 図題',
    basedOn: 'Normal',
    next: STYLE.body,
    run: { size: pt(9), color: '333333' },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: mmTw(1), after: mmTw(4) } },
  },
  {
    id: STYLE.appendixLabel,
    name: '報告 参考資料番号',
    basedOn: 'Normal',
    next: 'Heading1',
    run: { size: pt(10) },
    paragraph: {
      keepNext: true,
      border: {
        top: { style: 'single', size: 6, color: COLOR.ink, space: 1 },
        bottom: { style: 'single', size: 6, color: COLOR.ink, space: 1 },
        left: { style: 'single', size: 6, color: COLOR.ink, space: 4 },
        right: { style: 'single', size: 6, color: COLOR.ink, space: 4 },
      },
      // the box is as wide as the paragraph: keep it short, at the left
      indent: { right: mmTw(140) },
    },
  },
  { id: STYLE.listItem, name: '報告 一覧', basedOn: 'Normal', run: { size: pt(9.5) }, paragraph: { indent: { left: mmTw(4) } } },
  {
    id: STYLE.schedule,
    name: '報告 日程',
    basedOn: 'Normal',
    paragraph: {
      indent: { left: mmTw(SCHEDULE_TAB_MM), hanging: mmTw(SCHEDULE_TAB_MM) },
      keepLines: true,
      spacing: { after: mmTw(1.5) },
    },
  },
  { id: STYLE.footer, name: '報告 ページ番号', basedOn: 'Normal', run: { size: pt(9), color: '333333' }, paragraph: { alignment: AlignmentType.CENTER } },
];

/** Word's built-in heading and title styles (named as Word names them, so Word localises them). */
const heading = (size: number, before: number, after: number, outlineLevel: number) => ({
  // Word's own (lower-case) name of the built-in style: Japanese Word shows it as 見出し n
  name: `heading ${outlineLevel + 1}`,
  run: { size: pt(size), bold: true, color: COLOR.ink, font: { ascii: FONT, hAnsi: FONT, eastAsia: FONT, cs: FONT } },
  paragraph: { keepNext: true, keepLines: true, outlineLevel, spacing: { before: mmTw(before), after: mmTw(after), line: 336, lineRule: LineRuleType.AUTO } },
});

export function documentStyles(): IStylesOptions {
  return {
    default: {
      document: {
        run: {
          font: { ascii: FONT, hAnsi: FONT, eastAsia: FONT, cs: FONT },
          size: pt(10.5),
          color: COLOR.ink,
          language: { value: 'ja-JP', eastAsia: 'ja-JP' },
        },
        paragraph: { spacing: { line: 384, lineRule: LineRuleType.AUTO } },
      },
      title: {
        run: { size: pt(15), bold: true, color: COLOR.ink, font: { ascii: FONT, hAnsi: FONT, eastAsia: FONT, cs: FONT } },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: mmTw(10), after: mmTw(10) } },
      },
      heading1: heading(12.5, 9, 3, 0),
      heading2: heading(11, 5, 2, 1),
      heading3: heading(10.5, 4, 2, 2),
    },
    paragraphStyles,
  };
}
