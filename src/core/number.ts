import { dec, type Dec } from './decimal.js';

export type ParsedNumber = { ok: true; value: Dec } | { ok: false };

const PLAIN_DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Reads a score cell. Full-width digits and points (８５．５) become ASCII; in a sheet whose
 * delimiter is not the comma, a decimal comma (85,5) is read as a point, as European Excel
 * writes it. Anything else that is not a plain decimal (1e2, 0x10, 85分, NaN, Infinity) is
 * refused rather than guessed at.
 */
export function parseNumber(raw: string, decimalComma = false): ParsedNumber {
  let text = raw.normalize('NFKC').trim();
  if (decimalComma && /^[+-]?\d+,\d+$/.test(text)) text = text.replace(',', '.');
  if (!PLAIN_DECIMAL.test(text)) return { ok: false };
  return { ok: true, value: dec(text) };
}
