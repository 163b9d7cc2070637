/* One project's row of the spread chart: its judges' dots against the axis, its final, its flags. */
import type { ProjectResult } from '../core/model.js';
import { type Doc } from './pdf-doc.js';
import { reportText } from '../text/report.js';
import { CLOSE_MARGIN, signed } from './panel-text.js';

import { COLOR, fit, type Ctx } from './panel-layout.js';

/** The main band of a project's row (id, name, dots); flags add lines below it. */
export const BAND = 22;
/** The legend (two lines at most) and the scale above the rows, in points. */
export const LEGEND_HEIGHT = 30;
export const AXIS_HEIGHT = 25;
/** A dot's radius; smaller for a large panel, whose dots would otherwise pile up. */
export const DOT = 3;
export const SMALL_DOT = 2.2;
export const FLAG_SIZE = 7.5;
/** Flags shown under one project; the rest are counted ("and 3 more"). */
export const MAX_FLAGS = 8;

export interface Dot {
  judge: string;
  value: number;
  dropped: boolean;
  outlier: boolean;
}

export interface Row {
  project: ProjectResult;
  dots: Dot[];
  final: number;
  /** The project's pass mark: its track's threshold, or the rubric's. */
  threshold: number;
  close: boolean;
  flags: { text: string; hinge: boolean }[];
  flagHeight: number;
}

export interface Axis {
  lo: number;
  hi: number;
  ticks: number[];
  /** The plot's ends, and the left edge of the final-score column. */
  plot0: number;
  plot1: number;
  right: number;
  x: (value: number) => number;
  /** Radius of a judge's dot. */
  dot: number;
}

/** Rows the chart's start keeps together with its heading, legend and scale. */
export const KEEP_ROWS = 8;

export function drawProjectRow(
  ctx: Ctx,
  axis: Axis,
  row: Row,
  y: number,
  index: number,
  pageTop: number,
  flagIndent: number,
) {
  const { doc, results, regular, bold, left, width } = ctx;
  const { rubric } = results;
  const L = reportText(rubric.lang).pdf;
  const p = row.project;
  const h = BAND + row.flagHeight;
  const mid = y + BAND / 2;

  if (row.flags.length > 0) doc.rect(left, y, width, h).fill(COLOR.flagRow);
  else if (index % 2 === 1) doc.rect(left, y, width, h).fill(COLOR.zebra);

  // Scale lines through the band, then the close-call band, then the pass mark.
  for (const t of axis.ticks) {
    const x = axis.x(t);
    doc
      .moveTo(x, y)
      .lineTo(x, y + BAND)
      .lineWidth(0.4)
      .strokeColor(COLOR.grid)
      .stroke();
  }
  const tx = axis.x(row.threshold);
  if (row.close) {
    // The whole close zone (pass mark +- the margin), not just the gap to the final: a gap of
    // 0.67 points would hide behind the final's bar. A stripe on the left edge repeats it.
    const zone0 = axis.x(Math.max(axis.lo, row.threshold - CLOSE_MARGIN));
    const zone1 = axis.x(Math.min(axis.hi, row.threshold + CLOSE_MARGIN));
    doc.rect(zone0, y + 2, zone1 - zone0, BAND - 4).fill(COLOR.closeZone);
    doc.rect(left, y, 3, h).fill(COLOR.close);
  }
  passLine(doc, tx, y, y + BAND, y - pageTop);

  // The range of the totals, then a dot per total, nudged up or down where they would overlap.
  if (row.dots.length > 1) {
    const xs = row.dots.map((d) => axis.x(d.value));
    doc
      .moveTo(Math.min(...xs), mid)
      .lineTo(Math.max(...xs), mid)
      .lineWidth(0.8)
      .strokeColor('#b9c2d0')
      .stroke();
  }
  // The final's bar goes under the dots: it is taller than they are, so both stay visible.
  finalMark(doc, axis.x(row.final), mid, 8.5);
  for (const { dot, dy } of lanes(row.dots, axis)) {
    const x = axis.x(dot.value);
    if (dot.dropped) hollowDot(doc, x, mid + dy, axis.dot);
    else doc.circle(x, mid + dy, axis.dot).fill(COLOR.dot);
    if (dot.outlier) outlierRing(doc, x, mid + dy, axis.dot);
  }

  // Rank, id and name on the left.
  doc.font(regular).fontSize(8).fillColor(COLOR.muted);
  const rank = String(p.rank);
  doc.text(rank, left + 16 - doc.widthOfString(rank), y + 2.5, { lineBreak: false });
  doc.font(bold).fontSize(9).fillColor(COLOR.text);
  const nameWidth = axis.plot0 - 10 - (left + 22);
  const id = fit(doc, p.id, nameWidth);
  const named = p.name !== undefined && p.name.trim() !== '';
  doc.text(id, left + 22, named ? y + 1 : mid - 6, { lineBreak: false });
  if (named) {
    doc.font(regular).fontSize(7).fillColor(COLOR.muted);
    doc.text(fit(doc, p.name!.trim(), nameWidth), left + 22, y + 12, { lineBreak: false });
  }

  // The final and the result on the right; a close call says how close.
  doc
    .font(bold)
    .fontSize(9.5)
    .fillColor(p.passed ? COLOR.pass : COLOR.fail);
  doc.text(p.final.toFixed(rubric.decimals), axis.right, y + 1, { lineBreak: false });
  const verdict = p.passed ? L.passed : L.failed;
  if (row.close) {
    doc.font(bold).fontSize(7).fillColor(COLOR.closeText);
    doc.text(`${verdict} ${signed(row.final - row.threshold)}`, axis.right, y + 12, {
      lineBreak: false,
    });
  } else {
    doc
      .font(regular)
      .fontSize(7)
      .fillColor(p.passed ? COLOR.pass : COLOR.fail);
    doc.text(verdict, axis.right, y + 12, { lineBreak: false });
  }

  // The flags in small type under the band.
  let fy = y + BAND - 1;
  for (const f of row.flags) {
    const fh = flagLineHeight(ctx, f, width - flagIndent);
    doc.fillColor(f.hinge ? COLOR.hinge : COLOR.note);
    // `height` bounds the text to what was measured: pdfkit then never starts a page on its own.
    doc.text(`• ${f.text}`, left + flagIndent, fy, {
      width: width - flagIndent,
      height: fh + 1,
      lineGap: 0.5,
    });
    fy += fh;
  }

  doc
    .moveTo(left, y + h)
    .lineTo(left + width, y + h)
    .lineWidth(0.4)
    .strokeColor('#d5d5d5')
    .stroke();
  doc.fillColor(COLOR.text);
}

/** Sets the flag's face and size, and measures it: the same settings draw it. */
export function flagLineHeight(
  ctx: Ctx,
  flag: { text: string; hinge: boolean },
  width: number,
): number {
  const { doc, regular, bold } = ctx;
  doc.font(flag.hinge ? bold : regular).fontSize(FLAG_SIZE);
  return doc.heightOfString(`• ${flag.text}`, { width, lineGap: 0.5 });
}

/**
 * Vertical offsets for dots that would overlap: equal totals stack instead of hiding each other,
 * up to two lanes above and below the line (the band has no room for more).
 */
export function lanes(dots: Dot[], axis: Axis): { dot: Dot; dy: number }[] {
  const step = axis.dot * 1.3;
  const offsets = [0, -step, step, -2 * step, 2 * step];
  const placed: { x: number; lane: number }[] = [];
  const sorted = dots
    .map((dot, i) => ({ dot, i }))
    .sort((a, b) => a.dot.value - b.dot.value || a.i - b.i);
  return sorted.map(({ dot }) => {
    const x = axis.x(dot.value);
    let lane = offsets.findIndex((_, k) =>
      placed.every((p) => p.lane !== k || Math.abs(p.x - x) >= 2 * axis.dot + 0.6),
    );
    if (lane < 0) lane = 0;
    placed.push({ x, lane });
    return { dot, dy: offsets[lane]! };
  });
}

export function hollowDot(doc: Doc, x: number, y: number, r: number) {
  doc
    .circle(x, y, r - 0.4)
    .lineWidth(r > 2.5 ? 1 : 0.8)
    .fillAndStroke('#ffffff', COLOR.dropped);
}

export function outlierRing(doc: Doc, x: number, y: number, r: number) {
  doc
    .circle(x, y, r + 2)
    .lineWidth(1.2)
    .strokeColor(COLOR.outlier)
    .stroke();
}

export function finalMark(doc: Doc, x: number, y: number, half: number) {
  doc.rect(x - 1.1, y - half, 2.2, 2 * half).fill(COLOR.text);
}

/** The pass mark's dashed line; `phase` keeps the dashes continuous from row to row. */
export function passLine(doc: Doc, x: number, y0: number, y1: number, phase: number) {
  doc
    .moveTo(x, y0)
    .lineTo(x, y1)
    .lineWidth(1)
    .dash(3, { space: 2, phase: phase % 5 })
    .strokeColor(COLOR.threshold)
    .stroke();
  doc.undash();
}
