import type { FamilyWords } from '../problems.js';
import type {
  ContentKind,
  EncodingName,
  EncodingReading,
  FileProblems,
  RefusedKind,
} from './files.js';

const ENCODINGS: Record<EncodingName, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GB18030 (GBK)',
  big5: 'Big5 (traditional Chinese)',
  shift_jis: 'Shift_JIS (Japanese)',
};
const reads = (r: EncodingReading) => `as ${ENCODINGS[r.encoding]} it reads "${r.sample}"`;
const UTF8 = 'save the sheet as UTF-8 ("CSV UTF-8" in Excel) and try again';

const SAVE_AS = 'open it in Excel or WPS and save it as .xlsx (Excel 工作簿) or CSV';
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
  zip: SAVE_AS,
  'old-workbook': SAVE_AS,
  encrypted:
    'remove the password (Excel: File > Info > Protect Workbook; WPS: 文件 > 文档加密) and save it again',
  pdf: 'ask the judge for the sheet itself (.xlsx or CSV)',
  text: 'rename it to .csv',
};

const SAVE = 'save it as .xlsx (Excel 工作簿) or CSV';
const REFUSED: Record<RefusedKind, string> = {
  xls: `an old Excel workbook pcv cannot read: open it in Excel or WPS and ${SAVE}`,
  et: `a WPS spreadsheet (.et) pcv cannot read: open it in WPS and ${SAVE}`,
  'excel-other': `an Excel file of a kind pcv does not read (macro, binary or template workbook): open it in Excel or WPS and ${SAVE}`,
  ods: `an OpenDocument spreadsheet (.ods) pcv cannot read: open it in LibreOffice or WPS and ${SAVE}`,
  numbers:
    'an Apple Numbers file pcv cannot read: in Numbers choose File > Export To > Excel (or CSV)',
  document: `a text document, not a spreadsheet: copy its score table into Excel or WPS and ${SAVE}`,
  pdf: 'a PDF, from which pcv cannot read scores: ask the judge for the sheet itself (.xlsx or CSV), or type the scores into the template (pcv template)',
  picture:
    'a picture, from which pcv cannot read scores: type the scores into the template (pcv template)',
  archive: 'an archive: unpack it and put the sheets it holds directly in this folder',
};
const UNKNOWN = `pcv reads score sheets saved as .xlsx, .csv, .tsv or .txt, and this file is none of them: ${SAVE}, or move it out of the sheets folder`;
const LOCKED =
  'open right now; this lock file is skipped (save and close the sheet first, or its latest changes are not in this tally)';
const n = (x: number) => x.toLocaleString('en');

export function filesEn(): FamilyWords<FileProblems> {
  return {
    'utf16-no-bom': () =>
      'this looks like UTF-16 text without a byte-order mark; save the sheet as "CSV UTF-8" (or CSV) and try again',
    'encoding-invalid': () =>
      'the file is neither UTF-8 nor GB18030/GBK text (invalid byte sequence); save it as UTF-8 ("CSV UTF-8" in Excel) and try again',
    'encoding-chosen': (p) =>
      `read as ${ENCODINGS[p.chosen]}: as ${ENCODINGS[p.rule]} its text would be "${p.sample}"; check the names, or save the sheet as UTF-8 to be sure`,
    'encoding-unknown': (p) =>
      `pcv cannot tell this file's encoding: no reading gives plausible text (the closest: ${reads(p.closest)}); ${UTF8}`,
    'encoding-ambiguous': (p) =>
      `pcv cannot tell which encoding this file is in: ${reads(p.first)}, ${reads(p.second)}; ${UTF8}`,
    'bom-invalid': (p) =>
      `the file starts with a ${p.label.toUpperCase()} byte-order mark but is not valid ${p.label.toUpperCase()} text`,
    'nul-byte': () =>
      'the file contains a NUL byte; it is binary or saved in an unexpected encoding, not a CSV sheet',
    'text-lost': (p) =>
      `this line holds "${p.text}", left where an earlier conversion lost the original characters; retype the text there, or use the sheet as it was first saved`,
    'file-empty': () => 'the file is empty',
    'file-too-large': (p) =>
      `the file is ${p.mb} MB, more than the ${p.maxMb} MB pcv reads; is this really a score sheet?`,
    'quote-unclosed-line': () =>
      'a quoted cell opened on this line is never closed (missing closing ") — everything after it would be one cell',
    'quote-trailing-text': () =>
      'text follows the closing quote of a quoted cell; quote the whole cell or remove the quotes',
    'quote-unclosed': () => 'a quoted cell is never closed (missing closing ")',
    'csv-malformed': (p) => `malformed CSV: ${p.detail}`,
    'limit-rows': (p) => `more than ${n(p.max)} rows; pcv reads at most that many per sheet`,
    'limit-columns': (p) => `${n(p.columns)} columns; pcv reads at most ${n(p.max)} per sheet`,
    'limit-cell': (p) =>
      `cell ${p.cell} holds ${n(p.chars)} characters; pcv reads at most ${n(p.max)} per cell`,
    'content-not-xlsx': (p) =>
      `this ${p.ext || 'without an extension'} file is not an Excel workbook (not a zip archive): it is ${WHAT[p.kind]}; ${FIX[p.kind]}`,
    'content-not-text': (p) =>
      `this ${p.ext || 'without an extension'} file is not text: it is ${WHAT[p.kind]}; ${FIX[p.kind]}`,
    'xlsx-too-large': (p) =>
      `the workbook is larger than ${p.mb} MB; a score sheet never needs that much`,
    'xlsx-not-zip': () =>
      'this .xlsx file is not an Excel workbook (not a zip archive); save the sheet again as .xlsx or CSV',
    'xlsx-too-many-parts': (p) =>
      `the workbook has ${p.count} parts, more than a score sheet can need`,
    'xlsx-damaged': (p) =>
      `the workbook is damaged (${p.directory === 'none' ? 'no' : 'bad'} zip directory); save it again in Excel or WPS`,
    'xlsx-inflates': (p) => `the workbook would inflate to more than ${p.mb} MB; refused`,
    'xlsx-unreadable': (p) =>
      `the workbook cannot be read (${p.detail}); save it again in Excel or WPS`,
    'xlsx-no-worksheet': () => 'the workbook has no worksheet',
    'xlsx-all-hidden': () =>
      'every worksheet in the workbook is hidden; unhide the score sheet (右键 > 取消隐藏) and save',
    'xlsx-first-sheet': (p) =>
      `the first visible worksheet "${p.sheet}" has no project column, but worksheet "${p.other}"${p.hidden ? ' (hidden)' : ''} has: make "${p.other}" the first worksheet (drag its tab to the left${p.hidden ? ' after unhiding it' : ''}) and save, or delete the others`,
    'xlsx-hidden-worksheets': (p) => {
      const many = p.hidden.length > 1;
      return `worksheet${many ? 's' : ''} ${p.hidden.map((s) => `"${s}"`).join(', ')} ${many ? 'are' : 'is'} hidden; read "${p.sheet}", the first visible one`;
    },
    'formula-not-calculated': () =>
      'formula not calculated — open and save the file in Excel/WPS, or type the value',
    'cell-percent': (p) =>
      `${p.ref} is formatted as a percentage (${p.shown}): the cell holds ${p.value}, not ${p.shown.slice(0, -1)}; format the cell as a number (常规 or 数值) and type the score again`,
    'cell-date': (p) =>
      `${p.ref} is formatted as a date (${p.shown}): the cell holds the number ${p.value}; format the cell as a number (常规 or 数值) and check the score`,
    'lock-file': (p) =>
      `${p.app === 'excel' ? 'Excel or WPS' : 'LibreOffice'} has ${p.file} ${LOCKED}`,
    'system-file': () => 'a system file; skipped',
    'hidden-file': () => 'a hidden file; skipped',
    'hidden-folder': () => 'a hidden or system folder; skipped',
    subfolder: () =>
      'a folder inside the sheets folder; pcv reads only the sheets directly in it: move the sheets in this folder up (or the folder out)',
    'review-file': (p) => `named like the review's ${p.role}, so not read as a sheet`,
    'file-refused': (p) => `this is ${REFUSED[p.kind]}`,
    'file-unknown': (p) =>
      p.csv !== undefined ? `${UNKNOWN} (if it is a CSV sheet, rename it to ${p.csv})` : UNKNOWN,
    'file-xlsx-no-extension': (p) =>
      `this is an Excel workbook without the .xlsx extension: rename it to ${p.xlsx}`,
    'input-missing': (p) => `${p.file}: no such file`,
    'input-denied': (p) => `${p.file}: permission denied`,
    'input-folder': (p) => `${p.file}: is a folder, not a file`,
    'input-unreadable': (p) => `${p.file}: cannot be read (${p.code})`,
    'no-scores-folder': (p) =>
      `${p.folder}: no scores/ folder in the review folder; put one CSV per judge there`,
    'no-pattern-match': (p) => `${p.pattern}: no files match this pattern`,
    'no-such-input': (p) => `${p.input}: no such file or folder`,
    'no-sheets': (p) =>
      `no score sheets found${p.folder !== undefined ? ` in ${p.folder}` : ''}; expected one .xlsx or .csv per judge`,
    'no-rubric': (p) =>
      `no rubric found: looked for ${p.names} in ${p.folder}; run pcv in the review folder, name the folder, or pass --rubric FILE`,
    'no-rubric-file': (p) => `${p.file}: no such rubric file`,
    'no-roster-file': (p) => `${p.file}: no such roster file`,
  };
}
