/* panel.pdf's leniency chart: one bar per judge, or two with `normalize: offset`, page after page. */
import type { JudgeStat } from '../core/model.js';
import { pageBottom } from './pdf-doc.js';
import { formatNumber } from '../text/numbers.js';
import { reportText } from '../text/report.js';
import { signed } from './panel-text.js';

import { COLOR, fit, niceCeil, type Block, type Ctx } from './panel-layout.js';

/** The fitted offset's bars are the leniency's colours, lighter: the raw figure beside it. */
const LIGHT = { lenient: '#f3c19f', strict: '#a9c5e6' };
/** Rows the chart keeps with its heading on the first page; the rest follow page after page. */
const FIRST_ROWS = 12;
const FOOT = 26;

const valueText = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : signed(v);

/**
 * One bar per judge from zero to their leniency, on a symmetric scale of at least +-2 points so
 * that a panel of near-identical judges does not look dramatic; the value at the bar's end.
 * With `normalize: offset` a second, lighter bar under it shows the offset fitted and taken off
 * the totals, judges in order of that offset, and a legend tells the two apart. A panel taller
 * than a page (300 judges in groups) continues on the next pages, each with its own scale line.
 */
export function leniencyChart(ctx: Ctx): Block {
  const { doc, results, P, regular, bold, left, width } = ctx;
  const withOffset = results.analytics.judges.some((j) => j.offset !== undefined);
  const O = reportText(results.rubric.lang).offset;
  const key = (j: JudgeStat) => (withOffset ? (j.offset ?? null) : j.leniency);
  const judges = results.analytics.judges
    .map((j, i) => ({ j, i }))
    .sort((a, b) => (key(b.j) ?? -Infinity) - (key(a.j) ?? -Infinity) || a.i - b.i)
    .map(({ j }) => j);
  const many = judges.length > 16;
  const rowHeight = withOffset ? (many ? 22 : 26) : many ? 13 : 18;
  // Between a judge's two bars: room for their two value labels not to touch.
  const gap = many ? 3 : 2;
  const barHeight = withOffset ? (many ? 7 : 9) : Math.round(rowHeight * 0.62);
  const labelSize = 9;
  const valueSize = withOffset ? (many ? 7 : 8) : 8.5;
  const head = withOffset ? 29 : 15;
  const series = (j: JudgeStat) => (withOffset ? [j.leniency, j.offset ?? null] : [j.leniency]);

  const full = head + rowHeight * judges.length + FOOT;
  const page = pageBottom(doc) - doc.page.margins.top - 40;
  const height = full <= page ? full : head + rowHeight * FIRST_ROWS + FOOT;

  const draw = () => {
    const values = judges.flatMap((j) => series(j).filter((v): v is number => v !== null));
    doc.font(regular).fontSize(labelSize);
    const labelWidth =
      Math.min(130, Math.max(30, ...judges.map((j) => doc.widthOfString(j.judge)))) + 10;
    doc.font(bold).fontSize(valueSize);
    const valueWidth =
      Math.max(...judges.flatMap((j) => series(j).map((v) => doc.widthOfString(valueText(v))))) + 6;
    const x0 = left + labelWidth;
    const plotWidth = width - labelWidth;
    const cx = x0 + plotWidth / 2;
    const half = plotWidth / 2 - valueWidth;
    const scale = niceCeil(Math.max(2, ...values.map((v) => Math.abs(v))));
    const xOf = (v: number) => cx + (v / scale) * half;
    const ticks = [-scale, -scale / 2, 0, scale / 2, scale];

    const legend = (y: number) => {
      doc.font(regular).fontSize(8);
      let x = cx - (doc.widthOfString(O.leniencyKey) + doc.widthOfString(O.offsetKey) + 50) / 2;
      // Each swatch is half blue, half orange: the bars take either colour by their sign.
      for (const [strict, lenient, text] of [
        [COLOR.strict, COLOR.lenient, O.leniencyKey],
        [LIGHT.strict, LIGHT.lenient, O.offsetKey],
      ] as const) {
        doc.rect(x, y + 1, 7, 7).fill(strict);
        doc.rect(x + 7, y + 1, 7, 7).fill(lenient);
        doc.fillColor(COLOR.text).text(text, x + 18, y, { lineBreak: false });
        x += 18 + doc.widthOfString(text) + 14;
      }
    };

    const bar = (v: number, lenient: string, strict: string, top: number, h: number) => {
      const x = xOf(v);
      const a = Math.min(x, cx);
      const w = Math.max(Math.abs(x - cx), 0.8);
      doc.rect(a, top, w, h).fill(v >= 0 ? lenient : strict);
      const text = valueText(v);
      doc.font(bold).fontSize(valueSize).fillColor(COLOR.text);
      const tw = doc.widthOfString(text);
      doc.text(text, v >= 0 ? a + w + 3 : a - 3 - tw, top + h / 2 - valueSize * 0.62, {
        lineBreak: false,
      });
    };

    const row = (j: JudgeStat, mid: number) => {
      doc.font(regular).fontSize(labelSize).fillColor(COLOR.text);
      const name = fit(doc, j.judge, labelWidth - 10);
      doc.text(name, x0 - 8 - doc.widthOfString(name), mid - labelSize * 0.62, {
        lineBreak: false,
      });
      if (j.leniency === null && (!withOffset || j.offset === undefined)) {
        doc.font(bold).fontSize(valueSize).fillColor(COLOR.muted);
        doc.text('—', cx + 4, mid - valueSize * 0.62, { lineBreak: false });
        return;
      }
      if (!withOffset) {
        bar(j.leniency!, COLOR.lenient, COLOR.strict, mid - barHeight / 2, barHeight);
        return;
      }
      if (j.leniency !== null)
        bar(j.leniency, COLOR.lenient, COLOR.strict, mid - barHeight - gap / 2, barHeight);
      if (j.offset !== undefined)
        bar(j.offset, LIGHT.lenient, LIGHT.strict, mid + gap / 2, barHeight);
    };

    const chunk = (rows: JudgeStat[]) => {
      const top = doc.y + 2;
      if (withOffset) legend(top);
      const axisTop = top + (withOffset ? 14 : 0);
      doc.font(regular).fontSize(8).fillColor(COLOR.muted);
      doc.text(P.stricter, cx - 6 - doc.widthOfString(P.stricter), axisTop, { lineBreak: false });
      doc.text(P.moreLenient, cx + 6, axisTop, { lineBreak: false });
      const y0 = axisTop + 13;
      const h = rowHeight * rows.length;
      for (const t of ticks) {
        if (t === 0) continue;
        doc
          .moveTo(xOf(t), y0)
          .lineTo(xOf(t), y0 + h)
          .lineWidth(0.5)
          .dash(2, { space: 2 })
          .strokeColor(COLOR.grid)
          .stroke();
        doc.undash();
      }
      rows.forEach((j, i) => row(j, y0 + i * rowHeight + rowHeight / 2));
      // The zero line over the bars' inner ends, then the scale underneath.
      doc
        .moveTo(cx, y0 - 2)
        .lineTo(cx, y0 + h + 2)
        .lineWidth(0.9)
        .strokeColor(COLOR.axis)
        .stroke();
      doc.font(regular).fontSize(7.5).fillColor(COLOR.muted);
      for (const t of ticks) {
        const text = t > 0 ? `+${formatNumber(t)}` : formatNumber(t);
        doc.text(text, xOf(t) - doc.widthOfString(text) / 2, y0 + h + 4, { lineBreak: false });
      }
      doc.fillColor(COLOR.text);
      doc.x = left;
      doc.y = y0 + h + FOOT;
    };

    let done = 0;
    while (done < judges.length) {
      if (done > 0) {
        doc.addPage();
        doc.font(bold).fontSize(12).fillColor(COLOR.text);
        doc.text(O.continued(P.leniencyHeading), left, doc.y, { width });
        doc.y += 2;
      }
      const room = Math.floor((pageBottom(doc) - doc.y - head - FOOT) / rowHeight);
      const rows = judges.slice(done, done + Math.max(1, room));
      chunk(rows);
      done += rows.length;
    }
  };
  return { height, draw };
}
