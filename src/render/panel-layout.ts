/* The panel report's shared layout: its colours, sections that keep a heading with its block, and tables measured before they are drawn. */
import type { Results } from '../core/model.js';
import { ensureSpace, pageBottom, type Doc } from './pdf-doc.js';
import { drawTable, tableHeight, type Cell, type Column, type TableStyle } from './pdf-table.js';
import type { PanelLabels } from '../text/report-pdf.js';

export interface Ctx {
  doc: Doc;
  results: Results;
  P: PanelLabels;
  regular: string;
  bold: string;
  left: number;
  width: number;
}

export const COLOR = {
  text: '#222222',
  muted: '#666666',
  grid: '#dcdcdc',
  axis: '#444444',
  lenient: '#e07b39',
  strict: '#3a78c2',
  pass: '#1e7b3c',
  fail: '#b3261e',
  threshold: '#c62828',
  dot: '#2f4b7c',
  dropped: '#8f8f8f',
  outlier: '#e8590c',
  flagRow: '#fdf0e4',
  zebra: '#f5f6f8',
  close: '#f7c948',
  closeZone: '#fbe2a0',
  closeText: '#8a5a00',
  hinge: '#a3410b',
  note: '#5c4a1e',
};

export const TABLE_SIZE = 8.5;

/** Something drawn from doc.y down, whose height is known before it is drawn. */
export interface Block {
  height: number;
  draw: () => void;
}

/**
 * A section heading, an optional note and the block under them, moved to a new page together
 * when they would not fit on this one (a block taller than a page simply starts at the top).
 */
export function section(ctx: Ctx, heading: string, note: string | undefined, block: Block) {
  const { doc, regular, bold, left, width } = ctx;
  doc.font(bold).fontSize(12);
  const headingHeight = doc.heightOfString(heading, { width }) + 2;
  doc.font(regular).fontSize(8.5);
  const noteHeight = note ? doc.heightOfString(note, { width, lineGap: 1 }) + 3 : 0;
  const page = pageBottom(doc) - doc.page.margins.top;
  ensureSpace(doc, Math.min(headingHeight + noteHeight + block.height, page));
  doc.font(bold).fontSize(12).fillColor(COLOR.text);
  doc.text(heading, left, doc.y, { width });
  doc.y += 2;
  if (note) {
    doc.font(regular).fontSize(8.5).fillColor(COLOR.muted);
    doc.text(note, left, doc.y, { width, lineGap: 1 });
    doc.y += 3;
  }
  doc.fillColor(COLOR.text);
  block.draw();
}

export interface TableSpec {
  columns: Column[];
  rows: Cell[][];
  style: TableStyle;
}

export function tableBlock(ctx: Ctx, spec: TableSpec, after: number): Block {
  const { doc } = ctx;
  return {
    height: tableHeight(doc, spec.columns, spec.rows, spec.style) + after,
    draw: () => {
      drawTable(doc, spec.columns, spec.rows, spec.style);
      doc.y += after;
    },
  };
}

export const tableStyle = (ctx: Ctx, extra: Partial<TableStyle> = {}): TableStyle => ({
  regular: ctx.regular,
  bold: ctx.bold,
  fontSize: TABLE_SIZE,
  padX: 5,
  padY: 2.5,
  headerFill: '#e9e9e9',
  ...extra,
});

/** The smallest of 1, 2, 5, 10, 20, 50, ... at least `x`: the chart's half-width in points of leniency. */
export function niceCeil(x: number): number {
  let magnitude = 1;
  while (magnitude * 10 < x) magnitude *= 10;
  while (magnitude > x) magnitude /= 10;
  for (const m of [1, 2, 5, 10]) if (m * magnitude >= x) return m * magnitude;
  return 10 * magnitude;
}

/** Text cut with an ellipsis to fit `width` at the current font. */
export function fit(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}
