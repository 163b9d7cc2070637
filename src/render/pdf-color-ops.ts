import type { Doc } from './pdf-doc.js';

/**
 * `doc.fillColor(color)` and `doc.strokeColor(color)` for a colour named by a string, with the
 * operators built once per document and colour. pdfkit parses the colour again on every call
 * (a regular expression, a lookup, two new arrays) and writes two operators: the colour space
 * (`/DeviceRGB cs`) and the components (`0 0 0 scn`). A 10,000-row table sets a colour about
 * 70,000 times, nearly always black or the rule's grey. The operators come from pdfkit's own
 * `_normalizeColor` and `_getColorSpace`, joined by the newline pdfkit writes after each, so the
 * content stream has the same bytes; a spot colour, a gradient or an opacity goes to pdfkit.
 */

/** The parts of pdfkit's document this reads and writes; not in @types/pdfkit. */
interface ColorState {
  _normalizeColor(color: string): unknown;
  _getColorSpace(color: unknown): string;
  _fillColor: unknown;
  addContent(data: string): unknown;
}

interface Operators {
  fill: string | null;
  stroke: string | null;
  /** What pdfkit records as the fill colour: `[color, opacity]`, never changed once set. */
  record: readonly [string, undefined];
}

const cache = new WeakMap<Doc, Map<string, Operators>>();

function operatorsOf(doc: Doc, color: string): Operators {
  let byColor = cache.get(doc);
  if (byColor === undefined) cache.set(doc, (byColor = new Map()));
  let ops = byColor.get(color);
  if (ops === undefined) {
    const state = doc as unknown as ColorState;
    const components = state._normalizeColor(color);
    // Plain RGB or CMYK components; anything else (a spot colour) is pdfkit's to write.
    const plain = Array.isArray(components) && components.every((c) => typeof c === 'number');
    const space = plain ? state._getColorSpace(components) : '';
    const values = plain ? (components as number[]).join(' ') : '';
    ops = {
      fill: plain ? `/${space} cs\n${values} scn` : null,
      stroke: plain ? `/${space} CS\n${values} SCN` : null,
      record: [color, undefined],
    };
    byColor.set(color, ops);
  }
  return ops;
}

/** `doc.fillColor(color)`. */
export function setFillColor(doc: Doc, color: string): void {
  const ops = operatorsOf(doc, color);
  if (ops.fill === null) {
    doc.fillColor(color);
    return;
  }
  const state = doc as unknown as ColorState;
  state.addContent(ops.fill);
  state._fillColor = ops.record;
}

/** The operators `doc.strokeColor(color)` writes, or null when pdfkit must write them. */
export function strokeColorOperators(doc: Doc, color: string): string | null {
  return operatorsOf(doc, color).stroke;
}
