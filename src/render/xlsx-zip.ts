/**
 * Zip archivers stamp the current time into every entry (local header and central directory), so
 * two workbooks of the same results differ in a handful of bytes. exceljs gives no way to pass a
 * date down to its archiver, and it appends some entries in its constructor, before any hook could
 * run; rewriting the stamps afterwards is the one place that sees every entry.
 */

import { readZipDirectory } from '../io/zip-directory.js';

const LOCAL_HEADER = 0x04034b50;

/** MS-DOS time and date fields (UTC, 2-second resolution), the only stamp a plain zip entry has. */
export function dosDateTime(when: Date): { time: number; date: number } {
  const year = when.getUTCFullYear();
  // The format counts years from 1980 in 7 bits; clamp rather than wrap around.
  if (year < 1980) return { time: 0, date: (1 << 5) | 1 };
  if (year > 2107) return { time: (23 << 11) | (59 << 5) | 29, date: (127 << 9) | (12 << 5) | 31 };
  return {
    time: (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate(),
  };
}

/**
 * Sets the modification time of every entry of a zip archive to `when`, in place, and returns the
 * same buffer. Throws on anything that is not a plain (non-zip64, single-disk) archive, since a
 * silently half-pinned file would defeat the purpose.
 */
export function pinZipTimestamps(zip: Buffer, when: Date): Buffer {
  const { time, date } = dosDateTime(when);
  const dir = readZipDirectory(zip);
  if (!dir.ok)
    throw new Error(`pinZipTimestamps(): cannot read the zip directory (${dir.problem})`);
  for (const { central, local } of dir.entries) {
    zip.writeUInt16LE(time, central + 12);
    zip.writeUInt16LE(date, central + 14);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL_HEADER) {
      throw new Error(`pinZipTimestamps(): no local header at ${local}`);
    }
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
  }
  return zip;
}
