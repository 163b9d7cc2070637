import { describe, expect, it } from 'vitest';
import { formatIssue, sortIssues } from '../../src/core/issues.js';
import { checkPanel } from '../../src/core/panel.js';
import { parseRoster } from '../../src/core/roster.js';
import { parseRubric, type Rubric } from '../../src/core/rubric.js';
import { validateSheet, type JudgeSheet } from '../../src/core/sheet.js';
import { rows } from '../sheet-check.js';

const rubric: Rubric = parseRubric(
  `title: T
threshold: 60
criteria:
  - id: roadshow
    label: 路演展示
    aliases: [Roadshow presentation]
    max: 20
    step: 0.5
  - id: plan
    label: Service plan
    max: 40
`,
  'rubric.yaml',
).rubric!;

function check(text: string, roster?: string, file = 'judge-a.csv') {
  const r =
    roster === undefined ? undefined : parseRoster(rows(roster).rows, 'projects.csv').roster;
  const result = validateSheet(
    { file, baseName: file.replace(/\.csv$/, ''), ...rows(text) },
    rubric,
    r,
  );
  return { sheet: result.sheet, messages: result.issues.map(formatIssue) };
}

describe('validateSheet: headers', () => {
  it('matches headers by id, label or alias, ignoring case, spaces and a printed maximum', () => {
    const { sheet, messages } = check(
      ' PROJECT ,roadshow presentation, 服务方案 (max 40) ,service plan\n',
    );
    // 服务方案 is not a header of plan: unknown; service plan matches.
    expect(messages[0]).toMatch(/^judge-a\.csv:1:服务方案 \(max 40\): unknown column/);
    expect(sheet).toBeUndefined();
    const ok = check('Project,路演展示（20分）,SERVICE  PLAN\nP1,18,30\n');
    expect(ok.messages).toEqual([]);
    expect(ok.sheet?.entries.get('P1')?.scores.get('plan')?.toString()).toBe('30');
  });

  it('suggests the criterion a misspelt header was meant to be', () => {
    expect(check('project,roadshw,plan\nP1,1,2\n').messages[0]).toContain(
      'did you mean "roadshow"?',
    );
  });

  it('treats __proto__ and constructor as ordinary unknown columns', () => {
    const { messages } = check('project,roadshow,plan,__proto__,constructor\nP1,1,2,3,4\n');
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('judge-a.csv:1:__proto__: unknown column "__proto__"');
    expect(messages[1]).toContain('judge-a.csv:1:constructor: unknown column "constructor"');
  });

  it('reports missing criterion and project columns, and duplicates', () => {
    expect(check('project,roadshow\nP1,1\n').messages).toEqual([
      'judge-a.csv:1: no column for criterion "Service plan" (plan); add it, named by its id, label or an alias',
    ]);
    expect(check('roadshow,plan\n1,2\n').messages).toEqual([
      'judge-a.csv:1: no project column (project, id or 项目编号) in the header',
    ]);
    expect(check('project,roadshow,路演展示,plan\nP1,1,1,2\n').messages).toEqual([
      'judge-a.csv:1:路演展示: "路演展示" and "roadshow" are the same column',
    ]);
  });
});

describe('validateSheet: scores', () => {
  it('lists every bad score with its line and column', () => {
    const text = [
      'project,roadshow,plan',
      'P1,25,40',
      'P2,-1,abc',
      'P3,17.3,',
      'P4,NaN,Infinity',
      'P5,1e1,0x10',
      'P6,85分,39.9',
    ].join('\n');
    expect(check(text).messages).toEqual([
      'judge-a.csv:2:roadshow: 25 exceeds the maximum 20 for 路演展示',
      'judge-a.csv:3:roadshow: -1 is negative; scores for 路演展示 (0-20) run from 0',
      'judge-a.csv:3:plan: "abc" is not a number; write the score for Service plan (0-40) as a plain number such as 17.5',
      'judge-a.csv:4:roadshow: 17.3 is not a multiple of the step 0.5 for 路演展示',
      'judge-a.csv:4:plan: missing score for Service plan (0-40)',
      'judge-a.csv:5:roadshow: "NaN" is not a number; write the score for 路演展示 (0-20) as a plain number such as 17.5',
      'judge-a.csv:5:plan: "Infinity" is not a number; write the score for Service plan (0-40) as a plain number such as 17.5',
      'judge-a.csv:6:roadshow: "1e1" is not a number; write the score for 路演展示 (0-20) as a plain number such as 17.5',
      'judge-a.csv:6:plan: "0x10" is not a number; write the score for Service plan (0-40) as a plain number such as 17.5',
      'judge-a.csv:7:roadshow: "85分" is not a number; write the score for 路演展示 (0-20) as a plain number such as 17.5',
    ]);
  });

  it('reads full-width digits and, in a semicolon sheet, decimal commas', () => {
    const full = check('project,roadshow,plan\nP1,１８．５,３０\n');
    expect(full.sheet?.entries.get('P1')?.scores.get('roadshow')?.toString()).toBe('18.5');
    const semi = check('project;roadshow;plan\nP1;18,5;30\n');
    expect(semi.sheet?.entries.get('P1')?.scores.get('roadshow')?.toString()).toBe('18.5');
    // In a comma sheet "18,5" is two cells, so the row is too long.
    expect(check('project,roadshow,plan\nP1,18,5,30\n').messages[0]).toMatch(
      /has 4 cells but the header has 3/,
    );
  });

  it('checks a written total against the plain sum of the scores', () => {
    expect(check('project,roadshow,plan,总分\nP1,18,30.5,48.5\nP2,10,20,31\n').messages).toEqual([
      'judge-a.csv:3:总分: the written total 31 does not match the sum of the scores 30',
    ]);
  });

  it('reports duplicate rows, short rows and rows without a project id', () => {
    expect(check('project,roadshow,plan\nP1,1,2\nP1,3,4\nP2,1\n,1,2\n').messages).toEqual([
      'judge-a.csv:3:project: project P1 appears twice (first on line 2)',
      'judge-a.csv:4: this row has 2 cells but the header has 3; a delimiter is missing',
      'judge-a.csv:5:project: a row with scores but no project id',
    ]);
  });

  it('refuses a header-only sheet and an empty one', () => {
    expect(check('project,roadshow,plan\n').messages).toEqual([
      'judge-a.csv:1: the sheet has a header but no project rows',
    ]);
  });
});

describe('validateSheet: recusal and judges', () => {
  it('accepts the recusal word in a criterion cell, or a recused column', () => {
    const word = check('project,roadshow,plan,备注\nP1,回避,,conflict\nP2,18,30,\n');
    expect(word.messages).toEqual([]);
    expect(word.sheet?.entries.get('P1')).toMatchObject({ recused: true, comment: 'conflict' });
    const col = check('project,roadshow,plan,recused\nP1,,,yes\nP2,18,30,no\n');
    expect(col.sheet?.entries.get('P1')?.recused).toBe(true);
    expect(col.sheet?.entries.get('P2')?.recused).toBe(false);
  });

  it('refuses a recusal that also has scores, and an unclear recused value', () => {
    expect(check('project,roadshow,plan,recused\nP1,10,,yes\nP2,1,2,maybe\n').messages).toEqual([
      'judge-a.csv:2:roadshow: the judge recused from P1 but this cell holds a score ("10"); leave it empty',
      'judge-a.csv:3:recused: "maybe" is not yes or no',
    ]);
  });

  it('takes the judge from the judge column, else the file name', () => {
    expect(check('project,roadshow,plan,评委\nP1,1,2,王\nP2,1,2,\n').sheet?.judge).toBe('王');
    expect(check('project,roadshow,plan\nP1,1,2\n').sheet?.judge).toBe('judge-a');
    expect(check('project,roadshow,plan,judge\nP1,1,2,Ann\nP2,1,2,Bob\n').messages).toEqual([
      'judge-a.csv:3:judge: judge "Bob" differs from "Ann" on line 2; one sheet is one judge\'s',
    ]);
  });
});

describe('roster and panel checks', () => {
  const roster = 'id,name\nP1,Alpha\nP2,Beta\n';

  it('refuses projects not in the roster, with a hint for a case slip', () => {
    expect(check('project,roadshow,plan\np1,1,2\nP9,1,2\n', roster).messages).toEqual([
      'judge-a.csv:2:project: project p1 is not in the roster (projects.csv) — did you mean P1 (Alpha)?',
      'judge-a.csv:3:project: project P9 is not in the roster (projects.csv)',
    ]);
  });

  it('reads Chinese roster headers and refuses duplicate ids', () => {
    const r = parseRoster(
      rows('项目编号,项目名称,申报单位,类别,申请金额\nP1,甲,乙,丙,"30,000"\nP1,x,,,\n').rows,
      'projects.csv',
    );
    expect(r.issues.map(formatIssue)).toEqual([
      'projects.csv:3:项目编号: project P1 is listed twice (first on line 2)',
    ]);
    const ok = parseRoster(
      rows('项目编号,项目名称,申报单位,类别,申请金额\nP1,甲,乙,丙,"30,000"\n').rows,
      'projects.csv',
    );
    expect(ok.roster?.projects.get('P1')).toMatchObject({
      name: '甲',
      organization: '乙',
      category: '丙',
      amount: 30000,
    });
  });

  const sheetOf = (text: string, file: string): JudgeSheet => check(text, roster, file).sheet!;

  it('finds unscored roster projects, a judge twice and name differences', () => {
    const r = parseRoster(rows(roster).rows, 'projects.csv').roster!;
    const a = sheetOf(
      'project,name,roadshow,plan,judge\nP1,Alpha,1,2,Ann\nP2,Beta Project,1,2,Ann\n',
      'a.csv',
    );
    const b = sheetOf('project,roadshow,plan,judge\nP1,1,2,Ann\n', 'b.csv');
    expect(sortIssues(checkPanel([a, b], rubric, 'rubric.yaml', r)).map(formatIssue)).toEqual([
      'a.csv:3: warning: project P2 is called "Beta Project" here but "Beta" in the roster',
      'b.csv: judge "Ann" also has the sheet a.csv; each judge hands in one sheet',
      'b.csv: no row for project P2 (Beta); add its scores, or mark the judge recused',
    ]);
  });

  it('refuses a trim that would leave no judge', () => {
    const a = sheetOf('project,roadshow,plan\nP1,1,2\nP2,1,2\n', 'a.csv');
    const b = sheetOf('project,roadshow,plan\nP1,1,2\nP2,1,2\n', 'b.csv');
    const trimmed: Rubric = { ...rubric, aggregate: 'trimmed-mean', trim: 1 };
    expect(checkPanel([a, b], trimmed, 'rubric.yaml', undefined).map(formatIssue)).toEqual([
      "rubric.yaml: trim: 1 drops 2 of the 2 judges' totals and leaves none; lower trim or use mean or median",
    ]);
  });
});
