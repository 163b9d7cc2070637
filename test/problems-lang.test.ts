import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, listFiles, pcvEnv, tempDir } from './helpers.js';

/*
 * Problems and warnings in the review's language: one error of each family a clerk meets (a bad
 * cell, an unknown project id with a did-you-mean, a misspelt rubric key, a sheet in the wrong
 * encoding, a file of a kind pcv refuses), on the ASCII-only basic fixture so that any Chinese
 * in the output is pcv's own wording.
 */

const HAN = /\p{Script=Han}/u;
/** Words of an English sentence; the fixture's data (names, labels, ids) has none of them. */
const ENGLISH = /\b(the|is|are|not|of|and|or|to|this|did you mean|cannot|save|file)\b/i;

function review(lang: 'zh' | 'en'): string {
  const dir = copyFixture('basic');
  const edit = (file: string, from: string, to: string) => {
    const p = path.join(dir, file);
    const text = readFileSync(p, 'utf8');
    expect(text).toContain(from);
    writeFileSync(p, text.replace(from, to));
  };
  edit('rubric.yaml', 'lang: en', `lang: ${lang}`);
  // A bad cell: judge-1's impact for B2 is a word.
  edit('scores/judge-1.csv', 'B2,Senior Lunch Circle,8,8,', 'B2,Senior Lunch Circle,abc,8,');
  // An unknown id that is B1 with a leading zero.
  edit('scores/judge-2.csv', 'B1,Riverside', 'B01,Riverside');
  // A sheet saved as UTF-16 without a byte-order mark, and a PDF among the sheets.
  writeFileSync(
    path.join(dir, 'scores', 'judge-4.csv'),
    Buffer.from('project\r\nB1\r\n', 'utf16le'),
  );
  writeFileSync(path.join(dir, 'scores', 'judge-5.pdf'), '%PDF-1.4\n');
  return dir;
}

/** The message of each stderr line: what follows `FILE:LINE:COLUMN: `. */
const messagesOf = (stderr: string) =>
  stderr
    .split('\n')
    .filter((l) => l.startsWith('scores/') || l.startsWith('rubric.yaml'))
    .map((l) => l.slice(l.indexOf(': ') + 2));

describe('problems are worded in the review language', () => {
  it('zh: each family in Chinese, at the same FILE:LINE:COLUMN, and no English sentence', async () => {
    const out = tempDir();
    const r = await pcvEnv(['tally', '.', '--out', out], review('zh'), {});
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      'scores/judge-1.csv:3:impact: 「abc」不是数字；「Community impact」的分数（0到10分）请只填数字，如17.5',
      'scores/judge-2.csv:2:project: 项目B01不在项目名单（projects.csv）里——是不是B1（Riverside Literacy Club）？',
      'scores/judge-4.csv: 这个文件看来是 UTF-16 编码，pcv 读不了；请在 Excel 里另存为“CSV UTF-8（逗号分隔）”（或 CSV）后再试',
      'scores/judge-5.pdf: 这是 PDF 文件，pcv 读不出里面的分数：请向评委要评分表原件（.xlsx 或 CSV），或把分数填进空白评分表（pcv template）',
      '4个文件中共有4处问题，没有写出任何文件。',
    ]);
    for (const m of messagesOf(r.stderr)) {
      expect(m).toMatch(HAN);
      expect(m).not.toMatch(ENGLISH);
    }
    expect(listFiles(out)).toEqual([]);
  });

  it('en: the same problems in English, with no Chinese at all', async () => {
    const r = await pcvEnv(['tally', '.', '--out', tempDir()], review('en'), {});
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      'scores/judge-1.csv:3:impact: "abc" is not a number; write the score for Community impact (0-10) as a plain number such as 17.5',
      'scores/judge-2.csv:2:project: project B01 is not in the roster (projects.csv) — did you mean B1 (Riverside Literacy Club)?',
      'scores/judge-4.csv: this looks like UTF-16 text without a byte-order mark; save the sheet as "CSV UTF-8" (or CSV) and try again',
      'scores/judge-5.pdf: this is a PDF, from which pcv cannot read scores: ask the judge for the sheet itself (.xlsx or CSV), or type the scores into the template (pcv template)',
      '4 problems in 4 files; nothing was written.',
    ]);
    expect(r.stdout + r.stderr).not.toMatch(HAN);
  });

  it.each([
    [
      'zh',
      [
        'rubric.yaml: threshold：必须填写',
        'rubric.yaml:6: treshold：没有这项设置——是不是「threshold」？',
        '1个文件中共有2处问题。',
      ],
    ],
    [
      'en',
      [
        'rubric.yaml: threshold: is required',
        'rubric.yaml:6: treshold: unknown key — did you mean "threshold"?',
        '2 problems in 1 file.',
      ],
    ],
  ])('a misspelt rubric key (%s), told in the language its lang: names', async (lang, want) => {
    // threshold: is line 6 of the fixture's rubric (a comment, title, organizer, date, lang).
    const dir = copyFixture('basic');
    const rubric = path.join(dir, 'rubric.yaml');
    const text = readFileSync(rubric, 'utf8');
    writeFileSync(
      rubric,
      text.replace('lang: en', `lang: ${lang}`).replace('threshold:', 'treshold:'),
    );
    const r = await pcvEnv(['validate', '.'], dir, {});
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toEqual(want);
    if (lang === 'en') expect(r.stderr).not.toMatch(HAN);
    else for (const m of messagesOf(r.stderr)) expect(m).not.toMatch(ENGLISH);
  });

  it('a file or option pcv cannot start with is said in the terminal language', async () => {
    const dir = copyFixture('basic');
    const zh = await pcvEnv(['tally', 'nowhere.csv'], dir, { LANG: 'zh_CN.UTF-8' });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe('pcv: nowhere.csv：没有这个文件或文件夹');
    const en = await pcvEnv(['tally', 'nowhere.csv'], dir, {});
    expect(en.stderr).toBe('pcv: nowhere.csv: no such file or folder');
    const option = await pcvEnv(['tally', '.', '--trim', 'x', '--lang', 'zh'], dir, {});
    expect(option.code).toBe(2);
    expect(option.stderr).toBe('pcv: --trim x：须是0或正整数');
  });
});
