import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, pcv } from '../helpers.js';
import { checkSheet } from '../sheet-check.js';

const BLANK = 'this sheet is blank: no scores entered (a template not yet filled?)';

describe('a blank template among the sheets', () => {
  it.each(['csv', 'xlsx'])(
    "pcv's own %s template dropped into scores/ is one line, not one per missing score",
    async (format) => {
      const dir = copyFixture('huanshan-2022');
      const scores = path.join(dir, 'scores');
      const made = await pcv([
        'template',
        dir,
        '--judges',
        '评委F',
        '--format',
        format,
        '--out',
        scores,
      ]);
      expect(made.code).toBe(0);
      const r = await pcv(['tally', dir, '--out', path.join(dir, 'out')]);
      expect(r.code).toBe(1);
      const lines = r.stderr.split('\n').map((l) => l.replace(dir + path.sep, ''));
      // The template's first project row is line 2, under its header row.
      expect(lines).toEqual([
        `scores/评委F.${format}:2: 这份评分表一个分数也没填（是还没填写的空白表吗？）`,
        '1个文件中共有1处问题，没有写出任何文件。', // the review says lang: zh
      ]);
    },
  );

  it('a sheet with one score or one recusal is not blank: its missing scores are listed', () => {
    const header = 'project,roadshow,qualification,service_plan,management,recused\n';
    expect(checkSheet(header + 'P01,,,,,\nP02,,,,,\n').messages).toEqual([
      `judge-a.csv:2: ${BLANK}`,
    ]);
    expect(checkSheet(header + 'P01,,,,,yes\nP02,,,,,\n').messages).toHaveLength(4);
    expect(checkSheet(header + 'P01,回避,,,,\nP02,,,,,\n').messages).toHaveLength(4);
    expect(checkSheet(header + 'P01,16,,,,\nP02,,,,,\n').messages).toHaveLength(7);
  });
});
