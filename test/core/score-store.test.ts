import { describe, expect, it } from 'vitest';
import { parseRoster } from '../../src/core/roster.js';
import { validateSheet } from '../../src/core/sheet.js';
import { HUANSHAN, rows } from '../sheet-check.js';

/*
 * A sheet's rows as the rest of pcv reads them (entries by project id, in the order read), out of
 * the typed columns of core/score-store.ts: scores, recusals, lines, names and comments.
 */
describe('SheetRows: a sheet kept in typed columns', () => {
  const roster = parseRoster(
    rows('id,name\nP1,阳光助老\nP2,青少年成长\nP3,社区花园\n').rows,
    'projects.csv',
  ).roster;
  const { sheet, issues } = validateSheet(
    {
      file: 'judge-a.csv',
      baseName: 'judge-a',
      ...rows(
        [
          'project,name,roadshow,qualification,service_plan,management,comment',
          'P3,社区花园,18,17.5,35,16,',
          '',
          'P1,阳光助老 (二期),回避,,,,家属任职',
          'P2,,19.5,20,40,0,很好',
        ].join('\n'),
      ),
    },
    HUANSHAN,
    roster,
  );

  it('gives back every row as read', () => {
    expect(issues).toEqual([]);
    const entries = sheet!.entries;
    expect([...entries.keys()]).toEqual(['P3', 'P1', 'P2']);
    expect(entries.size).toBe(3);
    const scores = (id: string) =>
      [...entries.get(id)!.scores].map(([c, v]) => `${c}=${v.toString()}`);
    expect(scores('P3')).toEqual([
      'roadshow=18',
      'qualification=17.5',
      'service_plan=35',
      'management=16',
    ]);
    expect(scores('P2')).toEqual([
      'roadshow=19.5',
      'qualification=20',
      'service_plan=40',
      'management=0',
    ]);
    // The recused row keeps no scores, its line (after the blank line 3) and its comment.
    expect(entries.get('P1')).toMatchObject({ line: 4, recused: true, comment: '家属任职' });
    expect(entries.get('P1')!.scores.size).toBe(0);
    expect(entries.get('P3')).toMatchObject({ line: 2, recused: false });
    expect(entries.get('P3')!.comment).toBeUndefined();
    expect(entries.has('P4')).toBe(false);
    expect(entries.get('P4')).toBeUndefined();
  });

  it("keeps a name as written, the roster's where equal, and none where blank", () => {
    const entries = sheet!.entries;
    expect(entries.get('P3')!.name).toBe('社区花园');
    expect(entries.get('P1')!.name).toBe('阳光助老 (二期)');
    expect('name' in entries.get('P2')!).toBe(false);
    expect([...entries.values()].map((e) => e.project)).toEqual(['P3', 'P1', 'P2']);
  });
});
