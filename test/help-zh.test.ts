import { describe, expect, it } from 'vitest';
import { translateError } from '../src/text/help-zh.js';
import { ROOT, pcvEnv } from './helpers.js';

const CJK = /[\u3400-\u9fff]/;

const COMMANDS = [[], ['tally'], ['validate'], ['init'], ['template'], ['verify']];
const ZH = { LANG: 'zh_CN.UTF-8' };

/** Lines that may stay ASCII in Chinese help: example commands, wrapped lists of values. */
const asciiAllowed = (line: string) =>
  line.trim() === '' || /^\s+pcv [^\u3400-\u9fff]*$/.test(line) || /^\s{10,}"/.test(line);

describe('--help in Chinese', () => {
  it.each(COMMANDS)('LANG=zh_CN.UTF-8 pcv %s --help: every line is Chinese', async (...cmd) => {
    const r = await pcvEnv([...cmd, '--help'], ROOT, ZH);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^用法： pcv /);
    expect(r.stdout).toContain('选项：');
    const english = r.stdout.split('\n').filter((l) => !CJK.test(l) && !asciiAllowed(l));
    expect(english).toEqual([]);
  });

  it('--lang zh asks for it too, and --lang en keeps English on a Chinese system', async () => {
    expect((await pcvEnv(['tally', '--lang', 'zh', '--help'], ROOT, {})).stdout).toContain(
      '参数：',
    );
    const en = await pcvEnv(['tally', '--lang', 'en', '--help'], ROOT, ZH);
    expect(en.stdout).toMatch(/^Usage: pcv tally/);
    expect(en.stdout).not.toMatch(CJK);
  });

  it('commander errors are Chinese and keep exit code 2', async () => {
    const r = await pcvEnv(['tally', '--bogus'], ROOT, ZH);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toEqual([
      "错误：没有选项 '--bogus'",
      '（运行 pcv --help 查看用法）',
    ]);
    const typo = await pcvEnv(['tallx'], ROOT, ZH);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("错误：没有命令 'tallx'\n（是不是要用 tally？）");
    const en = await pcvEnv(['tally', '--bogus'], ROOT, {});
    expect(en.stderr).toContain("error: unknown option '--bogus'");
  });

  it.each([
    [
      "error: option '--lang <lang>' argument 'fr' is invalid. Allowed choices are zh, en.\n",
      "错误：选项 '--lang <lang>' 不能取 'fr'，只能是 zh, en。\n",
    ],
    ["error: option '--out <dir>' argument missing\n", "错误：选项 '--out <dir>' 后面缺少值\n"],
    [
      "error: too many arguments for 'init'. Expected 1 argument but got 2.\n",
      '错误：参数太多，最多 1 个，实际给了 2 个。\n',
    ],
  ])('translates %j', (en, zh) => {
    expect(translateError(en)).toBe(zh);
  });
});
