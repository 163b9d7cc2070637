/**
 * What a file in a sheets folder is. Every file there is accounted for: read as a sheet, skipped
 * with a note (lock files, system files, hidden files), or refused with how to save it. A sheet
 * pcv passed over without a word would change every final.
 */
import type { ContentKind } from './sniff.js';

export type SheetFormat = 'text' | 'xlsx';

export type FileKind =
  | { kind: 'sheet'; format: SheetFormat }
  | { kind: 'skip'; severity: 'note'; code: string; message: string }
  | { kind: 'refuse'; message: string; unknown?: true };

const TEXT = /\.(csv|tsv|txt)$/i;
const XLSX = /\.xlsx$/i;

const SAVE = 'save it as .xlsx (Excel 工作簿) or CSV';

/** Formats pcv cannot read, with what they are and how to get a sheet pcv reads from them. */
const UNREADABLE: [RegExp, string][] = [
  [/\.xls$/i, `an old Excel workbook pcv cannot read: open it in Excel or WPS and ${SAVE}`],
  [/\.(et|ett)$/i, `a WPS spreadsheet (.et) pcv cannot read: open it in WPS and ${SAVE}`],
  [
    /\.(xlsm|xlsb|xltx|xltm|xlt)$/i,
    `an Excel file of a kind pcv does not read (macro, binary or template workbook): open it in Excel or WPS and ${SAVE}`,
  ],
  [
    /\.(ods|fods)$/i,
    `an OpenDocument spreadsheet (.ods) pcv cannot read: open it in LibreOffice or WPS and ${SAVE}`,
  ],
  [
    /\.numbers$/i,
    'an Apple Numbers file pcv cannot read: in Numbers choose File > Export To > Excel (or CSV)',
  ],
  [
    /\.(doc|docx|wps|rtf|odt|pages)$/i,
    `a text document, not a spreadsheet: copy its score table into Excel or WPS and ${SAVE}`,
  ],
  [
    /\.pdf$/i,
    'a PDF, from which pcv cannot read scores: ask the judge for the sheet itself (.xlsx or CSV), or type the scores into the template (pcv template)',
  ],
  [
    /\.(jpe?g|png|gif|bmp|heic|heif|webp|tiff?)$/i,
    'a picture, from which pcv cannot read scores: type the scores into the template (pcv template)',
  ],
  [
    /\.(zip|rar|7z|gz|tar)$/i,
    'an archive: unpack it and put the sheets it holds directly in this folder',
  ],
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
      message: `Excel or WPS has ${name.slice(2)} open right now; this lock file is skipped (save and close the sheet first, or its latest changes are not in this tally)`,
    };
  }
  const libreLock = /^\.~lock\.(.*)#$/.exec(name);
  if (libreLock !== null) {
    return {
      kind: 'skip',
      severity: 'note',
      code: 'sheet-lock-file',
      message: `LibreOffice has ${libreLock[1]} open right now; this lock file is skipped (save and close the sheet first, or its latest changes are not in this tally)`,
    };
  }
  if (SYSTEM.has(lower)) {
    return {
      kind: 'skip',
      severity: 'note',
      code: 'sheet-system-file',
      message: 'a system file; skipped',
    };
  }
  if (listed && name.startsWith('.')) {
    return {
      kind: 'skip',
      severity: 'note',
      code: 'sheet-hidden-file',
      message: 'a hidden file; skipped',
    };
  }
  if (TEXT.test(name)) return { kind: 'sheet', format: 'text' };
  if (XLSX.test(name)) return { kind: 'sheet', format: 'xlsx' };
  for (const [pattern, what] of UNREADABLE) {
    if (pattern.test(name)) return { kind: 'refuse', message: `this is ${what}` };
  }
  return { kind: 'refuse', unknown: true, message: UNKNOWN };
}

const UNKNOWN = `pcv reads score sheets saved as .xlsx, .csv, .tsv or .txt, and this file is none of them: ${SAVE}, or move it out of the sheets folder`;

/**
 * A file of no known kind, by its content: a sheet whose extension was lost (WPS and e-mail do
 * that) gets told what to rename it to.
 */
export function unknownFileMessage(name: string, content: ContentKind): string {
  const base = name.replace(/\.[^.]*$/, '');
  if (content === 'xlsx')
    return `this is an Excel workbook without the .xlsx extension: rename it to ${base}.xlsx`;
  if (content === 'text') return `${UNKNOWN} (if it is a CSV sheet, rename it to ${base}.csv)`;
  return UNKNOWN;
}

/** Folders inside a sheets folder: their files are not read, so they must not go unmentioned. */
export function classifySubfolder(name: string): FileKind {
  if (name.startsWith('.') || name === '__MACOSX') {
    return {
      kind: 'skip',
      severity: 'note',
      code: 'sheet-hidden-folder',
      message: 'a hidden or system folder; skipped',
    };
  }
  return {
    kind: 'refuse',
    message:
      'a folder inside the sheets folder; pcv reads only the sheets directly in it: move the sheets in this folder up (or the folder out)',
  };
}
