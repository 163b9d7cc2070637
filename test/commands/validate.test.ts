import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scopeOf } from '../../src/commands/validate.js';
import { en } from '../../src/text/en.js';
import { zh } from '../../src/text/zh.js';
import { copyFixture, listFiles, pcv } from '../helpers.js';

describe('pcv validate of sheets as they arrive', () => {
  it('passes one valid sheet of a trimmed-mean review, saying what it skipped (exact input)', async () => {
    const dir = copyFixture('huanshan-2022');
    const r = await pcv(['validate', 'scores/judge-a.csv'], dir);
    expect(r.stderr.split('\n')).toEqual([
      zh.run.skippedChecks,
      // huanshan-2022 says lang: zh, so the terminal speaks Chinese.
      '检查完毕：1份评分表，21个项目，没有问题。',
    ]);
    expect(r.code).toBe(0);
    expect(listFiles(dir).sort()).toEqual(['projects.csv', 'rubric.yaml', 'scores']);
  });

  it('the review folder keeps every check: one sheet is too few for trim 1', async () => {
    const dir = copyFixture('huanshan-2022');
    for (const j of ['b', 'c', 'd', 'e']) rmSync(path.join(dir, 'scores', `judge-${j}.csv`));
    for (const args of [[], ['.']]) {
      const r = await pcv(['validate', ...args], dir);
      expect(r.code).toBe(1);
      // lang: zh, so the problem is told in Chinese: trim 1 drops 2 totals of the 1 judge's.
      expect(r.stderr).toContain(
        'rubric.yaml: trim: 1 要去掉1个最高分和1个最低分，1位评委的总分就一个也不剩了',
      );
      expect(r.stderr).not.toContain('Skipped');
    }
  });

  it('still checks the named sheets against the rubric, the roster and each other', async () => {
    const dir = copyFixture('huanshan-2022');
    const a = path.join(dir, 'scores', 'judge-a.csv');
    writeFileSync(a, readFileSync(a, 'utf8').replace('P03,', 'P3,'));
    mkdirSync(path.join(dir, 'late'));
    cpSync(path.join(dir, 'scores', 'judge-b.csv'), path.join(dir, 'late', 'judge-b.csv'));
    const twice = await pcv(['validate', 'scores/judge-b.csv', 'late/judge-b.csv'], dir);
    expect(twice.code).toBe(1);
    expect(twice.stderr.split('\n')).toEqual([
      'scores/judge-b.csv: 评委「judge-b」还交了另一份评分表 late/judge-b.csv；每位评委只交一份',
      zh.run.skippedChecks,
      '1个文件中共有1处问题。',
    ]);
    const r = await pcv(['validate', 'scores/judge-*.csv'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      'scores/judge-a.csv:4:project: 项目P3不在项目名单（projects.csv）里——是不是P03（绿色家园·垃圾分类积分兑换项目）？',
      zh.run.skippedChecks,
      '1个文件中共有1处问题。',
    ]);
  });

  it('with judge groups, one sheet passes on its own; the review folder checks the groups', async () => {
    const dir = copyFixture('judge-groups');
    const one = await pcv(['validate', 'scores/judge-a.csv'], dir);
    expect(one.code).toBe(0);
    expect(one.stderr).toContain(en.run.skippedChecks);
    rmSync(path.join(dir, 'scores', 'judge-e.csv'));
    const all = await pcv(['validate'], dir);
    expect(all.code).toBe(1);
    expect(all.stderr).toContain('judge "judge-e" has no score sheet');
  });

  it('takes named files and patterns as some sheets, and no input or a folder as the whole panel', () => {
    const dir = copyFixture('basic');
    expect(scopeOf([], dir)).toBe('panel');
    expect(scopeOf(['.'], dir)).toBe('panel');
    expect(scopeOf(['scores'], dir)).toBe('panel');
    expect(scopeOf(['scores/judge-1.csv'], dir)).toBe('sheets');
    expect(scopeOf(['scores/*.csv'], dir)).toBe('sheets');
    expect(scopeOf(['scores/judge-1.csv', 'scores'], dir)).toBe('panel');
  });
});
