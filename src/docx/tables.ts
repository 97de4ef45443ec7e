/**
 * Real Word tables from a small cell description: fixed column widths that add up to the A4
 * text column, header rows repeated on every page (w:tblHeader), rows that never split across
 * pages (w:cantSplit), merged cells (rowSpan / colSpan), numbers right-aligned, shading and
 * red/blue figures as in the PDF.
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import { COLOR, CONTENT_WIDTH_TWIPS, STYLE } from './styles.ts';

/** A piece of text in a cell with its own look (e.g. the small grey points under a ref). */
export interface Span {
  text: string;
  style?: string;
  color?: string;
  bold?: boolean;
  /** Font size in points. */
  size?: number;
  /** Hanging indent in characters (option lines: "ア …" wraps under its text). */
  hanging?: number;
}

export interface CellSpec {
  /** One paragraph per entry. */
  lines: Array<string | Span>;
  /** Paragraph style of the lines (default: table text; numbers use STYLE.tableNumber). */
  style?: string;
  bold?: boolean;
  color?: string;
  fill?: string;
  rowSpan?: number;
  colSpan?: number;
  top?: boolean;
}

export interface TableSpec {
  /** Column widths, relative (e.g. the PDF's percentages); scaled to the text column. */
  widths: number[];
  /** Header rows, repeated on every page. */
  head: CellSpec[][];
  body: CellSpec[][];
  /** Paragraph style for body cells without their own (e.g. STYLE.tableSmall). */
  bodyStyle?: string;
  /** Width of the table as a share of the text column (default 1). */
  share?: number;
  alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
  /** Thicker border (eighths of a point), e.g. the 資料番号 box. */
  borderSize?: number;
}

export const text = (s: string, extra: Omit<CellSpec, 'lines'> = {}): CellSpec => ({ lines: [s], ...extra });
export const num = (s: string, extra: Omit<CellSpec, 'lines'> = {}): CellSpec => ({ lines: [s], style: STYLE.tableNumber, ...extra });
export const head = (s: string | Array<string | Span>, extra: Omit<CellSpec, 'lines'> = {}): CellSpec => ({ lines: Array.isArray(s) ? s : [s], ...extra });

/** Integer twip widths proportional to `relative`, summing exactly to `total`. */
export function columnTwips(relative: readonly number[], total: number): number[] {
  const sum = relative.reduce((a, b) => a + b, 0);
  const out = relative.map((r) => Math.floor((r / sum) * total));
  out[out.length - 1]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

const CELL_MARGIN = { top: convertMillimetersToTwip(0.8), bottom: convertMillimetersToTwip(0.8), left: convertMillimetersToTwip(1.2), right: convertMillimetersToTwip(1.2) };

function paragraphs(cell: CellSpec, fallbackStyle: string): Paragraph[] {
  const lines = cell.lines.length > 0 ? cell.lines : [''];
  return lines.map((line) => {
    const span: Span = typeof line === 'string' ? { text: line } : line;
    const style = span.style ?? cell.style ?? fallbackStyle;
    return new Paragraph({
      style,
      autoSpaceEastAsianText: false,
      ...(span.hanging ? { indent: { left: span.hanging * 240, hanging: span.hanging * 240 } } : {}),
      children: [
        new TextRun({
          text: span.text,
          bold: span.bold ?? cell.bold,
          color: span.color ?? cell.color,
          ...(span.size ? { size: Math.round(span.size * 2) } : {}),
        }),
      ],
    });
  });
}

function spanWidth(widths: number[], col: number, span: number): number {
  return widths.slice(col, col + span).reduce((a, b) => a + b, 0);
}

/**
 * Rows of cells with spans laid onto the grid: the column each cell starts in, accounting for
 * cells of rows above that span down into this row.
 */
function placeCells(rows: CellSpec[][], columns: number): Array<Array<{ cell: CellSpec; col: number }>> {
  const busyUntil = new Array<number>(columns).fill(-1); // last row index a rowSpan covers
  return rows.map((row, r) => {
    const placed: Array<{ cell: CellSpec; col: number }> = [];
    let col = 0;
    for (const cell of row) {
      while (col < columns && busyUntil[col]! >= r) col++;
      if (col >= columns) throw new Error(`internal: table row ${r} has more cells than its ${columns} columns`);
      placed.push({ cell, col });
      const span = cell.colSpan ?? 1;
      for (let c = col; c < col + span; c++) busyUntil[c] = r + (cell.rowSpan ?? 1) - 1;
      col += span;
    }
    return placed;
  });
}

export function buildTable(spec: TableSpec): Table {
  const total = Math.round(CONTENT_WIDTH_TWIPS * (spec.share ?? 1));
  const widths = columnTwips(spec.widths, total);
  const border = { style: BorderStyle.SINGLE, size: spec.borderSize ?? 6, color: spec.borderSize ? COLOR.ink : COLOR.rule };
  const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
  const makeRows = (rows: CellSpec[][], isHead: boolean) =>
    placeCells(rows, widths.length).map(
      (row) =>
        new TableRow({
          ...(isHead ? { tableHeader: true } : {}),
          cantSplit: true,
          children: row.map(
            ({ cell, col }) =>
              new TableCell({
                children: paragraphs(isHead ? { style: STYLE.tableHead, ...cell } : cell, isHead ? STYLE.tableHead : (spec.bodyStyle ?? STYLE.tableText)),
                width: { size: spanWidth(widths, col, cell.colSpan ?? 1), type: WidthType.DXA },
                margins: CELL_MARGIN,
                verticalAlign: cell.top ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER,
                ...(cell.rowSpan && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
                ...(cell.colSpan && cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
                ...((cell.fill ?? (isHead ? COLOR.head : undefined))
                  ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: cell.fill ?? COLOR.head } }
                  : {}),
              }),
          ),
        }),
    );
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders,
    ...(spec.alignment ? { alignment: spec.alignment } : {}),
    rows: [...makeRows(spec.head, true), ...makeRows(spec.body, false)],
  });
}
