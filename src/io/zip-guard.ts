import { readZipDirectory } from './zip-directory.js';

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
  const dir = readZipDirectory(bytes, XLSX_LIMITS.entries);
  if (!dir.ok) {
    if (dir.problem === 'too-many-entries') {
      return `the workbook has ${dir.count} parts, more than a score sheet can need`;
    }
    return dir.problem === 'no-directory'
      ? 'the workbook is damaged (no zip directory); save it again in Excel or WPS'
      : 'the workbook is damaged (bad zip directory); save it again in Excel or WPS';
  }
  let total = 0;
  for (const entry of dir.entries) {
    total += entry.uncompressedSize;
    if (total > XLSX_LIMITS.inflatedBytes) {
      return `the workbook would inflate to more than ${XLSX_LIMITS.inflatedBytes / 1024 / 1024} MB; refused`;
    }
  }
  return undefined;
}
