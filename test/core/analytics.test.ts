import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, type Flag } from '../../src/core/analytics.js';
import { computeResults } from '../../src/core/compute.js';
import { D, dec } from '../../src/core/decimal.js';
import { parseRubric, type Lang, type Rubric } from '../../src/core/rubric.js';
import type { JudgeSheet } from '../../src/core/sheet.js';
import { resultsJson } from '../../src/render/json.js';
import { flagSentence } from '../../src/render/panel-text.js';
import { tally } from '../../src/tally.js';
import { fixture, ROOT, tempDir } from '../helpers.js';

/** A rubric with one criterion "score" out of 100, so a judge's total is the score itself. */
function rubric(extra: string, threshold = 60): Rubric {
  const text = `title: T\nthreshold: ${threshold}\ncriteria:\n  - id: score\n    max: 100\n${extra}`;
  const r = parseRubric(text, 'rubric.yaml');
  expect(r.issues).toEqual([]);
  return r.rubric!;
}

/** Sheets from { judge: [total of project P1, P2, ...] }, "R" for a recusal. */
function sheets(data: Record<string, (number | 'R')[]>): JudgeSheet[] {
  return Object.entries(data).map(([judge, totals]) => ({
    judge,
    file: `${judge}.csv`,
    entries: new Map(
      totals.map((t, i) => {
        const project = `P${i + 1}`;
        return [
          project,
          t === 'R'
            ? { project, line: i + 2, recused: true, scores: new Map() }
            : { project, line: i + 2, recused: false, scores: new Map([['score', dec(t)]]) },
        ];
      }),
    ),
  }));
}

function run(r: Rubric, data: Record<string, (number | 'R')[]>) {
  const computed = computeResults(r, sheets(data), undefined);
  const analytics = analyze(r, computed);
  /** A flag of a project in words, as results.json (English) or the zh reports say it. */
  const said = (id: string, flag: Flag, lang: Lang = 'en') =>
    flagSentence(
      flag,
      computed.projects.find((p) => p.id === id)!,
      r,
      lang,
    );
  return { computed, analytics, said };
}

const flagsOf = (a: ReturnType<typeof analyze>, id: string) =>
  a.projects.find((p) => p.id === id)!.flags.map((f: Flag) => [f.type, f.judge ?? null]);

describe('fixtures/pivotal-judge: one judge decides one project', () => {
  async function outcome() {
    const o = await tally({ inputs: [fixture('pivotal-judge')], cwd: ROOT });
    expect(o.issues).toEqual([]);
    return o.results!;
  }

  it('flags Q3 as hinging on judge-1, and nothing else', async () => {
    const results = await outcome();
    const { analytics } = results;
    // Q3 totals 80, 55, 56, 57: mean 248/4 = 62.00 passes. Without judge-1: 168/3 = 56.00 fails;
    // without judge-2: 193/3 = 64.33, judge-3: 192/3 = 64.00, judge-4: 191/3 = 63.67, all pass.
    const q3 = analytics.projects.find((p) => p.id === 'Q3')!;
    expect(q3.leaveOneOut).toEqual([
      { judge: 'judge-1', final: 56, passed: false, rank: 5 },
      { judge: 'judge-2', final: 64.33, passed: true, rank: 4 },
      { judge: 'judge-3', final: 64, passed: true, rank: 4 },
      { judge: 'judge-4', final: 63.67, passed: true, rank: 4 },
    ]);
    // judge-1's 80 is 80 - 56.5 = 23.5 above the median (55+56+57+80 -> (56+57)/2 = 56.5) > 15.
    // The core emits values; src/text words them (results.json keeps the English sentence).
    expect(q3.flags).toEqual([
      { type: 'outlier', judge: 'judge-1', total: 80, deviation: 23.5, median: dec('56.5') },
      { type: 'pass-hinges-on-judge', judge: 'judge-1', final: 56, passed: false, rank: 5 },
    ]);
    const project = results.projects.find((p) => p.id === 'Q3')!;
    expect(q3.flags.map((f) => flagSentence(f, project, results.rubric, 'en'))).toEqual([
      "judge-1's total 80.00 is 23.50 points above the median 56.50 (limit 15)",
      "passes with 62.00; without judge-1's scores it would fail with 56.00",
    ]);
    expect(analytics.fragile).toEqual([
      { id: 'Q3', flags: [expect.objectContaining({ type: 'pass-hinges-on-judge' })] },
    ]);
    for (const p of analytics.projects) if (p.id !== 'Q3') expect(p.flags).toEqual([]);
  });

  it('profiles the judges (hand-computed)', async () => {
    const { analytics } = await outcome();
    // Totals        Q1  Q2  Q3  Q4  Q5  Q6
    //   judge-1     85  75  80  65  50  58   sum 413 / 6 = 68.8333
    //   judge-2     80  72  55  68  52  57   sum 384 / 6 = 64
    //   judge-3     82  70  56  66  48  59   sum 381 / 6 = 63.5
    //   judge-4     84  74  57  64   R  56   sum 335 / 5 = 67
    //   median      83  73 56.5 65.5 50 57.5
    // Leniency = mean of (total - median):
    //   judge-1: (2 + 2 + 23.5 - 0.5 + 0 + 0.5) / 6 = 27.5 / 6 = 4.5833
    //   judge-2: (-3 - 1 - 1.5 + 2.5 + 2 - 0.5) / 6 = -1.5 / 6 = -0.25
    //   judge-3: (-1 - 3 - 0.5 + 0.5 - 2 + 1.5) / 6 = -4.5 / 6 = -0.75
    //   judge-4: (1 + 1 + 0.5 - 1.5 - 1.5) / 5 = -0.5 / 5 = -0.1
    const byJudge = Object.fromEntries(analytics.judges.map((j) => [j.judge, j]));
    expect(byJudge['judge-1']).toMatchObject({ scored: 6, recused: 0, trimmed: 0 });
    expect(byJudge['judge-4']).toMatchObject({ scored: 5, recused: 1, mean: 67 });
    expect(byJudge['judge-1']!.mean).toBeCloseTo(413 / 6, 12);
    expect(byJudge['judge-2']!.mean).toBe(64);
    expect(byJudge['judge-1']!.leniency).toBeCloseTo(27.5 / 6, 12);
    expect(byJudge['judge-2']!.leniency).toBe(-0.25);
    expect(byJudge['judge-3']!.leniency).toBe(-0.75);
    expect(byJudge['judge-4']!.leniency).toBe(-0.1);
    // judge-2's SD: deviations from 64 are 16 8 -9 4 -12 -7; squares 256+64+81+16+144+49 = 610;
    // sqrt(610 / 5) = sqrt(122) = 11.0454.
    expect(byJudge['judge-2']!.sd).toBeCloseTo(Math.sqrt(122), 12);
  });

  it("measures the spread of Q3's totals and the panel's agreement", async () => {
    const { analytics } = await outcome();
    const q3 = analytics.projects.find((p) => p.id === 'Q3')!;
    // 55 56 57 80: range 25; mean 62, squares 4+49+36+25 = 434... deviations -7 -6 -5 18:
    // 49 + 36 + 25 + 324 = 434; SD sqrt(434/3) = 12.0277.
    expect(q3).toMatchObject({ median: 56.5, range: 25 });
    expect(q3.sd).toBeCloseTo(Math.sqrt(434 / 3), 12);
    // Agreement uses the 5 projects every judge scored (Q5 has a recusal). Ranks per judge over
    // Q1 Q2 Q3 Q4 Q6: judge-1 5 3 4 2 1, judge-2 5 4 1 3 2, judge-3 5 4 1 3 2, judge-4 5 4 2 3 1;
    // rank sums 20 15 8 11 6 (mean 12), S = 64+9+16+1+36 = 126; W = 12 x 126 / (16 x 120)
    // = 0.7875; chi2 = 4 x 4 x 0.7875 = 12.6.
    expect(analytics.agreement).toMatchObject({ n: 5, k: 4 });
    expect(analytics.agreement.kendallW).toBeCloseTo(0.7875, 12);
    expect(analytics.agreement.kendallChi2).toBeCloseTo(12.6, 12);
    expect(analytics.agreement.note).toBeUndefined();
  });

  it('writes judgeStats, agreement, spread and flags to results.json', async () => {
    const json = resultsJson(await outcome()) as Record<string, unknown> & {
      projects: { id: string; flags: unknown[]; spread: unknown; final: number }[];
    };
    expect(json.normalize).toBe('none');
    expect(json.normalization).toBeNull();
    expect(json.judgeStats).toContainEqual({
      judge: 'judge-1',
      scored: 6,
      recused: 0,
      mean: 68.8333,
      sd: 13.4969,
      leniency: 4.5833,
      trimmed: 0,
    });
    expect(json.agreement).toMatchObject({ kendallW: 0.7875, kendallChi2: 12.6, n: 5, k: 4 });
    expect(Object.keys(json.agreement as object)).toEqual([
      'icc',
      'iccCI',
      'kendallW',
      'kendallChi2',
      'kendallP',
      'n',
      'k',
    ]);
    const q3 = json.projects.find((p) => p.id === 'Q3')!;
    expect(q3.final).toBe(62);
    expect(q3.spread).toEqual({ median: 56.5, range: 25, sd: 12.0277 });
    expect(q3.flags).toEqual([
      {
        type: 'outlier',
        judge: 'judge-1',
        message: "judge-1's total 80.00 is 23.50 points above the median 56.50 (limit 15)",
      },
      {
        type: 'pass-hinges-on-judge',
        judge: 'judge-1',
        message: "passes with 62.00; without judge-1's scores it would fail with 56.00",
      },
    ]);
  });
});

describe('robustness checks', () => {
  it('flags a rank that moves more than 3 places without one judge', () => {
    // P1: 100, 60, 60 -> 73.33, rank 1. Without x: 60, behind P2 70, P3 69, P4 68, P5 67: rank 5,
    // a move of 4 places. x's 100 is also 40 above the median 60.
    const { analytics, said } = run(rubric('', 50), {
      x: [100, 70, 69, 68, 67, 50],
      y: [60, 70, 69, 68, 67, 50],
      z: [60, 70, 69, 68, 67, 50],
    });
    expect(flagsOf(analytics, 'P1')).toEqual([
      ['outlier', 'x'],
      ['rank-hinges-on-judge', 'x'],
    ]);
    const flag = analytics.projects[0]!.flags[1]!;
    expect(said('P1', flag)).toBe("ranked 1; without x's scores it would rank 5 (final 60.00)");
    expect(said('P1', flag, 'zh')).toBe('现排第1名；若不计x的评分，将排第5名（最终得分60.00分）');
    const outlier = analytics.projects[0]!.flags[0]!;
    expect(said('P1', outlier)).toBe(
      "x's total 100.00 is 40.00 points above the median 60.00 (limit 15)",
    );
    expect(said('P1', outlier, 'zh')).toBe(
      'x给的总分100.00分，比各评委总分的中位数60.00分高40.00分（相差超过15分即提示）',
    );
  });

  it('checks the trimmed mean with the trim moved by one judge', () => {
    // P1 totals j1 61, j2 60, j3 59, j4 75, j5 40; sorted 40 59 60 61 75; trim 1 keeps 59 60 61:
    // 60.00, passes. Trim moved at the bottom (j5's 40 kept, j3's 59 trimmed instead):
    // (40 + 60 + 61) / 3 = 53.67, fails -> flagged, naming j5. At the top (j4's 75 kept, j1's 61
    // trimmed instead): (59 + 60 + 75) / 3 = 64.67, still passes -> not flagged.
    // Leave-one-out (4 left, middle two kept): without j1 (59+60)/2 = 59.5 fails; without j4
    // 59.5 fails; without j2 (59+61)/2 = 60, j3 (60+61)/2, j5 (60+61)/2 pass. j5's 40 is 20
    // below the median 60: an outlier too.
    const { analytics, said } = run(rubric('aggregate: trimmed-mean\ntrim: 1'), {
      j1: [61, 70],
      j2: [60, 70],
      j3: [59, 70],
      j4: [75, 70],
      j5: [40, 70],
    });
    expect(flagsOf(analytics, 'P1')).toEqual([
      ['outlier', 'j5'],
      ['pass-hinges-on-judge', 'j1'],
      ['pass-hinges-on-judge', 'j4'],
      ['pass-hinges-on-trim', 'j5'],
    ]);
    const trimFlag = analytics.projects.find((p) => p.id === 'P1')!.flags[3]!;
    expect(trimFlag).toMatchObject({ instead: 'j3', final: 53.67, passed: false });
    expect(said('P1', trimFlag)).toBe(
      "passes with 60.00; had j3's total 59.00 been trimmed instead of j5's 40.00, it would fail with 53.67",
    );
    // In Chinese, what happens: j5's 40 is the lowest total dropped; dropping j3's 59 instead
    // gives 53.67, a fail.
    expect(said('P1', trimFlag, 'zh')).toBe(
      '最终得分60.00分，通过；去掉的最低分是j5的总分40.00分；若改为去掉j3的总分59.00分，最终得分将是53.67分，结果变为未通过',
    );
    expect(flagsOf(analytics, 'P2')).toEqual([]);
  });

  it('falls back to the plain mean in leave-one-out as compute does, and flags a fallback', () => {
    // Trim 1 with 3 judges: without one, 2 remain, too few to trim: their plain mean.
    // P1: 50, 62, 70 -> trimmed 62.00 passes; without b: (50 + 70)/2 = 60.00 passes; without c:
    // (50 + 62)/2 = 56.00 fails; without a: 66 passes. Trim moved at the bottom: a's 50 kept and
    // b's 62 trimmed instead leaves 50 alone: fails, so that is flagged too (at the top, c's 70
    // alone passes). P2: c recused -> only 2 judges, too few to trim: fallback.
    const { analytics, said } = run(rubric('aggregate: trimmed-mean\ntrim: 1'), {
      a: [50, 70],
      b: [62, 72],
      c: [70, 'R'],
    });
    const p1 = analytics.projects.find((p) => p.id === 'P1')!;
    expect(p1.leaveOneOut.map((x) => x.final)).toEqual([66, 60, 56]);
    expect(flagsOf(analytics, 'P1')).toEqual([
      ['pass-hinges-on-judge', 'c'],
      ['pass-hinges-on-trim', 'a'],
    ]);
    expect(flagsOf(analytics, 'P2')).toEqual([['trim-fallback', null]]);
    const fallback = analytics.projects.find((p) => p.id === 'P2')!.flags[0]!;
    expect(said('P2', fallback)).toBe(
      'only 2 judges scored it, too few to drop 1 highest and lowest; its final is the plain mean',
    );
    expect(said('P2', fallback, 'zh')).toBe(
      '只有2位评委评分，不够去掉1个最高分和1个最低分，最终得分按全部评分的平均分计算',
    );
    expect(analytics.judges.map((j) => j.trimmed)).toEqual([1, 0, 1]);
  });

  it('looks for outliers beyond 15 points, among 3 judges or more', () => {
    // P1: 60, 75, 45 -> median 60, deviations 15 and -15: at the limit, not beyond it.
    // P2: 60, 75.5, 60 -> 15.5 above the median 60: flagged.  P3: only two judges (c recused).
    // (Threshold 0 so that no pass/fail flag gets in the way.)
    const { analytics } = run(rubric('', 0), {
      a: [60, 60, 40],
      b: [75, 75.5, 90],
      c: [45, 60, 'R'],
    });
    expect(flagsOf(analytics, 'P1')).toEqual([]);
    expect(flagsOf(analytics, 'P2')).toEqual([['outlier', 'b']]);
    expect(flagsOf(analytics, 'P3').filter(([t]) => t === 'outlier')).toEqual([]);
    expect(analytics.projects.find((p) => p.id === 'P3')).toMatchObject({ range: 50, median: 65 });
  });

  it('reports agreement as null with a note when too few projects are complete', () => {
    const { analytics } = run(rubric(''), { a: [60, 70, 'R'], b: [65, 'R', 80] });
    expect(analytics.agreement.icc.ICC1).toBeNull();
    expect(analytics.agreement.note).toMatch(/at least 3 projects.*there is 1/);
  });
});

describe('normalize: zscore', () => {
  // Judge a: 60 70 80 (mean 70, SD 10); judge b: 70 75 80 (mean 75, SD 5).
  // Pooled: 60 70 80 70 75 80, mean 435/6 = 72.5; deviations -12.5 -2.5 7.5 -2.5 2.5 7.5,
  // squares 156.25 + 6.25 + 56.25 + 6.25 + 6.25 + 56.25 = 287.5; panel SD sqrt(287.5/5) = sqrt(57.5).
  // a's 60: z = (60 - 70)/10 = -1 -> 72.5 - sqrt(57.5) = 64.917125...; b's 70: z = (70-75)/5 = -1,
  // the same. So P1 = 64.92, P2 = 72.50 (both z = 0), P3 = 72.5 + sqrt(57.5) = 80.08.
  const data = { a: [60, 70, 80], b: [70, 75, 80] };

  it('rescales each judge to the panel mean and SD, in exact decimals', () => {
    const { computed, analytics } = run(rubric('normalize: zscore'), data);
    const p1 = computed.projects.find((p) => p.id === 'P1')!;
    const a = p1.scores.get('a')!;
    if (a.recused) throw new Error('unexpected');
    const root = new D('57.5').sqrt();
    expect(a.total.toString()).toBe('60');
    expect(a.normalizedTotal!.equals(new D('72.5').minus(root))).toBe(true);
    expect(computed.projects.map((p) => [p.id, p.final.toFixed(2)])).toEqual([
      ['P3', '80.08'],
      ['P2', '72.50'],
      ['P1', '64.92'],
    ]);
    expect(analytics.normalization!.panelMean).toBe(72.5);
    expect(analytics.normalization!.panelSd).toBeCloseTo(Math.sqrt(57.5), 12);
    // Profiles and agreement describe the raw totals the judges wrote.
    expect(analytics.judges.map((j) => j.mean)).toEqual([70, 75]);
  });

  it('leaves the finals alone by default', () => {
    const { computed } = run(rubric(''), data);
    expect(computed.projects.map((p) => p.final.toFixed(2))).toEqual(['80.00', '72.50', '65.00']);
    const s = computed.projects[0]!.scores.get('a')!;
    expect(!s.recused && s.normalizedTotal).toBe(undefined);
  });

  it('keeps the raw totals of a judge without spread, with a warning', () => {
    const { computed } = run(rubric('normalize: zscore'), { a: [60, 70, 80], b: [70, 70, 70] });
    expect(computed.issues).toEqual([
      expect.objectContaining({
        code: 'normalize-skipped',
        severity: 'warning',
        file: 'b.csv',
        message: expect.stringMatching(/judge b gave every project the same total/),
      }),
    ]);
    const b = computed.projects[0]!.scores.get('b')!;
    expect(!b.recused && b.normalizedTotal!.toString()).toBe('70');
  });

  it('is a rubric key, and results.json keeps both totals', async () => {
    expect(
      parseRubric(
        'title: T\nthreshold: 60\nnormalize: minmax\ncriteria: [{id: a, max: 10}]',
        'r.yaml',
      ).issues,
    ).toEqual([expect.objectContaining({ message: 'normalize: must be none, zscore or offset' })]);
    // The pivotal-judge review with `normalize: zscore` added to its rubric (--rubric wins).
    const dir = tempDir();
    const rubricPath = path.join(dir, 'rubric.yaml');
    const text = readFileSync(fixture('pivotal-judge', 'rubric.yaml'), 'utf8');
    writeFileSync(rubricPath, `${text}normalize: zscore\n`);
    const o = await tally({
      inputs: [fixture('pivotal-judge', 'scores')],
      rubric: rubricPath,
      roster: fixture('pivotal-judge', 'projects.csv'),
      cwd: ROOT,
    });
    expect(o.issues).toEqual([]);
    const json = resultsJson(o.results!) as {
      normalize: string;
      normalization: { panelMean: number; panelSd: number };
      projects: {
        id: string;
        final: number;
        scores: Record<string, { total?: number; normalizedTotal?: number }>;
      }[];
    };
    expect(json.normalize).toBe('zscore');
    // Panel: 23 totals summing to 413 + 384 + 381 + 335 = 1513; mean 1513/23 = 65.7826.
    expect(json.normalization.panelMean).toBe(65.7826);
    const q1 = json.projects.find((p) => p.id === 'Q1')!;
    expect(q1.scores['judge-1']!.total).toBe(85);
    expect(q1.scores['judge-1']!.normalizedTotal).toEqual(expect.any(Number));
    expect(q1.scores['judge-1']!.normalizedTotal).not.toBe(85);
    // t' = panelMean + (t - mean_j) / sd_j * panelSD, with judge-1's mean and SD as profiled.
    const j1 = o.results!.analytics.judges[0]!;
    const { panelMean, panelSd } = o.results!.analytics.normalization!;
    const q3 = json.projects.find((p) => p.id === 'Q3')!;
    expect(q3.scores['judge-1']!.normalizedTotal).toBeCloseTo(
      panelMean + ((80 - j1.mean!) / j1.sd!) * panelSd,
      4,
    );
    // judge-1 is the most lenient judge: rescaled, their 80 counts for less and Q3's final drops.
    expect(q3.scores['judge-1']!.normalizedTotal).toBeLessThan(80);
    expect(q3.final).toBeLessThan(62);
  });
});
