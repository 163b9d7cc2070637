/**
 * What a file in a sheets folder is. Every file there is accounted for: read as a sheet, skipped
 * with a note (lock files, system files, hidden files), or refused with how to save it. A sheet
 * pcv passed over without a word would change every final.
 */
import type { ContentKind } from './sniff.js';
import { worded, type Worded } from '../text/problems.js';
import type { RefusedKind } from '../text/problems/files.js';

export type SheetFormat = 'text' | 'xlsx';

export type FileKind =
  | { kind: 'sheet'; format: SheetFormat }
  | { kind: 'skip'; severity: 'note'; code: string; message: Worded }
  | { kind: 'refuse'; message: Worded; unknown?: true };

const TEXT = /\.(csv|tsv|txt)$/i;
const XLSX = /\.xlsx$/i;

/** Formats pcv cannot read, by extension (text/problems/files-*.ts say how to save them). */
const UNREADABLE: [RegExp, RefusedKind][] = [
  [/\.xls$/i, 'xls'],
  [/\.(et|ett)$/i, 'et'],
  [/\.(xlsm|xlsb|xltx|xltm|xlt)$/i, 'excel-other'],
  [/\.(ods|fods)$/i, 'ods'],
  [/\.numbers$/i, 'numbers'],
  [/\.(doc|docx|wps|rtf|odt|pages)$/i, 'document'],
  [/\.pdf$/i, 'pdf'],
  [/\.(jpe?g|png|gif|bmp|heic|heif|webp|tiff?)$/i, 'picture'],
  [/\.(zip|rar|7z|gz|tar)$/i, 'archive'],
];

/** Files the operating system leaves in folders; never a judge's. */
const SYSTEM = new Set(['.ds_store', 'thumbs.db', 'ehthumbs.db', 'desktop.ini', 'icon\r']);

/**
 * Skipped files are notes, not warnings: results.json stays a function of the inputs, whether or
 * not Excel happens to have a sheet open while pcv runs.
 *
 * How to treat the file `name` met in a sheets folder or named by a pattern (`listed`), or named
 * on the command line (`listed` false: a hidden file named on purpose is read).
 */
export function classifySheetFile(name: string, listed = true): FileKind {
  const lower = name.toLowerCase();
  if (name.startsWith('~$')) {
    return {
      kind: 'skip',
      severity: 'note',
      code: 'sheet-lock-file',
      message: worded('lock-file', { app: 'excel', file: name.slice(2) }),
    };
  }
  const libreLock = /^\.~lock\.(.*)#$/.exec(name);
  if (libreLock !== null) {
    return {
      kind: 'skip',
      severity: 'note',
      code: 'sheet-lock-file',
      message: worded('lock-file', { app: 'libreoffice', file: libreLock[1]! }),
    };
  }
  if (SYSTEM.has(lower)) {
    return {
      kind: 'skip',
      severity: 'note',
      code: 'sheet-system-file',
      message: worded('system-file', {}),
    };
  }
  if (listed && name.startsWith('.')) {
    return {
      kind: 'skip',
      severity: 'note',
      code: 'sheet-hidden-file',
      message: worded('hidden-file', {}),
    };
  }
  if (TEXT.test(name)) return { kind: 'sheet', format: 'text' };
  if (XLSX.test(name)) return { kind: 'sheet', format: 'xlsx' };
  for (const [pattern, kind] of UNREADABLE) {
    if (pattern.test(name)) return { kind: 'refuse', message: worded('file-refused', { kind }) };
  }
  return { kind: 'refuse', unknown: true, message: worded('file-unknown', {}) };
}

/**
 * A file of no known kind, by its content: a sheet whose extension was lost (WPS and e-mail do
 * that) gets told what to rename it to.
 */
export function unknownFileMessage(name: string, content: ContentKind): Worded {
  const base = name.replace(/\.[^.]*$/, '');
  if (content === 'xlsx') return worded('file-xlsx-no-extension', { xlsx: `${base}.xlsx` });
  return worded('file-unknown', content === 'text' ? { csv: `${base}.csv` } : {});
}

/** Folders inside a sheets folder: their files are not read, so they must not go unmentioned. */
export function classifySubfolder(name: string): FileKind {
  if (name.startsWith('.') || name === '__MACOSX') {
    return {
      kind: 'skip',
      severity: 'note',
      code: 'sheet-hidden-folder',
      message: worded('hidden-folder', {}),
    };
  }
  return {
    kind: 'refuse',
    message: worded('subfolder', {}),
  };
}
