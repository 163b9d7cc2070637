import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, listFiles, pcvEnv, tempDir } from './helpers.js';

const CJK = /[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/;

/** The basic fixture (ASCII names and ids, `lang: en`) with the rubric saying `lang: zh`. */
function basicZh(): string {
  const dir = copyFixture('basic');
  const rubric = path.join(dir, 'rubric.yaml');
  writeFileSync(rubric, readFileSync(rubric, 'utf8').replace('lang: en', 'lang: zh'));
  return dir;
}

/** Edits judge-1's sheet of a copied basic fixture. */
function editJudge1(dir: string, from: string, to: string) {
  const sheet = path.join(dir, 'scores', 'judge-1.csv');
  writeFileSync(sheet, readFileSync(sheet, 'utf8').replace(from, to));
}

/** judge-1's impact score for B1 (9 in the fixture). */
const setImpactB1 = (dir: string, score: string) =>
  editJudge1(dir, 'B1,Riverside Literacy Club,9,', `B1,Riverside Literacy Club,${score},`);

describe('the terminal speaks the review language', () => {
  it('a zh review with ASCII-only inputs prints a Chinese table', async () => {
    const r = await pcvEnv(['tally', '.', '--out', tempDir()], basicZh(), {});
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[1]).toMatch(
      /^排名\s+项目编号\s+项目名称\s+judge-1\s+judge-2\s+judge-3\s+最终得分\s+结果$/,
    );
    // By hand: B5's totals 56.25, 60.625, 59.375 -> mean 58.75 < 70; B3's 64.375, 71.875,
    // 73.75 -> exactly 70.00, which passes.
    expect(r.stdout).toMatch(/B5 .* 58\.75\s+未通过$/m);
    expect(r.stdout).toMatch(/B3 .* 70\.00\s+通过$/m);
    expect(r.stdout).toContain(
      '共5个项目：4个通过，1个未通过（及格线70分）；最终得分为各评委总分的平均分。',
    );
    expect(r.stderr).toMatch(/^已写出 /);
  });

  it('an en review prints no Chinese at all', async () => {
    const r = await pcvEnv(['tally', '.', '--out', tempDir()], copyFixture('basic'), {});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('5 projects: 4 passed, 1 failed at threshold 70; final = mean.');
    expect(r.stdout + r.stderr).not.toMatch(CJK);
  });

  it('LANG=zh_CN.UTF-8 makes an English rubric speak Chinese at the terminal; --lang en wins', async () => {
    const dir = copyFixture('basic');
    const zh = await pcvEnv(['validate', '.'], dir, { LANG: 'zh_CN.UTF-8' });
    expect(zh.stderr).toBe('检查完毕：3份评分表，5个项目，没有问题。');
    const en = await pcvEnv(['validate', '.', '--lang', 'en'], dir, { LANG: 'zh_CN.UTF-8' });
    expect(en.stderr).toBe('OK: 3 sheets, 5 projects, no problems.');
  });

  it.each([
    [
      'zh',
      basicZh,
      [
        'scores/judge-1.csv:2:impact: 19超过了「Community impact」的满分10分',
        'scores/judge-1.csv:3:feasibility: 8.2不是0.5的整数倍；「Feasibility」的分数须按0.5分一档打',
        '1个文件中共有2处问题，没有写出任何文件。',
      ],
    ],
    [
      'en',
      () => copyFixture('basic'),
      [
        'scores/judge-1.csv:2:impact: 19 exceeds the maximum 10 for Community impact',
        'scores/judge-1.csv:3:feasibility: 8.2 is not a multiple of the step 0.5 for Feasibility',
        '2 problems in 1 file; nothing was written.',
      ],
    ],
  ])('problems (%s) keep FILE:LINE:COLUMN: and exit code 1', async (_lang, make, want) => {
    const dir = make();
    setImpactB1(dir, '19');
    editJudge1(dir, 'B2,Senior Lunch Circle,8,8,', 'B2,Senior Lunch Circle,8,8.2,');
    const out = tempDir();
    const r = await pcvEnv(['tally', '.', '--out', out], dir, {});
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toEqual(want);
    expect(listFiles(out)).toEqual([]);
  });

  it.each([
    [
      'en',
      () => copyFixture('basic'),
      [
        'scores/judge-1.csv: changed since the results were published (sha256 differs)',
        'B1, judge-1: Community impact 9 → 9.5',
        'B1: final 87.71 → 88.54',
        'NOT verified: 3 differences from the published results.',
      ],
    ],
    [
      'zh',
      basicZh,
      [
        'scores/judge-1.csv：公布结果之后被改动过（sha256 校验值不同）',
        'B1，judge-1：Community impact 9 → 9.5',
        'B1：最终得分 87.71 → 88.54',
        '核对不一致：与已公布的结果有3处不同。',
      ],
    ],
  ])('verify (%s) names criteria by their labels', async (_lang, make, want) => {
    const dir = make();
    expect((await pcvEnv(['tally', '.', '--format', 'json', '--quiet'], dir, {})).code).toBe(0);
    // judge-1 raises B1's impact from 9 to 9.5: total 88.125 + 5 * 0.5 = 90.625, so the mean
    // (90.625 + 86.25 + 88.75) / 3 = 88.5417 -> 88.54 (was 263.125 / 3 = 87.71); rank stays 1.
    setImpactB1(dir, '9.5');
    const r = await pcvEnv(['verify', '.'], dir, {});
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toEqual(want);
  });

  it('a warning has the Chinese prefix and wording, and results.json keeps the English', async () => {
    const dir = basicZh();
    const roster = path.join(dir, 'projects.csv');
    writeFileSync(roster, readFileSync(roster, 'utf8').replace(',category,', ',categry,'));
    const v = await pcvEnv(['validate', '.'], dir, {});
    expect(v.code).toBe(0);
    expect(v.stderr.split('\n')).toEqual([
      'projects.csv:1:categry: 警告：「categry」这一列用不上（是不是「category」？）',
      '检查完毕：3份评分表，5个项目，没有问题（1条警告）。',
    ]);
    const out = tempDir();
    expect((await pcvEnv(['tally', '.', '--out', out, '--format', 'json'], dir, {})).code).toBe(0);
    const json = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8'));
    expect(json.warnings).toEqual([
      'projects.csv:1:categry: warning: column "categry" is not used (did you mean "category"?)',
    ]);
  });
});
