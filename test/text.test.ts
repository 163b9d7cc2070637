import { describe, expect, it } from 'vitest';
import { en } from '../src/text/en.js';
import { chooseLang, envLang } from '../src/text/lang.js';
import { zh } from '../src/text/zh.js';

const CJK = /[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/;

/** Every leaf of a catalog: its path and value (a string, or a function that builds one). */
function leaves(obj: object, at = ''): [string, unknown][] {
  return Object.entries(obj).flatMap(([k, v]): [string, unknown][] =>
    v !== null && typeof v === 'object' ? leaves(v as object, `${at}${k}.`) : [[`${at}${k}`, v]],
  );
}

describe('the text catalogs', () => {
  const enLeaves = new Map(leaves(en));
  const zhLeaves = new Map(leaves(zh));

  it('have the same messages in both languages, none empty', () => {
    // The type makes a missing message a compile error; this catches one added through a cast.
    expect([...zhLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
    for (const [key, v] of enLeaves) {
      const w = zhLeaves.get(key);
      expect(typeof w, key).toBe(typeof v);
      if (typeof v === 'function') expect((w as () => string).length, key).toBe(v.length);
      if (typeof v === 'string') expect(v.trim(), key).not.toBe('');
    }
  });

  it('English has no Chinese and Chinese is Chinese', () => {
    // A function's source holds its literal words: a zh message with none left English.
    // 项目编号 is a header pcv accepts in any language, named as the judge would write it.
    for (const [key, v] of enLeaves)
      expect(String(v).replaceAll('项目编号', ''), key).not.toMatch(CJK);
    for (const [key, v] of zhLeaves) expect(String(v), key).toMatch(CJK);
  });

  it('words a hand-checked summary line', () => {
    // basic fixture by hand: finals 87.71, 80.42, 70.00, 73.13, 58.75 at threshold 70 -> 4 pass.
    const t = zh.table;
    expect(t.summary(5, t.passed(4), t.failed(1), 70, t.method.trimmed(1))).toBe(
      '共5个项目：4个通过，1个未通过（及格线70分）；最终得分为去掉一个最高分和一个最低分后的平均分（去掉的最高分和最低分加括号）。',
    );
    expect(en.table.summary(5, 'a', 'b', 70, en.table.method.mean)).toBe(
      '5 projects: a, b at threshold 70; final = mean.',
    );
  });
});

describe('which language the terminal speaks', () => {
  it.each([
    ['--lang wins over everything', 'en', 'zh', { LANG: 'zh_CN.UTF-8' }, 'en'],
    ['--lang zh over an English rubric', 'zh', 'en', {}, 'zh'],
    ["the rubric's zh", undefined, 'zh', { LANG: 'en_US.UTF-8' }, 'zh'],
    ['LANG zh with an English rubric', undefined, 'en', { LANG: 'zh_CN.UTF-8' }, 'zh'],
    ['LC_ALL over LANG', undefined, undefined, { LC_ALL: 'C', LANG: 'zh_TW' }, 'en'],
    ['LC_ALL zh', undefined, undefined, { LC_ALL: 'zh_CN.GB18030', LANG: 'C' }, 'zh'],
    ['nothing set', undefined, undefined, {}, 'en'],
  ] as const)('%s', (_name, flag, rubric, env, want) => {
    expect(chooseLang(flag, rubric, env)).toBe(want);
  });

  it('an empty LC_ALL does not hide LANG', () => {
    expect(envLang({ LC_ALL: '', LANG: 'zh_CN.UTF-8' })).toBe('zh');
  });
});
