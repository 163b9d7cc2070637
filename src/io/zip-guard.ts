import { readZipDirectory } from './zip-directory.js';
import { worded, type Worded } from '../text/problems.js';

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

export function checkZip(bytes: Uint8Array): Worded | undefined {
  if (bytes.length > XLSX_LIMITS.fileBytes) {
    return worded('xlsx-too-large', { mb: XLSX_LIMITS.fileBytes / 1024 / 1024 });
  }
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    return worded('xlsx-not-zip', {});
  }
  const dir = readZipDirectory(bytes, XLSX_LIMITS.entries);
  if (!dir.ok) {
    if (dir.problem === 'too-many-entries') {
      return worded('xlsx-too-many-parts', { count: dir.count ?? 0 });
    }
    return worded('xlsx-damaged', { directory: dir.problem === 'no-directory' ? 'none' : 'bad' });
  }
  let total = 0;
  for (const entry of dir.entries) {
    total += entry.uncompressedSize;
    if (total > XLSX_LIMITS.inflatedBytes) {
      return worded('xlsx-inflates', { mb: XLSX_LIMITS.inflatedBytes / 1024 / 1024 });
    }
  }
  return undefined;
}
