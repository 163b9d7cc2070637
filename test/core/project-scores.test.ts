import { describe, expect, it } from 'vitest';
import { computeResults, type JudgeScore } from '../../src/core/compute.js';
import { ProjectScores, eachScore } from '../../src/core/project-scores.js';
import { parseRoster } from '../../src/core/roster.js';
import { parseRubric } from '../../src/core/rubric.js';
import { validateSheet, type JudgeSheet } from '../../src/core/sheet.js';
import { HUANSHAN_CRITERIA, rows } from '../sheet-check.js';

/*
 * A project's judge scores are read from the panel's rows and the decision when asked for
 * (core/project-scores.ts): each judge's own total and criteria, recusals with their comments,
 * and which totals the trimmed mean dropped, by the judge's place among those present.
 */
const rubric = parseRubric(
  `title: T\nthreshold: 60\naggregate: trimmed-mean\ntrim: 1\n${HUANSHAN_CRITERIA}`,
  'rubric.yaml',
).rubric!;
const roster = parseRoster(
  rows('id,name\nP1,阳光助老\nP2,青少年成长\nP3,社区花园\n').rows,
  'projects.csv',
).roster!;

function sheet(judge: string, lines: string[]): JudgeSheet {
  const { sheet, issues } = validateSheet(
    {
      file: `${judge}.csv`,
      baseName: judge,
      ...rows(
        ['project,roadshow,qualification,service_plan,management,comment', ...lines].join('\n'),
      ),
    },
    rubric,
    roster,
  );
  expect(issues).toEqual([]);
  return sheet!;
}

// Totals are the sums of the four criteria (maxima 20+20+40+20 = 100, so no rescaling).
const sheets = [
  // a: P1 18+17.5+35+16 = 86.5, P2 15+15+30+15 = 75, P3 75.
  sheet('a', ['P1,18,17.5,35,16,', 'P2,15,15,30,15,', 'P3,15,15,30,15,']),
  // b: recused from P1 (with a comment) and P3; P2 16+16+32+16 = 80.
  sheet('b', ['P1,回避,,,,家属任职', 'P2,16,16,32,16,很好', 'P3,回避,,,,']),
  // c: P1 10+10+20+10 = 50, P2 14+14+28+14 = 70, P3 16+16+32+16 = 80.
  sheet('c', ['P1,10,10,20,10,', 'P2,14,14,28,14,', 'P3,16,16,32,16,']),
  // d: no row for P3 (a judge group's partial panel); P1 100, P2 12+12+24+12 = 60.
  sheet('d', ['P1,20,20,40,20,', 'P2,12,12,24,12,']),
];
const computed = computeResults(rubric, sheets, roster);
const project = (id: string) => computed.projects.find((p) => p.id === id)!;
/** A score as plain text: recused, or total, criteria and dropped. */
const shown = (s: JudgeScore | undefined) =>
  s === undefined
    ? 'none'
    : s.recused
      ? `recused${s.comment !== undefined ? ` (${s.comment})` : ''}`
      : `${s.total.toString()} [${[...s.criteria.values()].join(' ')}]${s.dropped ? ' dropped' : ''}${s.comment !== undefined ? ` (${s.comment})` : ''}`;

describe('ProjectScores: a project judge by judge', () => {
  it('reads each judge in judge order, recused ones in place', () => {
    // P1: a, c and d present (3); the trim drops the lowest (c, 50) and the highest (d, 100).
    const p1 = project('P1').scores;
    expect(p1.size).toBe(4);
    expect([...p1.keys()]).toEqual(['a', 'b', 'c', 'd']);
    expect([...p1].map(([j, s]) => `${j}: ${shown(s)}`)).toEqual([
      'a: 86.5 [18 17.5 35 16]',
      'b: recused (家属任职)',
      'c: 50 [10 10 20 10] dropped',
      'd: 100 [20 20 40 20] dropped',
    ]);
    // Looked up one by one, the same: c is the second judge present, after a recusal.
    expect(['a', 'b', 'c', 'd'].map((j) => shown(p1.get(j)))).toEqual([...p1.values()].map(shown));
    expect(project('P1').final.toString()).toBe('86.5');
  });

  it('marks the trimmed totals of a full panel', () => {
    // P2: 75, 80, 70, 60: the trim drops b (80) and d (60); the final is (75 + 70) / 2 = 72.5.
    const p2 = project('P2').scores;
    expect(['a', 'b', 'c', 'd'].map((j) => shown(p2.get(j)))).toEqual([
      '75 [15 15 30 15]',
      '80 [16 16 32 16] dropped (很好)',
      '70 [14 14 28 14]',
      '60 [12 12 24 12] dropped',
    ]);
    expect(project('P2').final.toString()).toBe('72.5');
  });

  it('leaves out a judge without a row, and a fallen-back trim drops nobody', () => {
    // P3: a 75 and c 80 present, too few to trim 1 from each end: the mean (75 + 80) / 2 = 77.5.
    const p3 = project('P3');
    expect(p3.scores.size).toBe(3);
    expect(p3.scores.has('d')).toBe(false);
    expect(p3.scores.get('d')).toBeUndefined();
    expect(p3.scores.get('e')).toBeUndefined();
    const seen: string[] = [];
    p3.scores.forEach((s, j) => seen.push(`${j}: ${shown(s)}`));
    expect(seen).toEqual(['a: 75 [15 15 30 15]', 'b: recused', 'c: 80 [16 16 32 16]']);
    expect(p3.fellBack).toBe(true);
    expect(p3.final.toString()).toBe('77.5');
  });

  it('gives the same row by row, without a JudgeScore', () => {
    const p1 = project('P1').scores;
    expect(p1).toBeInstanceOf(ProjectScores);
    const rowsOf = p1 as ProjectScores;
    const seen: string[] = [];
    rowsOf.forEachRow((judge, total, dropped, j, k) => {
      const comment = rowsOf.commentAt(j);
      seen.push(
        total === undefined
          ? `${judge}: recused${comment !== undefined ? ` (${comment})` : ''}`
          : `${judge} #${k}: ${total.toString()} [${[...rowsOf.criteriaAt(j).values()].join(' ')}]${dropped ? ' dropped' : ''}`,
      );
    });
    // a, c and d are the 1st, 2nd and 3rd judges present (#0-#2); b's recusal has no place.
    expect(seen).toEqual([
      'a #0: 86.5 [18 17.5 35 16]',
      'b: recused (家属任职)',
      'c #1: 50 [10 10 20 10] dropped',
      'd #2: 100 [20 20 40 20] dropped',
    ]);
    expect(rowsOf.presentTotals.map(String)).toEqual(['86.5', '50', '100']);
    // Not normalised: no normalised totals.
    expect(rowsOf.normalizedAt(0)).toBeUndefined();
  });
});

describe('eachScore: computed scores and a plain map read alike', () => {
  it('gives each judge, total and drop in map order, a recusal with no total', () => {
    const seen = (scores: ReadonlyMap<string, JudgeScore>) => {
      const out: string[] = [];
      eachScore(scores, (judge, total, dropped) =>
        out.push(`${judge} ${total?.toString() ?? '-'}${dropped ? ' dropped' : ''}`),
      );
      return out;
    };
    // P1: a 86.5, b recused, c 50, d 100; the trim drops the lowest (c) and the highest (d).
    const expected = ['a 86.5', 'b -', 'c 50 dropped', 'd 100 dropped'];
    const p1 = project('P1').scores;
    expect(p1).toBeInstanceOf(ProjectScores);
    expect(seen(p1)).toEqual(expected);
    // The same scores as JudgeScore objects in a Map, as a library caller might hand them.
    expect(seen(new Map(p1))).toEqual(expected);
  });
});
