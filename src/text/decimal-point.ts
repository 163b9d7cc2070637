/**
 * "30,5" quoted in a comma-separated sheet stays one cell but is not a number there: the comma
 * is the sheet's delimiter, so it cannot also be the decimal mark. (In a semicolon or tab sheet
 * pcv reads it as 30.5.) Returns the number as the judge most likely meant it, with a point.
 */
export function withDecimalPoint(text: string): string | undefined {
  const t = text.trim();
  return /^[+-]?\d+,\d+$/.test(t) ? t.replace(',', '.') : undefined;
}
