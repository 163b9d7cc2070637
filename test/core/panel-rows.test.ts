import { describe, expect, it } from 'vitest';
import { computeResults } from '../../src/core/compute.js';
import { formatIssue } from '../../src/core/issues.js';
import { checkPanel } from '../../src/core/panel.js';
import { panelEntries } from '../../src/core/panel-rows.js';
import { parseRoster } from '../../src/core/roster.js';
import { SheetRows } from '../../src/core/score-store.js';
import { validateSheet, type JudgeSheet } from '../../src/core/sheet.js';
import { HUANSHAN, rows } from '../sheet-check.js';

/*
 * computeResults() reads sheets kept in typed columns by row number (core/panel-rows.ts) and
 * scalePanel() reads their cells by code; sheets made as plain maps (by a program or a test) go
 * the old way, entry by entry. Both must decide the same.
 */
const roster = parseRoster(
  rows('id,name\nP1,阳光助老\nP2,青少年成长\nP3,社区花园\n').rows,
  'projects.csv',
).roster;

const sheet = (judge: string, lines: string[], withRoster = true): JudgeSheet => {
  const { sheet, issues } = validateSheet(
    {
      file: `${judge}.csv`,
      baseName: judge,
      ...rows(['project,roadshow,qualification,service_plan,management', ...lines].join('\n')),
    },
    HUANSHAN,
    withRoster ? roster : undefined,
  );
  expect(issues).toEqual([]);
  return sheet!;
};

// Rows in another order than the roster's, a recusal, and a blank line, so that row numbers,
// project numbers and lines all differ.
const sheets = [
  sheet('judge-b', ['P3,10,10,20,10', 'P1,17,18,36,15', 'P2,16,14.5,31,12']),
  sheet('judge-a', ['P2,15,15,30,10', '', 'P1,18,17.5,35,16', 'P3,回避,,,']),
  sheet('judge-c', ['P1,19,16,34,17', 'P2,14,15,29,11', 'P3,12,12.5,25,10.5']),
];
/** The same sheets as plain maps of their entries. */
const asMaps = sheets.map((s) => ({ ...s, entries: new Map(s.entries) }));

const outcome = (judges: readonly JudgeSheet[], withRoster = true) =>
  computeResults(HUANSHAN, judges, withRoster ? roster : undefined).projects.map((p) => ({
    id: p.id,
    final: p.final.toString(),
    exactFinal: p.exactFinal.toString(),
    rank: p.rank,
    passed: p.passed,
    criteria: [...p.criteria].map(([c, v]) => `${c}=${v.toString()}`),
    scores: [...p.scores].map(([judge, s]) =>
      s.recused
        ? `${judge}: recused`
        : `${judge}: ${s.total.toString()} ${[...s.criteria.values()].join(' ')}`,
    ),
  }));

describe('the panel read by row number from typed sheets', () => {
  it('is what it is for typed sheets only', () => {
    expect(sheets.every((s) => s.entries instanceof SheetRows)).toBe(true);
    expect(panelEntries(sheets, 3).rows).toBeDefined();
    expect(panelEntries(asMaps, 3).rows).toBeUndefined();
  });

  it('decides the hand-worked finals, as the entries do', () => {
    const typed = outcome(sheets);
    // Judge totals (the maxima add up to 100, so a total is the plain sum):
    //   P1: a 18+17.5+35+16 = 86.5, b 17+18+36+15 = 86, c 19+16+34+17 = 86
    //       mean 258.5 / 3 = 86.1666… -> 86.17
    //   P2: a 15+15+30+10 = 70, b 16+14.5+31+12 = 73.5, c 14+15+29+11 = 69
    //       mean 212.5 / 3 = 70.8333… -> 70.83
    //   P3: a recused, b 10+10+20+10 = 50, c 12+12.5+25+10.5 = 60
    //       mean 110 / 2 = 55 -> 55 (fails the threshold of 60)
    expect(typed.map((p) => [p.id, p.final, p.rank, p.passed])).toEqual([
      ['P1', '86.17', 1, true],
      ['P2', '70.83', 2, true],
      ['P3', '55', 3, false],
    ]);
    // Judges in id order (a, b, c), whatever the order the sheets came in.
    expect(typed[0]!.scores).toEqual([
      'judge-a: 86.5 18 17.5 35 16',
      'judge-b: 86 17 18 36 15',
      'judge-c: 86 19 16 34 17',
    ]);
    expect(typed[2]!.scores[0]).toBe('judge-a: recused');
    // P3's roadshow: (10 + 12) / 2 = 11.
    expect(typed[2]!.criteria[0]).toBe('roadshow=11');
    expect(outcome(asMaps)).toEqual(typed);
  });

  it('reads sheets without a roster, each numbering its own projects', () => {
    // The same rows as above; each sheet adds its projects to its own numbering in the order
    // read, so P3 is project 0 of judge-b's sheet and project 1 of judge-a's.
    const own = [
      sheet('judge-b', ['P3,10,10,20,10', 'P1,17,18,36,15', 'P2,16,14.5,31,12'], false),
      sheet('judge-a', ['P2,15,15,30,10', '', 'P1,18,17.5,35,16', 'P3,回避,,,'], false),
      sheet('judge-c', ['P1,19,16,34,17', 'P2,14,15,29,11', 'P3,12,12.5,25,10.5'], false),
    ];
    const typed = outcome(own, false);
    expect(typed.map((p) => [p.id, p.final, p.rank])).toEqual([
      ['P1', '86.17', 1],
      ['P2', '70.83', 2],
      ['P3', '55', 3],
    ]);
    expect(typed).toEqual(outcome(sheets));
    expect(
      outcome(
        own.map((s) => ({ ...s, entries: new Map(s.entries) })),
        false,
      ),
    ).toEqual(typed);
  });

  it('tells a recusal and its line where every judge recused', () => {
    const allRecused = [
      sheet('judge-a', ['P1,18,17.5,35,16', 'P2,回避,,,', 'P3,12,12.5,25,10.5']),
      sheet('judge-b', ['P1,17,18,36,15', '', 'P2,回避,,,', 'P3,10,10,20,10']),
    ];
    const typed = computeResults(HUANSHAN, allRecused, roster);
    const maps = computeResults(
      HUANSHAN,
      allRecused.map((s) => ({ ...s, entries: new Map(s.entries) })),
      roster,
    );
    // The first judge's recusal: judge-a.csv line 3 (after the header and P1).
    expect(typed.issues.map((i) => [i.code, i.file, i.line])).toEqual([
      ['all-recused', 'judge-a.csv', 3],
    ]);
    expect(maps.issues).toEqual(typed.issues);
    expect(typed.projects.map((p) => p.id)).toEqual(['P1', 'P3']);
  });

  it('warns of the same names unlike the roster as the entries do', () => {
    const named = validateSheet(
      {
        file: 'judge-d.csv',
        baseName: 'judge-d',
        ...rows(
          [
            'project,name,roadshow,qualification,service_plan,management',
            'P1,阳光助老,18,17.5,35,16', // the roster's name
            'P2,青少年成长（二期）,15,15,30,10', // another name
            'P3,,12,12.5,25,10.5', // none
          ].join('\n'),
        ),
      },
      HUANSHAN,
      roster,
    ).sheet!;
    const issues = (judges: readonly JudgeSheet[]) =>
      checkPanel(judges, HUANSHAN, 'rubric.yaml', roster).map(formatIssue);
    expect(issues([named])).toEqual([
      'judge-d.csv:3: warning: project P2 is called "青少年成长（二期）" here but "青少年成长" in the roster',
    ]);
    expect(issues([{ ...named, entries: new Map(named.entries) }])).toEqual(issues([named]));
  });
});
