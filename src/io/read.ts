import { worded, type Worded } from '../text/problems.js';
import { readFileSync, statSync } from 'node:fs';
import { PcvError } from '../errors.js';
import type { SheetLines } from '../core/sheet-lines.js';
import { parseCsv, parseSheetCsv, type Delimiter, type Row } from './csv.js';
import { decodeBytes, type Encoding } from './decode.js';
import { MB } from './limits.js';

export interface ReadFile {
  bytes: Buffer;
  /** '' when not asked for (readInput's `digest`). */
  sha256: string;
  /** Set instead of reading when the file is over the limit. */
  tooLarge?: number;
}

/**
 * Reads a whole input file; a missing or unreadable file stops the run (exit 2). A file larger
 * than `maxBytes` is not read at all: `tooLarge` gives its size, for the caller to report.
 * Without `digest` (checks that publish nothing, `pcv validate`) the sha256 is left ''.
 */
export async function readInput(
  file: string,
  shown: string,
  maxBytes = Infinity,
  digest = true,
): Promise<ReadFile> {
  let bytes: Buffer;
  try {
    // Read in one call on this thread: inputs are read one after the other, and each await of
    // fs/promises waited for the thread pool (~130 ms of a 1M-cell review's 25 sheets idle).
    const { size } = statSync(file);
    if (size > maxBytes) return { bytes: Buffer.alloc(0), sha256: '', tooLarge: size };
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new PcvError(
      code === 'ENOENT'
        ? worded('input-missing', { file: shown })
        : code === 'EACCES' || code === 'EPERM'
          ? worded('input-denied', { file: shown })
          : code === 'EISDIR'
            ? worded('input-folder', { file: shown })
            : worded('input-unreadable', { file: shown, code: code ?? String(err) }),
    );
  }
  return { bytes, sha256: digest ? await sha256Hex(bytes) : '' };
}

/**
 * node:crypto is imported when a digest is first asked for: it brings 17 of Node's own modules
 * (~8 ms of a start-up), which `pcv validate` never needs (BENCHMARKS.md, "Validate: stop 15").
 */
async function sha256Hex(bytes: Buffer): Promise<string> {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(bytes).digest('hex');
}

/** Delimited text's rows: a list, or (a score sheet's, see bytesToSheet()) split as read. */
export type Table<R = Row[]> =
  | { ok: true; rows: R; delimiter: Delimiter; encoding: Encoding; note?: Worded }
  | { ok: false; line?: number; message: Worded };

/** Bytes of delimited text to rows: decode (see decode.ts), detect the delimiter, parse. */
export function bytesToTable(bytes: Uint8Array): Table {
  return textTable(bytes, parseCsv);
}

/**
 * A score sheet's bytes to rows, as bytesToTable() reads them, but with the records split as
 * they are validated when the text allows it (io/csv-lines.ts).
 */
export function bytesToSheet(bytes: Uint8Array): Table<Row[] | SheetLines> {
  return textTable(bytes, parseSheetCsv);
}

function textTable<R>(
  bytes: Uint8Array,
  parse: (
    text: string,
  ) => { ok: true; delimiter: Delimiter; rows: R } | { ok: false; line: number; message: Worded },
): Table<R> {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return decoded;
  if (decoded.text.trim() === '') return { ok: false, message: worded('file-empty', {}) };
  const parsed = parse(decoded.text);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    rows: parsed.rows,
    delimiter: parsed.delimiter,
    encoding: decoded.encoding,
    ...(decoded.note !== undefined ? { note: decoded.note } : {}),
  };
}

/** The message for a file over its size limit. */
export function tooLargeMessage(size: number, max: number): Worded {
  return worded('file-too-large', { mb: MB(size), maxMb: MB(max) });
}

/** Why an input could not be turned into what it should be, at a line when one is known. */
export interface Unreadable {
  ok: false;
  line?: number;
  message: Worded;
  /** Over its size limit: it was not read at all. */
  tooLarge?: boolean;
}

/** The location of an Unreadable for an issue: its line, when it has one. */
export const lineOf = (failed: Unreadable): { line?: number } =>
  failed.line !== undefined ? { line: failed.line } : {};

/**
 * Reads an input and parses its bytes, or says why it could not: the one path every input takes
 * (read, refuse one over its size limit, parse). A missing or unreadable file still throws
 * (see readInput()).
 */
export async function readParsed<R extends { ok: boolean }>(
  file: string,
  shown: string,
  maxBytes: number,
  parse: (bytes: Buffer) => R | Promise<R>,
  digest = true,
): Promise<{ sha256: string; parsed: R | Unreadable }> {
  const read = await readInput(file, shown, maxBytes, digest);
  const parsed: R | Unreadable =
    read.tooLarge !== undefined
      ? { ok: false, message: tooLargeMessage(read.tooLarge, maxBytes), tooLarge: true }
      : await parse(read.bytes);
  return { sha256: read.sha256, parsed };
}
