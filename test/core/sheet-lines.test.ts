import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/core/issues.js';
import { parseRoster } from '../../src/core/roster.js';
import { isSheetLines } from '../../src/core/sheet-lines.js';
import { validateSheet } from '../../src/core/sheet.js';
import { parseCsv, parseSheetCsv } from '../../src/io/csv.js';
import { HUANSHAN, rows } from '../sheet-check.js';

/*
 * A quote-free score sheet is validated row by row as it is split (io/csv-lines.ts,
 * core/sheet-lines.ts). Read that way it must say exactly what the sheet read whole says: the same
 * problems in the same order, and the same rows kept. What needs the whole sheet (a blank
 * template, trailing delimiters beyond the header, a value under an empty header) is held to it
 * here too.
 */
const roster = parseRoster(
  rows('id,name\nP1,阳光助老\nP2,青少年成长\nP3,社区花园\nP4,邻里守望\n').rows,
  'projects.csv',
).roster;
const HEADER = 'project,name,roadshow,qualification,service_plan,management,total,comment';

/** The sheet validated from `rows`: its problems, and each kept row as text. */
function validated(text: string, sheetRows: ReturnType<typeof parseSheetCsv> & { ok: true }) {
  const { sheet, issues } = validateSheet(
    { file: 'judge-a.csv', baseName: 'judge-a', rows: sheetRows.rows, decimalComma: false },
    HUANSHAN,
    roster,
  );
  const kept = [...(sheet?.entries.values() ?? [])].map(
    (e) =>
      `${e.project}@${e.line} ${e.recused ? 'recused' : [...e.scores.values()].join(' ')} ${e.name ?? ''} ${e.comment ?? ''}`,
  );
  return { codes: issues.map((i) => i.code), messages: issues.map(formatIssue), kept, text };
}

/** The sheet read both ways: split as it is read, and whole. */
function bothWays(lines: string[], eol = '\n') {
  const text = lines.join(eol);
  const split = parseSheetCsv(text);
  const whole = parseCsv(text);
  if (!split.ok || !whole.ok) throw new Error(`${text}: not readable`);
  expect(isSheetLines(split.rows)).toBe(true);
  if (isSheetLines(split.rows)) {
    // Every record, as parseCsv() splits them.
    expect(split.rows.all()).toEqual(whole.rows);
    expect(split.rows.count).toBe(whole.rows.length - 1);
  }
  const a = validated(text, split);
  expect(a).toEqual(validated(text, whole));
  return a;
}

describe('a sheet validated as it is split', () => {
  it('keeps every row of a sheet read whole', () => {
    const r = bothWays([
      HEADER,
      'P3,社区花园,18,17.5,35,16,86.5,',
      '',
      'P1,阳光助老 (二期),回避,,,,,家属任职',
      'P2,,19.5,20,40,0,79.5,很好',
    ]);
    expect(r.messages).toEqual([]);
    // Line 3 is empty; the recusal keeps its name and comment; 19.5 + 20 + 40 + 0 = 79.5.
    expect(r.kept).toEqual([
      'P3@2 18 17.5 35 16 社区花园 ',
      'P1@4 recused 阳光助老 (二期) 家属任职',
      'P2@5 19.5 20 40 0  很好',
    ]);
  });

  it('finds the same problems, in line order', () => {
    const r = bothWays([
      HEADER,
      'P2,,19.5,20,40,0,79.5,',
      'P2,,19.5,20,40,0,79.5,again',
      'P9,,1,1,1,1,4,',
      'P4,邻里守望,21,1,1,1,24,',
    ]);
    // The repeat of P2, the unknown P9, and P4's 21 where 路演展示's maximum is 20.
    expect(r.codes).toEqual(['project-duplicate', 'project-unknown', 'score-invalid']);
    expect(r.messages.map((m) => m.split(':')[1])).toEqual(['3', '4', '5']);
    expect(r.kept).toEqual([]);
  });

  it('checks totals, widths and decimal commas row by row', () => {
    const r = bothWays(
      [
        HEADER,
        // 18 + 17.5 + 35 + 16 = 86.5, not 80.
        'P1,,18,17.5,35,16,80,',
        // 5 cells of 8.
        'P2,,18,17.5,35',
        // 17,5 split in two: 35 lands under 项目管理 (maximum 20).
        'P3,,18,17,5,35,16,86.5',
        // 9 cells: an empty one past the header, which line 2 does not have.
        'P4,,1,1,1,1,4,,',
      ],
      '\r\n',
    );
    expect(r.codes).toEqual(['total-mismatch', 'row-short', 'score-invalid', 'row-long']);
    expect(r.messages.map((m) => m.split(':')[1])).toEqual(['2', '3', '4', '5']);
  });

  it('says a blank template once, whatever its rows would say', () => {
    const r = bothWays([
      HEADER,
      'P1,阳光助老,,,,,,',
      'P2,青少年成长,,,,,,',
      'P9,x,,,,,,',
      'P1,dup',
    ]);
    // One problem, at the first project row: not the unknown P9 or the short, repeated P1.
    expect(r.codes).toEqual(['sheet-blank']);
    expect(r.messages[0]).toMatch(/^judge-a.csv:2: /);
    expect(r.kept).toEqual([]);
  });

  it('reads a sheet with empty cells past the header in every row (read whole)', () => {
    const r = bothWays([
      '\n',
      `${HEADER}`,
      'P1,,18,17.5,35,16,86.5,,,',
      'P2,,18,17.5,35,16,86.5,,,',
    ]);
    expect(r.messages).toEqual([]);
    expect(r.kept.map((k) => k.split(' ')[0])).toEqual(['P1@4', 'P2@5']);
    // One row without them: the others' are a delimiter too many.
    const s = bothWays([HEADER, 'P1,,18,17.5,35,16,86.5,,,', 'P2,,18,17.5,35,16,86.5,']);
    expect(s.messages).toHaveLength(1);
    expect(s.messages[0]).toMatch(/^judge-a.csv:2: /);
  });

  it('looks down a column whose header is empty (read whole)', () => {
    const r = bothWays([
      'project,,roadshow,qualification,service_plan,management',
      'P1,x,18,17.5,35,16',
      'P2,,18,17.5,35,16',
    ]);
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatch(/^judge-a.csv:1: /);
    const quiet = bothWays([
      'project,,roadshow,qualification,service_plan,management',
      'P1,,18,17.5,35,16',
    ]);
    expect(quiet.messages).toEqual([]);
  });

  it('leaves a sheet with quotes to parseCsv', () => {
    const parsed = parseSheetCsv(`${HEADER}\nP1,"阳光, 助老",18,17.5,35,16,86.5,\n`);
    expect(parsed.ok && Array.isArray(parsed.rows)).toBe(true);
  });
});
