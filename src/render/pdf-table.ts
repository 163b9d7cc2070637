import { pageBottom, type Doc } from './pdf-doc.js';
import { drawLines, measureLines } from './pdf-lines.js';
import { isCounting } from './pdf-pages.js';
import { setFillColor } from './pdf-color-ops.js';
import { drawAlignedLine } from './pdf-text-line.js';
import { tableRules } from './pdf-table-rules.js';

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'center' | 'right';
}

export type Cell = string | { text: string; bold?: boolean; color?: string };

export interface TableStyle {
  regular: string;
  bold: string;
  fontSize: number;
  padX?: number;
  padY?: number;
  lineGap?: number;
  /** Background of the header row, repeated at the top of every page the table runs onto. */
  headerFill?: string;
  /** No header row (a label/value list). */
  headless?: boolean;
}

const RULE = '#555555';

/**
 * A ruled table drawn with plain text and lines from doc.y down. Rows grow to fit wrapped text;
 * when a row does not fit, it moves to a new page under a repeated header row. pdfkit has
 * doc.table(), but with a registered font alias it re-reads the font file for every cell
 * (minutes for a thousand rows); this draws ten thousand rows in a few seconds. `measured` is
 * the table's measureTable(), when the caller lays the table out more than once; without it each
 * row is measured just before it is drawn (pdfkit's heights depend, in their last bits, on where
 * they are measured, so the panel and cards keep the order their bytes were pinned with).
 */
export function drawTable(
  doc: Doc,
  columns: readonly Column[],
  rows: readonly Cell[][],
  style: TableStyle,
  measured?: TableLayout,
) {
  const { padX, padY, lineGap, textOf, fontOf, layout } = tableMeasure(doc, columns, style);
  const left = doc.page.margins.left;
  const xs: number[] = [];
  let acc = left;
  for (const c of columns) {
    xs.push(acc);
    acc += c.width;
  }
  const tableWidth = acc - left;
  const strokeRules = tableRules(doc, left, xs, tableWidth, RULE);

  const headerCells = columns.map((c) => c.header);
  const headerLayout = measured?.header ?? layout(headerCells, true);
  const headerHeight = style.headless ? 0 : headerLayout.h;
  // The tallest row a fresh page can hold under the header; a taller one is cut with an ellipsis
  // rather than overflowing the page.
  const maxRow = () => pageBottom(doc) - doc.page.margins.top - headerHeight;

  const drawRow = (
    cells: readonly Cell[],
    measures: readonly CellMeasure[],
    y: number,
    h: number,
    header: boolean,
  ) => {
    if (header && style.headerFill) {
      doc.rect(left, y, tableWidth, h).fill(style.headerFill);
    }
    columns.forEach((c, i) => {
      const cell = cells[i];
      const text = textOf(cell);
      if (text === '') return;
      const width = c.width - 2 * padX;
      const font = fontOf(cell, header);
      const inner = h - 2 * padY;
      const m = measures[i] ?? { height: 0, single: true };
      const textHeight = Math.min(m.height, inner);
      const color = typeof cell === 'object' && cell.color ? cell.color : 'black';
      const align = header ? 'center' : (c.align ?? 'left');
      const ty = y + padY + (inner - textHeight) / 2;
      doc.font(font).fontSize(style.fontSize);
      setFillColor(doc, color);
      if (m.single) {
        drawAlignedLine(doc, text, xs[i]! + padX, width, align, ty);
      } else if (m.lines !== undefined && align === 'left' && m.height <= inner) {
        // Laid out when measured: drawn from those lines, without wrapping the text again.
        drawLines(doc, m.lines, xs[i]! + padX, ty, lineGap);
      } else {
        // `height` bounds the text to its cell: pdfkit then never starts a page on its own.
        doc.text(text, xs[i]! + padX, ty, {
          width,
          height: textHeight + 0.5,
          lineGap,
          align,
          ellipsis: true,
        });
      }
    });
    setFillColor(doc, 'black');
    strokeRules(y, h);
  };

  // While pages are only counted, nothing drawn is kept: the rows' heights are all it needs.
  const paint = !isCounting(doc);
  const header = (y: number) => {
    if (style.headless) return y;
    if (paint) drawRow(headerCells, headerLayout.measures, y, headerHeight, true);
    return y + headerHeight;
  };

  let y = doc.y;
  const rowLayout = (r: number) => measured?.rows[r] ?? layout(rows[r]!, false);
  const first = rows[0] ? Math.min(rowLayout(0).h, maxRow()) : 0;
  // Never leave a header alone at the foot of a page.
  if (y + headerHeight + first > pageBottom(doc)) {
    doc.addPage();
    y = doc.y;
  }
  y = header(y);
  for (const [r, row] of rows.entries()) {
    const { measures, h: natural } = rowLayout(r);
    const h = Math.min(natural, maxRow());
    if (y + h > pageBottom(doc)) {
      doc.addPage();
      y = header(doc.y);
    }
    if (paint) drawRow(row, measures, y, h, false);
    y += h;
  }
  doc.x = left;
  doc.y = y;
}

/** A cell's text height, whether it fits on one line, and if not the lines it wraps into. */
interface CellMeasure {
  readonly height: number;
  readonly single: boolean;
  readonly lines?: readonly string[];
}

/** How drawTable() measures: each cell's text height and whether it fits on one line, per row. */
function tableMeasure(doc: Doc, columns: readonly Column[], style: TableStyle) {
  const padX = style.padX ?? 4;
  const padY = style.padY ?? 4;
  const lineGap = style.lineGap ?? 1;
  const textOf = (cell: Cell | undefined) => (typeof cell === 'string' ? cell : (cell?.text ?? ''));
  const fontOf = (cell: Cell | undefined, header: boolean) =>
    header || (typeof cell === 'object' && cell.bold) ? style.bold : style.regular;
  const oneLine = () => doc.currentLineHeight(true) + lineGap;
  // Every one-line cell in a font measures the same, so its cells share one measure (a long
  // table keeps tens of thousands of them until it is drawn).
  const empty: CellMeasure = { height: 0, single: true };
  const singles = new Map<string, CellMeasure>();
  /** Height of a cell's text, and whether it fits on one line (then drawn without wrapping). */
  const measure = (text: string, width: number, font: string): CellMeasure => {
    doc.font(font).fontSize(style.fontSize);
    if (text === '') return empty;
    // Most cells fit on one line; checking that by width skips pdfkit's line wrapper, which is
    // most of the cost of a long table.
    if (!text.includes('\n') && doc.widthOfString(text) <= width) {
      let single = singles.get(font);
      if (single === undefined) singles.set(font, (single = { height: oneLine(), single: true }));
      return single;
    }
    return { ...measureLines(doc, text, { width, lineGap }), single: false };
  };
  doc.font(style.regular).fontSize(style.fontSize);
  const minHeight = oneLine();
  /** Each cell's measure, and the row's height (the tallest cell plus padding). */
  const layout = (cells: readonly Cell[], header: boolean) => {
    const measures = columns.map((c, i) =>
      measure(textOf(cells[i]), c.width - 2 * padX, fontOf(cells[i], header)),
    );
    return { measures, h: Math.max(minHeight, ...measures.map((m) => m.height)) + 2 * padY };
  };
  return { padX, padY, lineGap, textOf, fontOf, layout };
}

/** Each row's cells measured and its height: what drawTable() lays a table out from. */
export interface TableLayout {
  header: RowLayout;
  rows: RowLayout[];
}
interface RowLayout {
  measures: CellMeasure[];
  h: number;
}

/** Measures every row of a table once, for drawTable(). */
export function measureTable(
  doc: Doc,
  columns: readonly Column[],
  rows: readonly Cell[][],
  style: TableStyle,
): TableLayout {
  const { layout } = tableMeasure(doc, columns, style);
  return {
    header: layout(
      columns.map((c) => c.header),
      true,
    ),
    rows: rows.map((r) => layout(r, false)),
  };
}

/** The height drawTable() will give a table on one page, measured the same way. */
export function tableHeight(
  doc: Doc,
  columns: readonly Column[],
  rows: readonly Cell[][],
  style: TableStyle,
): number {
  const { header, rows: measured } = measureTable(doc, columns, rows, style);
  return measured.reduce((h, r) => h + r.h, style.headless ? 0 : header.h);
}
