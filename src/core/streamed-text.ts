/**
 * A text report made piece by piece as it is written, so the whole text is never held at once:
 * a million-cell review's results.json is ~60 MB of UTF-8, twice that as a JavaScript string
 * (its Chinese names make it two-byte), on top of the object it would be built from.
 * Iterating it again makes the pieces again; `String(text)` joins them, for a caller that does
 * want the text (`--json` printing, a library user).
 */
export class StreamedText implements Iterable<string> {
  constructor(private readonly pieces: () => Iterable<string>) {}

  [Symbol.iterator](): Iterator<string> {
    return this.pieces()[Symbol.iterator]();
  }

  toString(): string {
    let text = '';
    for (const piece of this) text += piece;
    return text;
  }
}
