import type { SheetFormat } from './sheet-files.js';

/**
 * Whether a file's bytes are what its name says. A workbook renamed to .csv, a CSV renamed to
 * .xlsx, an .xls renamed to .xlsx all happen on review day; each gets a message saying what the
 * file really is, instead of a decoding error about bytes.
 */
export function contentMismatch(
  format: SheetFormat,
  bytes: Uint8Array,
  ext: string,
): string | undefined {
  const kind = contentKind(bytes);
  if (format === 'xlsx') {
    // A zip is judged by the workbook reader, which knows a damaged one from another document.
    if (kind === 'xlsx' || kind === 'zip') return undefined;
    return `this ${ext} file is not an Excel workbook (not a zip archive): it is ${WHAT[kind]}; ${FIX[kind]}`;
  }
  if (kind === 'text') return undefined;
  return `this ${ext} file is not text: it is ${WHAT[kind]}; ${FIX[kind]}`;
}

export type ContentKind = 'xlsx' | 'zip' | 'old-workbook' | 'encrypted' | 'pdf' | 'text';

const SAVE = 'open it in Excel or WPS and save it as .xlsx (Excel 工作簿) or CSV';
const WHAT: Record<ContentKind, string> = {
  xlsx: 'an Excel workbook (.xlsx)',
  zip: 'a zip archive or another Office document',
  'old-workbook': 'an old-format workbook (.xls, or WPS .et)',
  encrypted: 'a password-protected workbook, which pcv cannot open',
  pdf: 'a PDF',
  text: 'text (a CSV file?)',
};
const FIX: Record<ContentKind, string> = {
  xlsx: 'rename it to .xlsx',
  zip: SAVE,
  'old-workbook': SAVE,
  encrypted:
    'remove the password (Excel: File > Info > Protect Workbook; WPS: 文件 > 文档加密) and save it again',
  pdf: 'ask the judge for the sheet itself (.xlsx or CSV)',
  text: 'rename it to .csv',
};

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
