import type { Doc } from './pdf-doc.js';

type WidthOptions = Parameters<Doc['widthOfString']>[1];

/** The parts of pdfkit's document state that decide a width; not in @types/pdfkit. */
interface FontState {
  _font: object;
  _fontSize: number;
}

/**
 * Makes `doc.widthOfString` remember what it measured, keyed by font, size and text, so each
 * string is shaped and summed once per document however often it is asked for: the
 * announcement measures a name to balance the columns, to size its cell, to align it and, inside
 * pdfkit's line wrapper, once per character when it wraps. pdfkit's own methods call
 * `this.widthOfString` too, so the wrapper and text placement read the cache as well.
 *
 * The stored value is whatever pdfkit's own widthOfString returned, so every position, and
 * therefore every byte of the PDF, is the same as without the cache. Options that change a width
 * (character spacing, horizontal scaling, OpenType features) bypass it.
 */
export function cacheWidths(doc: Doc): void {
  const measure = doc.widthOfString.bind(doc);
  const state = doc as unknown as FontState;
  const byFont = new Map<object, Map<number, Map<string, number>>>();
  // The last font and size asked for: pdfkit's line wrapper asks for a million widths in a row
  // in one font and size, and two Map lookups each were a tenth of the announcement's time.
  let lastFont: object | undefined;
  let lastSize = NaN;
  let lastWidths = new Map<string, number>();
  const widthsFor = (font: object, size: number) => {
    if (font === lastFont && size === lastSize) return lastWidths;
    let bySize = byFont.get(font);
    if (bySize === undefined) byFont.set(font, (bySize = new Map()));
    let widths = bySize.get(size);
    if (widths === undefined) bySize.set(size, (widths = new Map()));
    lastFont = font;
    lastSize = size;
    lastWidths = widths;
    return widths;
  };
  doc.widthOfString = (text: string, options?: WidthOptions): number => {
    if (options !== undefined && !plain(options)) return measure(text, options);
    const widths = widthsFor(state._font, state._fontSize);
    let width = widths.get(text);
    if (width === undefined) {
      width = measure(text, options);
      widths.set(text, width);
    }
    return width;
  };
}

/** No option that changes a width away from the font's own advance widths. */
function plain(options: NonNullable<WidthOptions>): boolean {
  const o = options as {
    characterSpacing?: number;
    horizontalScaling?: number;
    features?: unknown;
  };
  return !o.characterSpacing && (o.horizontalScaling ?? 100) === 100 && o.features === undefined;
}
