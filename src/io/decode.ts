import { plausibility, type Candidate } from './plausible.js';
import { worded, type Worded } from '../text/problems.js';

/**
 * Bytes to text, by the rule that holds for sheets saved by Excel and WPS in China: a byte-order
 * mark wins; otherwise strict UTF-8; otherwise GB18030 (a superset of GBK). That a reading
 * decodes proves little (every Big5 byte pair is valid GB18030, and short GBK text can be valid
 * UTF-8), so the reading must also be plausible text; when it is not, Big5 and Shift_JIS are
 * tried, and the clearly most plausible reading wins, or pcv stops and says it cannot tell.
 */
export type Encoding =
  'utf-8-bom' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5' | 'shift_jis';

export type Decoded =
  | {
      ok: true;
      text: string;
      encoding: Encoding;
      /** Set when the rule's reading was set aside as implausible: what was read, and why. */
      note?: Worded;
    }
  | { ok: false; message: Worded; line?: number };

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
      message: worded('utf16-no-bom', {}),
    };
  }
  const chosen = chooseReading(bytes);
  return chosen.ok ? checkText(chosen) : chosen;
}

/** A reading above this cannot be beaten by MARGIN, so the others need not be decoded. */
const MARGIN = 0.25;
/** Least plausibility of a reading chosen over the rule's one. */
const CONVINCING = 0.8;
/** Below this even the rule's reading, the best one, is not taken on trust. */
const DOUBTFUL = 0.6;

const ORDER: Candidate[] = ['utf-8', 'gb18030', 'big5', 'shift_jis'];

interface Reading {
  encoding: Candidate;
  text: string;
  score: number;
}

function chooseReading(bytes: Uint8Array): Decoded {
  const readings: Reading[] = [];
  const read = (encoding: Candidate) => {
    const text = tryDecode(bytes, encoding);
    if (text !== undefined) readings.push({ encoding, text, score: plausibility(text, encoding) });
  };
  read('utf-8');
  if (readings.length === 0) read('gb18030');
  const rule = readings[0];
  if (rule !== undefined && rule.score > 1 - MARGIN) return accept(rule);
  for (const encoding of ORDER) {
    if (!readings.some((r) => r.encoding === encoding)) read(encoding);
  }
  if (readings.length === 0) {
    return {
      ok: false,
      line: firstUndecodableLine(bytes),
      message: worded('encoding-invalid', {}),
    };
  }
  const ranked = [...readings].sort(
    (a, b) => b.score - a.score || ORDER.indexOf(a.encoding) - ORDER.indexOf(b.encoding),
  );
  const best = ranked[0]!;
  // The rule's reading (UTF-8, else GB18030) is what a file without a better claim gets.
  const fallback = rule ?? readings[0]!;
  if (best === fallback && best.score >= DOUBTFUL) return accept(best);
  if (best !== fallback && best.score >= CONVINCING && best.score - fallback.score >= MARGIN) {
    const at = firstDoubtful(fallback);
    return accept(
      best,
      worded('encoding-chosen', {
        chosen: best.encoding,
        rule: fallback.encoding,
        sample: sampleAt(fallback.text, at),
      }),
    );
  }
  return unsure(ranked);
}

function accept(reading: Reading, note?: Worded): Decoded {
  return {
    ok: true,
    text: reading.text,
    encoding: reading.encoding,
    ...(note !== undefined ? { note } : {}),
  };
}

function unsure(ranked: Reading[]): Decoded {
  const [first, second] = ranked as [Reading, Reading | undefined];
  const at = firstDoubtful(second ?? first);
  const says = (r: Reading) => ({ encoding: r.encoding, sample: sampleAt(r.text, at) });
  return {
    ok: false,
    line: lineAt(first.text, at),
    message:
      second === undefined || second.score < DOUBTFUL / 2
        ? worded('encoding-unknown', { closest: says(first) })
        : worded('encoding-ambiguous', { first: says(first), second: says(second) }),
  };
}

/** Offset of the first character that makes a reading doubtful (else of the first non-ASCII). */
function firstDoubtful(reading: Reading): number {
  let firstWide = -1;
  for (let i = 0; i < reading.text.length; i++) {
    const c = reading.text.charCodeAt(i);
    if (c < 0x80) continue;
    if (firstWide < 0) firstWide = i;
    if (plausibility(reading.text.slice(i, i + 1), reading.encoding) < 1) return i;
  }
  return Math.max(firstWide, 0);
}

/** The cell of the text around `offset`, short enough for a message. */
function sampleAt(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && !/[,;\t\r\n]/.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < text.length && !/[,;\t\r\n]/.test(text[end]!)) end++;
  // Private-use and control characters are invisible on a terminal; a square shows where they are.
  const cell = text
    .slice(start, end)
    .trim()
    .replace(/[\ue000-\uf8ff\u0080-\u009f]/g, '□');
  return cell.length > 24 ? `${cell.slice(0, 24)}…` : cell;
}

function strict(bytes: Uint8Array, label: string, encoding: Encoding): Decoded {
  const text = tryDecode(bytes, label);
  if (text === undefined) {
    return {
      ok: false,
      message: worded('bom-invalid', { label }),
    };
  }
  return checkText({ ok: true, text, encoding });
}

function tryDecode(bytes: Uint8Array, label: string): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * A NUL character never belongs in a score sheet: it means a binary file or a wrong encoding. A
 * replacement character (or 锟斤拷, the same damage after a second conversion) means an earlier
 * conversion already lost the original characters: a name there would be published garbled.
 */
function checkText(decoded: Decoded & { ok: true }): Decoded {
  const { text } = decoded;
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    return {
      ok: false,
      line: lineAt(text, nul),
      message: worded('nul-byte', {}),
    };
  }
  const lost = firstOf(text, '\uFFFD', '锟斤拷');
  if (lost >= 0) {
    return {
      ok: false,
      line: lineAt(text, lost),
      message: worded('text-lost', { text: text.startsWith('锟', lost) ? '锟斤拷' : '\uFFFD' }),
    };
  }
  return decoded;
}

/** Where the first of two strings occurs in the text, or -1: two indexOf scans, several times
 * faster than the regex /a|b/ over a sheet's text. */
function firstOf(text: string, a: string, b: string): number {
  const i = text.indexOf(a);
  const j = text.indexOf(b);
  return i < 0 ? j : j < 0 ? i : Math.min(i, j);
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
