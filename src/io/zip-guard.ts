/**
 * Checks a .xlsx (a zip archive) before it is inflated, so that a corrupt file or a "zip bomb"
 * is refused with a message instead of exhausting memory. Reads only the central directory.
 */
export const XLSX_LIMITS = {
  /** Largest .xlsx file accepted, in bytes. */
  fileBytes: 20 * 1024 * 1024,
  /** Largest total of the declared uncompressed sizes of its entries. */
  inflatedBytes: 200 * 1024 * 1024,
  entries: 10_000,
};

export function checkZip(bytes: Uint8Array): string | undefined {
  if (bytes.length > XLSX_LIMITS.fileBytes) {
    return `the workbook is larger than ${XLSX_LIMITS.fileBytes / 1024 / 1024} MB; a score sheet never needs that much`;
  }
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    return 'this .xlsx file is not an Excel workbook (not a zip archive); save the sheet again as .xlsx or CSV';
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + up to 65535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'the workbook is damaged (no zip directory); save it again in Excel or WPS';
  const count = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count > XLSX_LIMITS.entries)
    return `the workbook has ${count} parts, more than a score sheet can need`;
  let offset = dirOffset;
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) {
      return 'the workbook is damaged (bad zip directory); save it again in Excel or WPS';
    }
    total += view.getUint32(offset + 24, true);
    if (total > XLSX_LIMITS.inflatedBytes) {
      return `the workbook would inflate to more than ${XLSX_LIMITS.inflatedBytes / 1024 / 1024} MB; refused`;
    }
    offset +=
      46 +
      view.getUint16(offset + 28, true) +
      view.getUint16(offset + 30, true) +
      view.getUint16(offset + 32, true);
  }
  return undefined;
}
