import { describe, expect, it } from 'vitest';
import { wordProblem } from '../../src/text/word.js';
import { classifySheetFile, classifySubfolder } from '../../src/io/sheet-files.js';

describe('classifySheetFile: every file in a sheets folder has a kind', () => {
  it.each([
    ['评委A.csv', 'sheet'],
    ['评委A.CSV', 'sheet'],
    ['评委A.tsv', 'sheet'],
    ['评委D.txt', 'sheet'],
    ['评委A.xlsx', 'sheet'],
    ['评委D.xls', 'refuse'],
    ['评委D.et', 'refuse'],
    ['评委D.ods', 'refuse'],
    ['评委D.numbers', 'refuse'],
    ['评委D.wps', 'refuse'],
    ['评委D.docx', 'refuse'],
    ['评委D.pdf', 'refuse'],
    ['评委D.jpg', 'refuse'],
    ['评委D.xlsm', 'refuse'],
    ['scores.zip', 'refuse'],
    ['README', 'refuse'],
    ['~$评委A.xlsx', 'skip'],
    ['.~lock.评委A.xlsx#', 'skip'],
    ['.DS_Store', 'skip'],
    ['Thumbs.db', 'skip'],
    ['desktop.ini', 'skip'],
    ['.hidden.csv', 'skip'],
  ])('%s: %s', (name, kind) => {
    expect(classifySheetFile(name).kind).toBe(kind);
  });

  it('says which program holds a lock file', () => {
    const lock = classifySheetFile('~$评委A.xlsx');
    expect(lock).toMatchObject({ severity: 'note' });
    expect(lock.kind === 'skip' && wordProblem(lock.message, 'en')).toContain(
      'Excel or WPS has 评委A.xlsx open right now',
    );
  });

  it('reads a hidden sheet named on purpose, and the kind of a folder', () => {
    expect(classifySheetFile('.hidden.csv', false)).toEqual({ kind: 'sheet', format: 'text' });
    expect(classifySubfolder('old').kind).toBe('refuse');
    expect(classifySubfolder('__MACOSX').kind).toBe('skip');
  });
});
