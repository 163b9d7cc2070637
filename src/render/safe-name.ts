import { createHash } from 'node:crypto';

// Characters no file system should see in a name: path separators, Windows' reserved
// punctuation, C0/C1 controls, and bidi overrides that make a name display as something else.
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Windows refuses these as a base name whatever the extension (CON.pdf, com1.tar.gz, "nul .x").
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
/** Room for the name in 255 bytes with "-NN.pdf" appended. */
const MAX_BYTES = 180;

/**
 * A file name stem for `cards/<stem>.pdf` from a project id: never a path (no `/` or `\`), never
 * hidden or relative (no leading dot), never empty, never a Windows device name, and short enough
 * for every file system. Distinct ids can map to the same stem ("a/b" and "a_b"); the caller
 * makes the final names unique.
 */
export function safeFileName(id: string): string {
  let name = id.normalize('NFC').replace(UNSAFE, '_').trim().replace(/^\.+/, '');
  if (name === '') name = '_';
  const base = name.split('.')[0]!.trimEnd();
  if (RESERVED.test(base)) name = `_${name}`;
  if (Buffer.byteLength(name) > MAX_BYTES) {
    // Keep a readable prefix and tell long ids with the same prefix apart by a hash of the id.
    const hash = createHash('sha256').update(id).digest('hex').slice(0, 10);
    let cut = '';
    for (const ch of name) {
      if (Buffer.byteLength(cut + ch) > MAX_BYTES - hash.length - 1) break;
      cut += ch;
    }
    name = `${cut.trimEnd()}-${hash}`;
  }
  return name;
}

/**
 * Unique file names (`<stem><ext>`) for a list of ids, in order. Names are compared ignoring case,
 * since Windows and macOS would write "P1.pdf" and "p1.pdf" to the same file; a repeat gets
 * "-2", "-3", ... and never a name another id already has.
 */
export function uniqueFileNames(ids: readonly string[], ext: string): string[] {
  const stems = ids.map(safeFileName);
  const key = (s: string) => s.toLowerCase();
  const taken = new Set(stems.map(key));
  const given = new Set<string>();
  return stems.map((stem) => {
    let name = stem;
    if (given.has(key(name))) {
      let n = 2;
      while (taken.has(key(`${stem}-${n}`))) n++;
      name = `${stem}-${n}`;
      taken.add(key(name));
    }
    given.add(key(name));
    return name + ext;
  });
}
