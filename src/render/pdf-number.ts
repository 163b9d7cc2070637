/**
 * A number as pdfkit writes it into a content stream (its PDFObject.number): rounded to six
 * decimals, then printed as JavaScript prints it. Operators pcv writes itself must use it for
 * the bytes to be pdfkit's.
 */
export function number(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}
