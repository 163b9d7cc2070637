import type { Doc } from './pdf-doc.js';
import { strokeColorOperators } from './pdf-color-ops.js';
import { number } from './pdf-number.js';

/**
 * A row's rules: its outline and the lines between its columns, with the operators pdfkit's
 * `lineWidth(0.6).strokeColor(color)`, `rect().stroke()` and `moveTo().lineTo().stroke()` write,
 * handed to pdfkit as one string (pdfkit writes a newline after each string it is given, so the
 * bytes are the same). The parts that do not change from row to row are built once per table.
 */
export function tableRules(
  doc: Doc,
  left: number,
  xs: readonly number[],
  tableWidth: number,
  color: string,
): (y: number, h: number) => void {
  const stroke = strokeColorOperators(doc, color);
  const setup = stroke === null ? null : `${number(0.6)} w\n${stroke}\n`;
  const outline = `${number(left)} `;
  const width = ` ${number(tableWidth)} `;
  const between = xs.slice(1).map((x) => `\n${number(x)} `);
  return (y: number, h: number) => {
    if (setup === null) {
      doc.lineWidth(0.6).strokeColor(color);
      doc.rect(left, y, tableWidth, h).stroke();
      for (const x of xs.slice(1))
        doc
          .moveTo(x, y)
          .lineTo(x, y + h)
          .stroke();
      return;
    }
    const top = number(y);
    const bottom = number(y + h);
    let ops = `${setup}${outline}${top}${width}${number(h)} re\nS`;
    for (const x of between) ops += `${x}${top} m${x}${bottom} l\nS`;
    (doc as unknown as { addContent(data: string): unknown }).addContent(ops);
  };
}
