import { describe, expect, it } from 'vitest';
import { analyze, type Flag, type FlagType } from '../../src/core/analytics.js';
import { computeResults } from '../../src/core/compute.js';
import { dec } from '../../src/core/decimal.js';
import type { Roster } from '../../src/core/roster.js';
import { parseRubric, type Lang, type Rubric } from '../../src/core/rubric.js';
import type { JudgeSheet } from '../../src/core/sheet.js';
import { applyTracks } from '../../src/core/track-results.js';
import { flagSentence } from '../../src/render/panel-text.js';
import { fixture, pcv } from '../helpers.js';

/** A rubric with one criterion "score" out of 100, so a judge's total is the score itself. */
function rubric(extra: string): Rubric {
  const text = `title: T\nthreshold: 60\ncriteria:\n  - id: score\n    max: 100\n${extra}`;
  const r = parseRubric(text, 'rubric.yaml');
  expect(r.issues).toEqual([]);
  return r.rubric!;
}

/** Sheets from { judge: [total of P1, P2, ...] }. */
function sheets(data: Record<string, number[]>): JudgeSheet[] {
  return Object.entries(data).map(([judge, totals]) => ({
    judge,
    file: `${judge}.csv`,
    entries: new Map(
      totals.map((t, i) => [
        `P${i + 1}`,
        {
          project: `P${i + 1}`,
          line: i + 2,
          recused: false as const,
          scores: new Map([['score', dec(t)]]),
        },
      ]),
    ),
  }));
}

/** As tally() does it: finals, then the tracks' passes, then the analytics on those passes. */
function run(r: Rubric, data: Record<string, number[]>, categories: string[]) {
  const roster: Roster = {
    file: 'projects.csv',
    projects: new Map(
      categories.map((category, i) => [`P${i + 1}`, { id: `P${i + 1}`, line: i + 2, category }]),
    ),
  };
  const computed = computeResults(r, sheets(data), roster);
  const tracked = applyTracks(r, computed.projects, roster, 'rubric.yaml');
  const analytics = analyze(r, { ...computed, projects: tracked.projects });
  /** A project's flag of one type in words: English, as results.json says it, or Chinese. */
  const said = (id: string, type: FlagType, lang: Lang = 'en') => {
    const flag = analytics.projects.find((p) => p.id === id)!.flags.find((f) => f.type === type)!;
    return flagSentence(
      flag,
      tracked.projects.find((p) => p.id === id)!,
      r,
      lang,
    );
  };
  return Object.assign(analytics, { said });
}

/** The pass and rank hinges of a project: [type, judge, instead]. */
const hinges = (a: ReturnType<typeof analyze>, id: string) =>
  a.projects
    .find((p) => p.id === id)!
    .flags.filter((f: Flag) => f.type.includes('hinges'))
    .map((f: Flag) => [f.type, f.judge ?? null, f.instead ?? null]);

describe('robustness flags re-decide by the track rule', () => {
  it("a judge left out moves a project across its track's threshold, not the review's", () => {
    const r = rubric(
      'tracks:\n  - id: a\n    categories: [A]\n    threshold: 70\n  - id: b\n    categories: [B]\n',
    );
    // Mean of three judges; track a passes at 70, track b at the review's 60.
    //   P1 (a): 90, 60, 63 -> 213/3 = 71.00 passes 70. Without j1: 123/2 = 61.50, below 70 (but
    //           above 60: the review-wide rule saw no change). Without j2: 76.50, j3: 75.00.
    //   P2 (b): 65, 62, 64 -> 63.67; without any one judge at least 63.00: always passes 60.
    //   P3 (a): 75, 60, 66 -> 67.00 fails 70. Without j2: 141/2 = 70.50 passes; without j1:
    //           63.00 and without j3: 67.50 still fail (the review-wide rule flagged all three).
    const a = run(r, { j1: [90, 65, 75], j2: [60, 62, 60], j3: [63, 64, 66] }, ['A', 'B', 'A']);
    expect(hinges(a, 'P1')).toEqual([['pass-hinges-on-judge', 'j1', null]]);
    expect(hinges(a, 'P2')).toEqual([]);
    expect(hinges(a, 'P3')).toEqual([['pass-hinges-on-judge', 'j2', null]]);
    const p1 = a.projects.find((p) => p.id === 'P1')!;
    expect(a.said('P1', 'pass-hinges-on-judge')).toBe(
      "passes with 71.00; without j1's scores it would fail with 61.50 (track a: threshold 70)",
    );
    expect(p1.leaveOneOut.map((x) => x.passed)).toEqual([false, true, true]);
  });

  it('a judge left out moves a project across the quota line', () => {
    const r = rubric(
      'tracks:\n  - id: q\n    categories: [Q]\n    quota: 2\n  - id: r\n    categories: [R]\n',
    );
    // Mean of three judges. Track q (quota 2): P1 80.00 (track rank 1), P2 (70+70+85)/3 = 75.00
    // (2, passes), P3 74.00 (3, cut by the quota). Track r: P4 65.00.
    // Without j3: P2 = 70.00 falls behind P3 (74.00): P2 track rank 3 fails by the quota, P3
    // rank 2 passes. Without j1 or j2: P2 = 77.50 stays at 2 and P3 at 3. Every final stays
    // above 60, so the review-wide rule saw no change for P2 and a pass for P3 every time.
    const a = run(r, { j1: [80, 70, 74, 65], j2: [80, 70, 74, 65], j3: [80, 85, 74, 65] }, [
      'Q',
      'Q',
      'Q',
      'R',
    ]);
    expect(hinges(a, 'P1')).toEqual([]);
    expect(hinges(a, 'P2')).toEqual([['pass-hinges-on-judge', 'j3', null]]);
    expect(hinges(a, 'P3')).toEqual([['pass-hinges-on-judge', 'j3', null]]);
    expect(hinges(a, 'P4')).toEqual([]);
    expect(a.said('P2', 'pass-hinges-on-judge')).toBe(
      "passes with 75.00; without j3's scores it would fail with 70.00 (track q: threshold 60, rank 3 against the quota of 2)",
    );
  });

  // Trimmed mean of four judges (trim 1), one track with quota 1.
  //   P1: 70, 70, 70, 70 -> 70.00, track rank 1, passes. No trim shift (equal totals).
  //   P2: 62, 66, 72, 74 -> (66 + 72)/2 = 69.00, track rank 2, cut by the quota.
  // Trim shifts of P2: at the top, j4's 74 kept and j3's 72 trimmed: (66 + 74)/2 = 70.00, tied
  // with P1 on track rank 1 across the quota of 1; at the bottom, (62 + 72)/2 = 67.00, rank 2.
  // Leave-one-out of P2: without j1 (62) or j2 (66) the trimmed mean of three keeps 72 alone:
  // 72.00 passes P1, which then falls to track rank 2 and fails; without j3 or j4: 66.00.
  const data = { j1: [70, 62], j2: [70, 66], j3: [70, 72], j4: [70, 74] };
  const quota = (ties: string) =>
    rubric(
      `aggregate: trimmed-mean\ntrim: 1\ntracks:\n  - id: q\n    categories: [Q]\n    quota: 1\n  - id: r\n    categories: [R]\nquotaTies: ${ties}\n`,
    );

  it('a trim shift into a tie across the quota passes under quotaTies: include', () => {
    const a = run(quota('include'), data, ['Q', 'Q']);
    expect(hinges(a, 'P1')).toEqual([
      ['pass-hinges-on-judge', 'j1', null],
      ['pass-hinges-on-judge', 'j2', null],
    ]);
    expect(hinges(a, 'P2')).toEqual([
      ['pass-hinges-on-judge', 'j1', null],
      ['pass-hinges-on-judge', 'j2', null],
      ['pass-hinges-on-trim', 'j4', 'j3'],
    ]);
  });

  it('and does not under quotaTies: exclude', () => {
    const a = run(quota('exclude'), data, ['Q', 'Q']);
    expect(hinges(a, 'P2')).toEqual([
      ['pass-hinges-on-judge', 'j1', null],
      ['pass-hinges-on-judge', 'j2', null],
    ]);
  });

  // The other way: a trim shift moves P1 down into a tie across the quota of 1, behind P3 of the
  // other track (so its overall rank falls while its track rank does not).
  //   P1 (q): 62, 66, 74, 80 -> (66 + 74)/2 = 70.00, rank 1, track rank 1, passes.
  //   P3 (r): 69 from every judge -> 69.00, rank 2; always passes 60 alone in its track.
  //   P2 (q): 68 from every judge -> 68.00, rank 3, track rank 2, cut by the quota.
  // P1's shifts: at the bottom, j1's 62 kept and j2's 66 trimmed: (62 + 74)/2 = 68.00, rank 2
  // behind P3 and tied with P2 on track rank 1; at the top, (66 + 80)/2 = 73.00, still first.
  // Leave-one-out: without j1 or j2, 74.00 (passes); without j3 or j4, 66.00: behind P2, so P1
  // fails and P2 passes.
  const down = { j1: [62, 68, 69], j2: [66, 68, 69], j3: [74, 68, 69], j4: [80, 68, 69] };

  it('a trim shift down into a tie across the quota fails under exclude, passes under include', () => {
    const excluded = run(quota('exclude'), down, ['Q', 'Q', 'R']);
    expect(hinges(excluded, 'P1')).toEqual([
      ['pass-hinges-on-judge', 'j3', null],
      ['pass-hinges-on-judge', 'j4', null],
      ['pass-hinges-on-trim', 'j1', 'j2'],
    ]);
    expect(hinges(excluded, 'P2')).toEqual([
      ['pass-hinges-on-judge', 'j3', null],
      ['pass-hinges-on-judge', 'j4', null],
    ]);
    expect(hinges(excluded, 'P3')).toEqual([]);
    expect(hinges(run(quota('include'), down, ['Q', 'Q', 'R']), 'P1')).toEqual([
      ['pass-hinges-on-judge', 'j3', null],
      ['pass-hinges-on-judge', 'j4', null],
    ]);
  });

  it('with a quota, a rank move is measured and told in track ranks', () => {
    const r = rubric('tracks:\n  - id: q\n    categories: [Q]\n    quota: 3\n');
    // Mean of three judges. P1: 100, 50, 50 -> 66.67, track rank 1; P2..P6: 65, 64, 63, 62, 61
    // from every judge. Without j1, P1 = 50.00 falls to track rank 6: a move of 5 > 3 (the limit
    // for a 6-project track), and below the quota of 3. Without j2 or j3: 75.00, still first.
    // P2..P6 move up one place without j1: within the limit, but it lifts P4 (63.00) from track
    // rank 4 to 3, inside the quota: P4's pass hinges on j1 too.
    const a = run(
      r,
      { j1: [100, 65, 64, 63, 62, 61], j2: [50, 65, 64, 63, 62, 61], j3: [50, 65, 64, 63, 62, 61] },
      ['Q', 'Q', 'Q', 'Q', 'Q', 'Q'],
    );
    expect(hinges(a, 'P1')).toEqual([
      ['pass-hinges-on-judge', 'j1', null],
      ['rank-hinges-on-judge', 'j1', null],
    ]);
    expect(a.said('P1', 'rank-hinges-on-judge')).toBe(
      "ranked 1 in track q; without j1's scores it would rank 6 (final 50.00)",
    );
    // A track without a label is named by its id, in Chinese too.
    expect(a.said('P1', 'rank-hinges-on-judge', 'zh')).toBe(
      '现q组内排第1名；若不计j1的评分，将排组内第6名（最终得分50.00分）',
    );
    expect(hinges(a, 'P4')).toEqual([['pass-hinges-on-judge', 'j1', null]]);
    for (const id of ['P2', 'P3', 'P5', 'P6']) expect(hinges(a, id)).toEqual([]);
  });
});

describe('the QA report on fixtures/huanshan-2022-funding', () => {
  interface JsonFlag {
    type: string;
    judge?: string;
    message: string;
  }
  async function flagsOf(id: string): Promise<JsonFlag[]> {
    const r = await pcv(['tally', fixture('huanshan-2022-funding'), '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { projects: { id: string; flags: JsonFlag[] }[] };
    return json.projects.find((p) => p.id === id)!.flags;
  }

  it('P19 (60.67, track threshold 65) fails whichever judge is left out: no pass flag', async () => {
    // P19's totals: a 59.5, b 64.5, c 53.5, d 66, e 58; the trimmed mean of four keeps the middle
    // two. Without a: (58 + 64.5)/2 = 61.25; b: (58 + 59.5)/2 = 58.75; c: (59.5 + 64.5)/2 =
    // 62.00; d: 58.75; e: 62.00. Trim shifts: (58 + 59.5 + 66)/3 = 61.17, (53.5 + 59.5 +
    // 64.5)/3 = 59.17. All below 65.
    const flags = await flagsOf('P19');
    expect(flags.filter((f) => f.type.startsWith('pass-hinges'))).toEqual([]);
  });

  it('P08 (track rank 12 at the quota of 12) is cut by the quota without judge-a', async () => {
    // P08's totals: a 74.5, b 84.5, c 68, d 68, e 71.5; without a: (68 + 71.5)/2 = 69.75.
    // The eleven social projects ahead of it stay ahead without judge-a (lowest: P07, 67.5 68
    // 77.5 82.5 -> 72.75), and P05 (69.5, 74.5, 60.5, 76, 68.5) rises to (68.5 + 74.5)/2 =
    // 71.50 > 69.75: P08's track rank becomes 13, over the quota of 12.
    const flags = await flagsOf('P08');
    expect(flags.filter((f) => f.type.startsWith('pass-hinges'))).toEqual([
      {
        type: 'pass-hinges-on-judge',
        judge: 'judge-a',
        message:
          "passes with 71.33; without judge-a's scores it would fail with 69.75 (track social: threshold 60, rank 13 against the quota of 12)",
      },
    ]);
  });
});
