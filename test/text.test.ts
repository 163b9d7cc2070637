import { describe, expect, it } from 'vitest';
import { en } from '../src/text/en.js';
import { chooseLang, envLang } from '../src/text/lang.js';
import { RUBRIC_RULES } from '../src/text/problems/rubric.js';
import { zh } from '../src/text/zh.js';
import { reportText, type ReportText } from '../src/text/report.js';

const CJK = /[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/;

/**
 * Chinese an English message keeps on purpose: a header pcv accepts in any language, and the
 * names Chinese Excel and WPS give their menus and number formats, as the clerk's screen shows
 * them (工作簿, 常规, 数值, 右键 > 取消隐藏, 文件 > 文档加密), and a roster's Chinese column names.
 */
const NAMED_AS_IN_CHINA =
  /项目编号|申请金额|分组|工作簿|常规|数值|右键 > 取消隐藏|文件 > 文档加密/g;

/** Keys one catalog words and the other does not. */
function oneLanguageOnly(a: object, b: object): string[] {
  const inA = new Set(Object.keys(a));
  const inB = new Set(Object.keys(b));
  return [...inA, ...inB].filter((k) => !inA.has(k) || !inB.has(k));
}

/** zh words whose function holds no literal Chinese, and why. */
const WORDS_ELSEWHERE: Record<string, string> = {
  'problems.file-refused': 'a table of sentences by file kind (REFUSED in files-zh.ts)',
  'problems.value-other':
    "zod's own message, for an issue no schema rule names: kept as zod says it",
};

/** Every leaf of a catalog: its path and value (a string, or a function that builds one). */
function leaves(obj: object, at = ''): [string, unknown][] {
  return Object.entries(obj).flatMap(([k, v]): [string, unknown][] =>
    v !== null && typeof v === 'object' ? leaves(v as object, `${at}${k}.`) : [[`${at}${k}`, v]],
  );
}

/**
 * What keeps two catalogs from being the same messages in two languages: a key one lacks, a value
 * of another kind, a function taking other arguments, an empty string (unless allowed).
 */
function differences(
  en: Map<string, unknown>,
  zh: Map<string, unknown>,
  mayBeEmpty = new Set<string>(),
): string[] {
  const found: string[] = [];
  for (const key of zh.keys()) if (!en.has(key)) found.push(`${key}: missing in en`);
  for (const [key, v] of en) {
    if (!zh.has(key)) {
      found.push(`${key}: missing in zh`);
      continue;
    }
    const w = zh.get(key);
    if (typeof w !== typeof v) found.push(`${key}: ${typeof v} in en, ${typeof w} in zh`);
    else if (typeof v === 'function' && (w as () => string).length !== v.length)
      found.push(`${key}: takes ${v.length} values in en, ${(w as () => string).length} in zh`);
    for (const [lang, x] of [
      ['en', v],
      ['zh', w],
    ] as const)
      if (typeof x === 'string' && x.trim() === '' && !mayBeEmpty.has(key))
        found.push(`${key}: empty in ${lang}`);
  }
  return found;
}

describe('the text catalogs', () => {
  const enLeaves = new Map(leaves(en));
  const zhLeaves = new Map(leaves(zh));

  it('have the same messages in both languages, none empty', () => {
    // The type makes a missing message a compile error; this catches one added through a cast.
    expect(differences(enLeaves, zhLeaves)).toEqual([]);
  });

  it('English has no Chinese and Chinese is Chinese', () => {
    // A function's source holds its literal words: a zh message with none left English.
    const chineseIn = (v: unknown) => String(v).replace(NAMED_AS_IN_CHINA, '');
    expect([...enLeaves].filter(([, v]) => CJK.test(chineseIn(v))).map(([k]) => k)).toEqual([]);
    expect(
      [...zhLeaves].filter(([k, v]) => !CJK.test(String(v)) && !(k in WORDS_ELSEWHERE)),
    ).toEqual([]);
  });

  it('words every problem key in both languages, and only those', () => {
    // ProblemWords makes this a compile error; a key added to one catalog through a cast is not.
    expect(oneLanguageOnly(en.problems, zh.problems)).toEqual([]);
    expect(oneLanguageOnly({ ...en.problems, 'made-up': () => 'x' }, zh.problems)).toEqual([
      'made-up',
    ]);
    // Each rule a rubric schema names has its words.
    expect(RUBRIC_RULES.filter((r) => !(r in en.problems) || !(r in zh.problems))).toEqual([]);
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

describe('the report catalog (src/text/report.ts)', () => {
  const enLeaves = new Map(leaves(reportText('en')));
  const zhLeaves = new Map(leaves(reportText('zh')));
  /**
   * Report words that are not Chinese in the zh catalog, each on purpose: the typography settings
   * (a language tag, a flag, an alignment, an empty gap, font names), a hash's name, and the dash
   * of a project that did not pass in the funding column.
   */
  const NOT_CHINESE = new Set([
    'typography.tag',
    'typography.indent',
    'typography.signature',
    'typography.sentenceGap',
    'typography.fontStack',
    'workbook.sha256',
    'workbookExtra.fundingStatus.not-passed',
  ]);

  // Chinese runs sentences together after a 。: its gap between them is rightly empty.
  const GAPLESS = new Set(['typography.sentenceGap']);

  it('has every label, note and flag in both languages, none empty', () => {
    // The type makes a missing one a compile error; this catches one added through a cast.
    expect(differences(enLeaves, zhLeaves, GAPLESS)).toEqual([]);
    // Each flag kind is named in both (the kinds are a record, so a new kind shows here too).
    expect(Object.keys(reportText('zh').flags.kind).sort()).toEqual(
      Object.keys(reportText('en').flags.kind).sort(),
    );
  });

  it('English has no Chinese and Chinese is Chinese', () => {
    // 项目编号 is a header pcv accepts in any language (see the terminal catalog's test).
    for (const [key, v] of enLeaves)
      expect(String(v).replaceAll('项目编号', ''), key).not.toMatch(CJK);
    for (const [key, v] of zhLeaves) if (!NOT_CHINESE.has(key)) expect(String(v), key).toMatch(CJK);
  });

  it('fails a label or a flag that exists in one language only', () => {
    // The completeness check above, run on a zh half with a label taken out and a flag emptied.
    const pdf: Partial<ReportText['pdf']> = { ...reportText('zh').pdf };
    delete pdf.cardTitle;
    const flags = {
      ...reportText('zh').flags,
      kind: { ...reportText('zh').flags.kind, outlier: '' },
    };
    const broken = new Map(leaves({ ...reportText('zh'), pdf, flags }));
    expect(differences(enLeaves, broken, GAPLESS)).toEqual([
      'pdf.cardTitle: missing in zh',
      'flags.kind.outlier: empty in zh',
    ]);
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
