import type { SheetFormat } from './sheet-files.js';
import { worded, type Worded } from '../text/problems.js';
import type { ContentKind } from '../text/problems/files.js';

/**
 * Whether a file's bytes are what its name says. A workbook renamed to .csv, a CSV renamed to
 * .xlsx, an .xls renamed to .xlsx all happen on review day; each gets a message saying what the
 * file really is, instead of a decoding error about bytes.
 */
export function contentMismatch(
  format: SheetFormat,
  bytes: Uint8Array,
  ext: string,
): Worded | undefined {
  const kind = contentKind(bytes);
  if (format === 'xlsx') {
    // A zip is judged by the workbook reader, which knows a damaged one from another document.
    if (kind === 'xlsx' || kind === 'zip') return undefined;
    return worded('content-not-xlsx', { ext, kind });
  }
  if (kind === 'text') return undefined;
  return worded('content-not-text', { ext, kind });
}

export type { ContentKind };

export function contentKind(bytes: Uint8Array): ContentKind {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (starts(buf, [0x50, 0x4b, 0x03, 0x04]) || starts(buf, [0x50, 0x4b, 0x05, 0x06])) {
    // Entry names stand uncompressed in a zip: an .xlsx has its parts under xl/.
    return buf.includes('xl/workbook') ? 'xlsx' : 'zip';
  }
  if (starts(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // An encrypted .xlsx is a compound file holding an "EncryptionInfo" stream.
    return buf.includes(Buffer.from('EncryptionInfo', 'utf16le')) ? 'encrypted' : 'old-workbook';
  }
  if (starts(buf, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  return 'text';
}

function starts(buf: Buffer, magic: number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}
