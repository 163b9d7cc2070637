/**
 * The central directory of a zip archive (an .xlsx is one), read without inflating anything:
 * used to check a workbook before it is opened and to pin the timestamps of one we write.
 */
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

export interface ZipEntry {
  /** Offset of the entry's central directory header. */
  central: number;
  /** Offset of its local header. */
  local: number;
  uncompressedSize: number;
}

export type ZipDirectory =
  | { ok: true; entries: ZipEntry[] }
  | {
      ok: false;
      problem: 'no-directory' | 'bad-directory' | 'zip64' | 'too-many-entries';
      count?: number;
    };

export function readZipDirectory(bytes: Uint8Array, maxEntries = Infinity): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  // The end record sits in the last 22 bytes plus a comment of up to 65535.
  for (
    let i = bytes.length - EOCD_SIZE;
    i >= Math.max(0, bytes.length - EOCD_SIZE - MAX_COMMENT);
    i--
  ) {
    if (view.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, problem: 'no-directory' };
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) return { ok: false, problem: 'zip64' };
  if (count > maxEntries) return { ok: false, problem: 'too-many-entries', count };
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_HEADER) {
      return { ok: false, problem: 'bad-directory' };
    }
    entries.push({
      central: at,
      local: view.getUint32(at + 42, true),
      uncompressedSize: view.getUint32(at + 24, true),
    });
    at +=
      46 +
      view.getUint16(at + 28, true) +
      view.getUint16(at + 30, true) +
      view.getUint16(at + 32, true);
  }
  return { ok: true, entries };
}
