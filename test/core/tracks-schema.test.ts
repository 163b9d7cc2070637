import { describe, expect, it } from 'vitest';
import { initRubric } from '../../src/commands/init-files.js';
import { formatIssue } from '../../src/core/issues.js';
import { parseRubric } from '../../src/core/rubric.js';

const BASE = `title: T
date: 2026-09-30
threshold: 60
criteria:
  - id: a
    max: 100
`;

/** Every problem as FILE:LINE: message, for a rubric of BASE plus `extra`. */
function problems(extra: string): string[] {
  return parseRubric(BASE + extra, 'rubric.yaml').issues.map(formatIssue);
}

describe('rubric keys for tracks and funding', () => {
  it('accepts two tracks with budgets and a funding section without a budget', () => {
    const r = parseRubric(
      BASE +
        `tracks:
  - { id: social, label: 社会组织项目, categories: [社会组织], quota: 12, budget: 300000 }
  - { id: community, categories: [社区公益服务中心], threshold: 65, budget: 100000.5 }
quotaTies: exclude
funding:
  grant: request
  cap: 30000
  atTheLine: partial
`,
      'rubric.yaml',
    );
    expect(r.issues).toEqual([]);
    expect(r.rubric?.tracks?.map((t) => t.id)).toEqual(['social', 'community']);
    expect(r.rubric?.funding).toEqual({ grant: 'request', cap: 30000, atTheLine: 'partial' });
    expect(r.rubric?.quotaTies).toBe('exclude');
  });

  it('reports every problem at its line, all at once', () => {
    expect(
      problems(`tracks:
  - id: social
    categories: [社会组织]
    budget: 300000
  - id: community
    categories: []
    quota: 0
funding:
  budget: -5
  grant: tiers
  cap: "3万"
  tiers:
    - { label: 三等, from: 60, amount: 10000 }
    - { label: 二等, from: 75, amount: 20000.005 }
  atTheLine: half
`),
    ).toEqual([
      'rubric.yaml:12: tracks[1].categories: must list at least one roster category',
      'rubric.yaml:13: tracks[1].quota: must be >= 1',
      'rubric.yaml:15: funding.budget: must be >= 0 (an amount of yuan)',
      'rubric.yaml:17: funding.cap: must be a number, not "3万"',
      'rubric.yaml:20: funding.tiers[1].amount: must be whole cents (at most 2 decimals)',
      'rubric.yaml:21: funding.atTheLine: must be stop, skip or partial',
    ]);
  });

  it('reports the rules across keys: budgets, tiers order, both notice lengths', () => {
    expect(
      problems(`tracks:
  - { id: social, categories: [社会组织], budget: 300000 }
  - { id: social, categories: [社区] }
funding:
  budget: 400000
  grant: tiers
  tiers:
    - { label: 二等, from: 75, amount: 20000 }
    - { label: 一等, from: 85, amount: 30000 }
announcement:
  noticeDays: 5
  noticeWorkdays: 5
`),
    ).toEqual([
      'rubric.yaml:9: tracks[1].id: duplicate track id "social" (also tracks[0])',
      'rubric.yaml:9: tracks[1]: track "social" has no budget while other tracks have one: give every track a budget, or none and a funding.budget',
      'rubric.yaml:11: funding.budget: the tracks have budgets of their own: give either a budget per track or funding.budget, not both',
      'rubric.yaml:15: funding.tiers[1].from: tiers must be listed from the highest "from" down: 85 follows 75',
      'rubric.yaml:18: announcement.noticeWorkdays: give either noticeDays (calendar days) or noticeWorkdays (working days), not both',
    ]);
  });

  it('needs a budget somewhere, tiers with grant: tiers, and only then', () => {
    expect(problems(`funding:\n  grant: tiers\n`)).toEqual([
      'rubric.yaml:7: funding: funding needs a budget: funding.budget, or a budget on every track',
      'rubric.yaml:7: funding.tiers: grant: tiers needs a list of tiers (label, from, amount)',
    ]);
    expect(
      problems(`funding:\n  budget: 1000\n  tiers: [{ label: A, from: 1, amount: 1 }]\n`),
    ).toEqual(['rubric.yaml:9: funding.tiers: tiers are only used with grant: tiers']);
  });

  it('refuses a working-day notice period past the years the holiday calendar knows', () => {
    // chinese-days 1.5.7 carries the State Council schedules up to 2026.
    const [problem] = problems(`announcement:\n  date: 2026-12-28\n  noticeWorkdays: 5\n`);
    expect(problem).toMatch(
      /^rubric\.yaml:9: announcement\.noticeWorkdays: the notice period from 2026-12-28 runs into 2027, but the holiday calendar \(chinese-days\) knows only \d{4}-2026/,
    );
  });
});

describe('pcv init rubric', () => {
  it.each(['en', 'zh'] as const)(
    'shows tracks and funding commented out, valid once uncommented (%s)',
    (lang) => {
      const text = initRubric(lang, '2026-06-14');
      expect(parseRubric(text, 'rubric.yaml').rubric?.tracks).toBeUndefined();
      const at = text.indexOf('# tracks:');
      expect(at).toBeGreaterThan(0);
      const uncommented = text.slice(0, at) + text.slice(at).replace(/^# /gm, '');
      const r = parseRubric(uncommented, 'rubric.yaml');
      expect(r.issues).toEqual([]);
      expect(r.rubric?.tracks?.map((t) => [t.id, t.quota ?? null, t.budget])).toEqual([
        ['social', 12, 300000],
        ['community', null, 100000],
      ]);
      expect(r.rubric?.funding).toEqual({ grant: 'request', cap: 30000, atTheLine: 'stop' });
    },
  );
});

describe('pcv init rubric comments', () => {
  const CJK = /[\u3400-\u9fff]/;
  /** Every comment that explains (not the modeline, not a commented-out key: value). */
  const comments = (text: string) =>
    text
      .split('\n')
      .filter((l) => !l.startsWith('# yaml-language-server'))
      .map((l) => /#\s(.*)$/.exec(l)?.[1] ?? '')
      .filter((c) => c !== '' && !/^\s*(- )?[\w-]+:( |$)/.test(c));

  it('--lang zh comments every setting in Chinese', () => {
    const found = comments(initRubric('zh', '2026-06-14'));
    expect(found.length).toBeGreaterThan(15);
    expect(found.filter((c) => !CJK.test(c))).toEqual([]);
    expect(initRubric('zh', '2026-06-14')).toContain(
      'trim: 1 # 去掉一个最高分和一个最低分，其余评委的总分取平均',
    );
  });

  it('--lang en comments in English', () => {
    const found = comments(initRubric('en', '2026-06-14'));
    expect(found.length).toBeGreaterThan(15);
    expect(found.filter((c) => CJK.test(c))).toEqual([]);
  });
});
