/**
 * Bytes to text, by the rule that holds for sheets saved by Excel and WPS in China:
 * a byte-order mark wins; otherwise strict UTF-8; otherwise GB18030 (a superset of GBK).
 * Detection libraries guess wrong on files this short, so no guessing beyond that.
 */
export type Encoding = 'utf-8-bom' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Decoded =
  { ok: true; text: string; encoding: Encoding } | { ok: false; message: string; line?: number };

export function decodeBytes(bytes: Uint8Array): Decoded {
  const b0 = bytes[0];
  const b1 = bytes[1];
  const b2 = bytes[2];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    return strict(bytes.subarray(3), 'utf-8', 'utf-8-bom');
  }
  if (b0 === 0xff && b1 === 0xfe) return strict(bytes.subarray(2), 'utf-16le', 'utf-16le');
  if (b0 === 0xfe && b1 === 0xff) return strict(bytes.subarray(2), 'utf-16be', 'utf-16be');

  if (looksLikeUtf16WithoutBom(bytes)) {
    return {
      ok: false,
      message:
        'this looks like UTF-16 text without a byte-order mark; save the sheet as "CSV UTF-8" (or CSV) and try again',
    };
  }
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return checkNul({ ok: true, text: utf8, encoding: 'utf-8' });
  const gb = tryDecode(bytes, 'gb18030');
  if (gb !== undefined) return checkNul({ ok: true, text: gb, encoding: 'gb18030' });
  return {
    ok: false,
    line: firstUndecodableLine(bytes),
    message:
      'the file is neither UTF-8 nor GB18030/GBK text (invalid byte sequence); save it as UTF-8 ("CSV UTF-8" in Excel) and try again',
  };
}

function strict(bytes: Uint8Array, label: string, encoding: Encoding): Decoded {
  const text = tryDecode(bytes, label);
  if (text === undefined) {
    return {
      ok: false,
      message: `the file starts with a ${label.toUpperCase()} byte-order mark but is not valid ${label.toUpperCase()} text`,
    };
  }
  return checkNul({ ok: true, text, encoding });
}

function tryDecode(bytes: Uint8Array, label: string): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A NUL character never belongs in a score sheet: it means a binary file or a wrong encoding. */
function checkNul(decoded: Decoded & { ok: true }): Decoded {
  const at = decoded.text.indexOf('\u0000');
  if (at < 0) return decoded;
  return {
    ok: false,
    line: lineAt(decoded.text, at),
    message:
      'the file contains a NUL byte; it is binary or saved in an unexpected encoding, not a CSV sheet',
  };
}

function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  if (n < 4) return false;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) zeroEven++;
      else zeroOdd++;
    }
  }
  const half = n / 2;
  // ASCII text in UTF-16 has a zero in every other byte; require most of one parity to be zero.
  return zeroOdd > half * 0.6 || zeroEven > half * 0.6;
}

/** 1-based line of the first line that neither UTF-8 nor GB18030 can decode. */
function firstUndecodableLine(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      const chunk = bytes.subarray(start, i);
      if (tryDecode(chunk, 'utf-8') === undefined && tryDecode(chunk, 'gb18030') === undefined) {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return 1;
}

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) line++;
  }
  return line;
}
