import { toNumber } from '../core/decimal.js';
import { pageBottom } from './pdf-doc.js';
import { formatNumber } from '../text/numbers.js';
import { reportText } from '../text/report.js';
import { CLOSE_MARGIN, flagSentence, isHinge } from './panel-text.js';
import { thresholdOf } from './track-card.js';

import { COLOR, section, type Block, type Ctx } from './panel-layout.js';

// The spread of each project's judge totals against the pass mark (page 2 on).

import {
  BAND,
  LEGEND_HEIGHT,
  AXIS_HEIGHT,
  DOT,
  SMALL_DOT,
  MAX_FLAGS,
  type Dot,
  type Row,
  type Axis,
  KEEP_ROWS,
  drawProjectRow,
  flagLineHeight,
  hollowDot,
  outlierRing,
  finalMark,
  passLine,
} from './panel-spread-row.js';

export function spreadChart(ctx: Ctx) {
  const { doc, results, P, regular, left, width } = ctx;
  const { rubric, analytics } = results;
  const normalised = rubric.normalize === 'zscore';

  const spreadOf = new Map(analytics.projects.map((p) => [p.id, p]));
  const flagIndent = 24;
  const words = reportText(rubric.lang).flags;
  const rows: Row[] = results.projects.map((p) => {
    const spread = spreadOf.get(p.id)!;
    const outliers = new Set(
      spread.flags.filter((f) => f.type === 'outlier').map((f) => f.judge ?? ''),
    );
    const dots: Dot[] = [];
    for (const [judge, s] of p.scores) {
      if (s.recused) continue;
      dots.push({
        judge,
        value: toNumber(s.normalizedTotal ?? s.total),
        dropped: s.dropped,
        outlier: outliers.has(judge),
      });
    }
    const final = toNumber(p.final);
    const threshold = thresholdOf(results, p.id);
    const all = spread.flags.map((f) => ({
      text: `${words.kind[f.type]}${words.separator}${flagSentence(f, p, rubric)}`,
      hinge: isHinge(f.type),
    }));
    const flags = all.slice(0, MAX_FLAGS);
    if (all.length > MAX_FLAGS) {
      flags.push({ text: P.moreFlags(all.length - MAX_FLAGS), hinge: false });
    }
    const flagHeight =
      flags.length === 0
        ? 0
        : flags.reduce((h, f) => h + flagLineHeight(ctx, f, width - flagIndent), 0) + 4;
    return {
      project: p,
      dots,
      final,
      // A close call is measured against the project's own pass mark (its track's, with tracks).
      threshold,
      close: Math.abs(final - threshold) <= CLOSE_MARGIN,
      flags,
      flagHeight,
    };
  });
  const axis = spreadAxis(ctx, rows);
  const rowHeight = (row: Row) => BAND + row.flagHeight;

  const chart: Block = {
    // The legend (at most two lines), the scale and the first few rows.
    height:
      LEGEND_HEIGHT +
      4 +
      AXIS_HEIGHT +
      rows.slice(0, KEEP_ROWS).reduce((h, r) => h + rowHeight(r), 0),
    draw: () => {
      legend(ctx, rows);
      let y = axisHeader(ctx, axis, doc.y + 4);
      let pageTop = y;
      rows.forEach((row, i) => {
        const h = rowHeight(row);
        if (y + h > pageBottom(doc)) {
          doc.addPage();
          y = axisHeader(ctx, axis, doc.page.margins.top);
          pageTop = y;
        }
        drawProjectRow(ctx, axis, row, y, i, pageTop, flagIndent);
        y += h;
      });
      doc.x = left;
      doc.y = y;
    },
  };
  doc.font(regular);
  section(
    ctx,
    P.spreadHeading,
    `${P.spreadNote}${normalised ? ` ${P.normalisedNote}` : ''}`,
    chart,
  );
}

function spreadAxis(ctx: Ctx, rows: Row[]): Axis {
  const { doc, results, regular, bold, left, width } = ctx;
  const threshold = results.rubric.threshold;
  const values = [
    threshold,
    ...rows.flatMap((r) => [r.threshold, r.final, ...r.dots.map((d) => d.value)]),
  ];
  // Zoomed to the totals given (and the pass mark), padded to a multiple of 5, within 0-100.
  let lo = Math.max(0, Math.floor((Math.min(...values) - 2) / 5) * 5);
  let hi = Math.min(100, Math.ceil((Math.max(...values) + 2) / 5) * 5);
  if (hi - lo < 10) {
    lo = Math.max(0, Math.min(lo, hi - 10));
    hi = Math.min(100, lo + 10);
  }
  const span = hi - lo;
  const step = [1, 2, 5, 10, 20, 25].find((s) => span / s <= 12) ?? 25;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) ticks.push(t);

  doc.font(bold).fontSize(9.5);
  const finalWidth = Math.max(
    doc.widthOfString('100.00'),
    doc.font(regular).fontSize(7.5).widthOfString(`${ctx.P.final}`),
  );
  const rightWidth = Math.max(62, finalWidth + 6);
  const leftWidth = 118;
  const plot0 = left + leftWidth + 8;
  const right = left + width - rightWidth;
  const plot1 = right - 10;
  return {
    lo,
    hi,
    ticks,
    plot0,
    plot1,
    right,
    dot: results.judges.length > 9 ? SMALL_DOT : DOT,
    x: (v) => plot0 + ((v - lo) / (hi - lo)) * (plot1 - plot0),
  };
}

/** A row of symbols with their meaning, wrapping like text. */
function legend(ctx: Ctx, rows: Row[]) {
  const { doc, results, P, regular, left, width } = ctx;
  const threshold = formatNumber(results.rubric.threshold);
  type Item = { draw: (x: number, y: number) => number; text: string };
  const items: Item[] = [
    {
      text: P.counted,
      draw: (x, y) => {
        doc.circle(x + DOT, y, DOT).fill(COLOR.dot);
        return 2 * DOT;
      },
    },
  ];
  if (rows.some((r) => r.dots.some((d) => d.dropped))) {
    items.push({
      text: P.dropped,
      draw: (x, y) => {
        hollowDot(doc, x + DOT, y, DOT);
        return 2 * DOT;
      },
    });
  }
  if (rows.some((r) => r.dots.some((d) => d.outlier))) {
    items.push({
      text: P.outlier,
      draw: (x, y) => {
        doc.circle(x + DOT + 2, y, DOT).fill(COLOR.dot);
        outlierRing(doc, x + DOT + 2, y, DOT);
        return 2 * DOT + 4;
      },
    });
  }
  items.push(
    {
      text: P.finalMark,
      draw: (x, y) => {
        finalMark(doc, x + 2, y, 6);
        return 4;
      },
    },
    {
      text: P.passLine(threshold),
      draw: (x, y) => {
        passLine(doc, x + 1, y - 7, y + 7, 0);
        return 2;
      },
    },
  );
  if (rows.some((r) => r.close)) {
    items.push({
      text: P.closeBand(CLOSE_MARGIN),
      draw: (x, y) => {
        doc.rect(x, y - 5, 3, 10).fill(COLOR.close);
        doc.rect(x + 5, y - 5, 14, 10).fill(COLOR.closeZone);
        return 19;
      },
    });
  }
  if (rows.some((r) => r.flags.length > 0)) {
    items.push({
      text: P.flagged,
      draw: (x, y) => {
        doc.rect(x, y - 5, 14, 10).fill(COLOR.flagRow);
        doc
          .rect(x, y - 5, 14, 10)
          .lineWidth(0.4)
          .strokeColor('#e0b899')
          .stroke();
        return 14;
      },
    });
  }

  doc.font(regular).fontSize(8);
  let x = left;
  let y = doc.y + 7;
  for (const item of items) {
    const w = 22 + doc.widthOfString(item.text);
    if (x + w > left + width) {
      x = left;
      y += 14;
    }
    const symbol = item.draw(x, y);
    doc.font(regular).fontSize(8).fillColor(COLOR.text);
    doc.text(item.text, x + symbol + 4, y - 5, { lineBreak: false });
    x += symbol + 4 + doc.widthOfString(item.text) + 14;
  }
  doc.fillColor(COLOR.text);
  doc.x = left;
  doc.y = y + 8;
}

/** Column titles and the scale, repeated at the top of every page of the chart. */
function axisHeader(ctx: Ctx, axis: Axis, y: number): number {
  const { doc, results, P, regular, bold, left } = ctx;
  const threshold = results.rubric.threshold;
  doc.font(bold).fontSize(8.5).fillColor(COLOR.muted);
  doc.text(P.project, left, y + 11, { lineBreak: false });
  doc.text(P.final, axis.right, y + 11, { lineBreak: false });

  // The pass mark's label above the scale, kept inside the plot.
  doc.font(bold).fontSize(8).fillColor(COLOR.threshold);
  const label = P.passLine(formatNumber(threshold));
  const lw = doc.widthOfString(label);
  const tx = Math.min(Math.max(axis.x(threshold) - lw / 2, axis.plot0), axis.plot1 - lw);
  doc.text(label, tx, y, { lineBreak: false });

  doc.font(regular).fontSize(7.5).fillColor(COLOR.muted);
  const base = y + AXIS_HEIGHT - 1;
  for (const t of axis.ticks) {
    const x = axis.x(t);
    const text = formatNumber(t);
    doc.text(text, x - doc.widthOfString(text) / 2, y + 12, { lineBreak: false });
    doc
      .moveTo(x, base - 3)
      .lineTo(x, base)
      .lineWidth(0.6)
      .strokeColor(COLOR.axis)
      .stroke();
  }
  doc
    .moveTo(axis.plot0, base)
    .lineTo(axis.plot1, base)
    .lineWidth(0.6)
    .strokeColor(COLOR.axis)
    .stroke();
  doc.fillColor(COLOR.text);
  return base + 1;
}
