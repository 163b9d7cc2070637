import { describe, expect, it } from 'vitest';
import { checkPanel } from '../../src/core/panel.js';
import { formatIssue } from '../../src/core/issues.js';
import { idKey } from '../../src/core/project-hint.js';
import { checkSheet, HUANSHAN } from '../sheet-check.js';

const ROSTER = 'id,name\nP03,银龄助餐服务\n01,邻里守望\nP10,绿色家园\n';
const HEADER = 'project,name,roadshow,qualification,service_plan,management\n';
const unknown = (row: string) => checkSheet(HEADER + row + '\n', ROSTER).messages;

describe('near-miss project ids: still an error, with the roster id meant', () => {
  it.each([
    [
      'P3,,16,15,30,16',
      'project P3 is not in the roster (projects.csv) — did you mean P03 (银龄助餐服务)?',
    ],
    [
      'p03,,16,15,30,16',
      'project p03 is not in the roster (projects.csv) — did you mean P03 (银龄助餐服务)?',
    ],
    // Full-width letters are folded to ASCII (documented), so ｐ０３ is p03: a case slip.
    [
      'ｐ０３,,16,15,30,16',
      'project p03 is not in the roster (projects.csv) — did you mean P03 (银龄助餐服务)?',
    ],
    [
      'P-03,,16,15,30,16',
      'project P-03 is not in the roster (projects.csv) — did you mean P03 (银龄助餐服务)?',
    ],
    [
      '1,,16,15,30,16',
      'project 1 is not in the roster (projects.csv) — did you mean 01 (邻里守望)? (Excel drops the leading zeros of an id it takes for a number: format the id column as text)',
    ],
    [
      'P30,银龄助餐服务,16,15,30,16',
      'project P30 is not in the roster (projects.csv) — did you mean P03 (银龄助餐服务)?',
    ],
    ['P99,无名项目,16,15,30,16', 'project P99 is not in the roster (projects.csv)'],
  ])('%s', (row, message) => {
    expect(unknown(row)).toEqual([`judge-a.csv:2:project: ${message}`]);
  });

  it('reads a full-width id as the roster id, as documented', () => {
    const r = checkSheet(HEADER + 'Ｐ０３,,16,15,30,16\n', ROSTER);
    expect(r.messages).toEqual([]);
    expect(r.scores.get('P03')).toBe('16 15 30 16');
  });

  it('names both projects when the id and the name point at different ones', () => {
    expect(unknown('P1,绿色家园,16,15,30,16')).toEqual([
      'judge-a.csv:2:project: project P1 is not in the roster (projects.csv) — did you mean P10 (绿色家园)?',
    ]);
    expect(unknown('P010,银龄助餐服务,16,15,30,16')).toEqual([
      'judge-a.csv:2:project: project P010 is not in the roster (projects.csv) — did you mean P10 (绿色家园) or P03 (银龄助餐服务)?',
    ]);
  });

  it('without a roster, points at the row written another way in the other sheet', () => {
    const a = checkSheet(HEADER + 'P3,,16,15,30,16\n').sheet!;
    const b = checkSheet(HEADER + 'P03,,16,15,30,16\n').sheet!;
    const issues = checkPanel(
      [a, { ...b, judge: 'judge-b', file: 'judge-b.csv' }],
      HUANSHAN,
      'rubric.yaml',
      undefined,
    );
    expect(issues.map(formatIssue)).toEqual([
      'judge-a.csv: no row for project P03, which other judges scored (is P3 on line 2 the same project? write its id the same way in every sheet); add its scores, or mark the judge recused',
      'judge-b.csv: no row for project P3, which other judges scored (is P03 on line 2 the same project? write its id the same way in every sheet); add its scores, or mark the judge recused',
    ]);
  });

  it('keys ids by what a person reads', () => {
    expect(['P03', 'p3', 'Ｐ０３', 'P 03', 'p_003'].map(idKey)).toEqual(Array(5).fill('p3'));
    expect(idKey('P30')).not.toBe(idKey('P3'));
    expect(idKey('P1-2')).not.toBe(idKey('P12'));
  });
});
