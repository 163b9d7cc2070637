import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/render/json.js';
import { renderPanel } from '../../src/render/panel.js';
import type { Results } from '../../src/tally.js';
import { expected } from '../expected/huanshan-2022.js';
import { createdAt, load, pdfPages, squeeze } from '../pdf-helpers.js';

/**
 * Leniency recomputed from the hand-worked totals of test/expected (independently of pcv): for
 * each project the median of the judges' totals, then each judge's mean of (total - median),
 * half-up to 2 places with a sign. Totals are whole halves, so everything is counted in quarters
 * (a median of four halves can end in .25) and stays in integers.
 */
function handLeniency(judge: string): string {
  let sum = 0; // in quarters
  let n = 0;
  for (const e of expected) {
    const own = e.totals[judge];
    if (own === undefined || own === 'recused') continue;
    const q = Object.values(e.totals)
      .filter((t): t is number => t !== 'recused')
      .map((t) => t * 4)
      .sort((a, b) => a - b);
    const mid = Math.floor(q.length / 2);
    const median = q.length % 2 === 1 ? q[mid]! : (q[mid - 1]! + q[mid]!) / 2;
    sum += own * 4 - median;
    n++;
  }
  // |sum| / (4n) in hundredths, half-up (away from zero, as decimal.js ROUND_HALF_UP does).
  const cents = Math.floor((Math.abs(sum) * 100 * 2 + 4 * n) / (8 * n));
  const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  return cents === 0 ? text : `${sum > 0 ? '+' : '-'}${text}`;
}

describe('panel.pdf (huanshan-2022, zh)', () => {
  let results: Results;
  let bytes: Buffer;
  let pages: string[];
  beforeAll(async () => {
    results = await load('huanshan-2022');
    bytes = await renderPanel(results, { createdAt });
    pages = await pdfPages(bytes);
  });

  it('is a PDF: leniency, profiles and agreement on page 1, all 21 projects on page 2', () => {
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pages).toHaveLength(2);
    const [first, second] = pages.map(squeeze);
    expect(first).toContain('环山街道2022年公益创投项目评审·评委评分分析');
    expect(first).toContain('内部报告');
    for (const heading of ['评委宽严', '评委评分概况', '评委打分的一致程度']) {
      expect(first).toContain(heading);
    }
    expect(second).toContain('各项目评委总分与通过分数线');
    for (const e of expected) expect(second).toContain(e.id);
  });

  it('draws each judge with the leniency worked out by hand, most lenient first', () => {
    const judges = ['judge-a', 'judge-b', 'judge-c', 'judge-d', 'judge-e'];
    const lenient = Object.fromEntries(judges.map((j) => [j, handLeniency(j)]));
    // judge-b scores highest and judge-c lowest (judge-c recused from P09: 20 projects).
    expect(lenient).toEqual({
      'judge-a': '-0.94',
      'judge-b': '+6.54',
      'judge-c': '-5.90',
      'judge-d': '+2.18',
      'judge-e': '-0.46',
    });
    // The bars, from the most lenient down, each followed by its value.
    const chart = ['judge-b', 'judge-d', 'judge-e', 'judge-a', 'judge-c']
      .map((j) => `${j}${lenient[j]}`)
      .join('');
    expect(squeeze(pages[0]!)).toContain(chart);
  });

  it('profiles the judges in a table', () => {
    const first = squeeze(pages[0]!);
    expect(first).toContain('评委评分项目数回避平均总分标准差宽严度被去掉次数');
    // judge-c: 20 projects, 1 recusal; the mean of its 20 totals is 67.975 (see
    // test/xlsx.test.ts), 67.98 half-up; its sample SD recomputed from the hand-worked totals.
    const totals = expected.flatMap((e) => {
      const t = e.totals['judge-c'];
      return typeof t === 'number' ? [t] : [];
    });
    const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
    const sd = Math.sqrt(totals.reduce((a, t) => a + (t - mean) ** 2, 0) / (totals.length - 1));
    expect(first).toContain(`judge-c20167.98${sd.toFixed(2)}${handLeniency('judge-c')}`);
  });

  it('lists the agreement statistics with a sentence each', () => {
    const first = squeeze(pages[0]!);
    for (const label of ['ICC1', 'ICC2', 'ICC3', 'ICC1k', 'ICC2k', 'ICC3k', "Kendall'sW"]) {
      expect(first).toContain(label);
    }
    expect(first).toContain('95%置信区间/检验');
    expect(first).toContain(squeeze('按全部5位评委都评了分的20个项目计算'));
    expect(first).toContain('单个评委评分的可靠程度');
    expect(first).toContain('评委对项目排序的一致程度');
    expect(first).toMatch(/χ²=\d+\.\d\d,df=19/);
    expect(first).toContain('参考：ICC低于0.5为差');
  });

  it('states the flags in Chinese under the projects, naming the judge', () => {
    const second = squeeze(pages[1]!);
    // P19: totals a 59.5, b 64.5, c 53.5, d 66, e 58. Without judge-b: 53.5 59.5 58 66, the
    // middle two (58 + 59.5) / 2 = 58.75 < 60, so the pass hinges on judge-b (and likewise d).
    expect(second).toContain(
      squeeze(
        '能否通过取决于一位评委：最终得分60.67分，通过；若不计judge-b的评分，最终得分将是58.75分，结果变为未通过',
      ),
    );
    expect(second).toContain(squeeze('若不计judge-d的评分，最终得分将是58.75分，结果变为未通过'));
    // P19's final 60.67 is 0.67 above the pass mark: a close call, marked as such.
    expect(second).toContain('60.67通过+0.67');
    expect(second).toContain(squeeze('接近分数线：最终得分与分数线相差不超过3分'));
  });

  it('numbers every page and prints the fingerprint on it', () => {
    const prefix = fingerprint(results).slice(0, 16);
    pages.forEach((page, i) => {
      expect(squeeze(page)).toContain(`第${i + 1}页/共${pages.length}页`);
      expect(page).toContain(prefix);
    });
  });

  it('is byte-for-byte the same when rendered again, and changes with the date', async () => {
    const again = await renderPanel(results, { createdAt });
    expect(again.equals(bytes)).toBe(true);
    const later = await renderPanel(results, { createdAt: new Date('2023-01-01T00:00:00Z') });
    expect(later.equals(bytes)).toBe(false);
  });
});

describe('panel.pdf (pivotal-judge, en)', () => {
  let results: Results;
  let pages: string[];
  let text: string;
  beforeAll(async () => {
    results = await load('pivotal-judge');
    pages = await pdfPages(await renderPanel(results, { createdAt }));
    text = squeeze(pages.join('\n'));
  });

  it('names every judge with the leniency computed by hand in test/analytics.test.ts', () => {
    // judge-1 27.5 / 6 = 4.5833 -> +4.58; judge-2 -1.5 / 6 = -0.25; judge-3 -4.5 / 6 = -0.75;
    // judge-4 -0.5 / 5 = -0.10. Most lenient first.
    expect(text).toContain('judge-1+4.58judge-4-0.10judge-2-0.25judge-3-0.75');
    expect(text).toContain('JudgeleniencyLeniencyisajudge');
    expect(text).toContain("Judges'profiles");
  });

  it('lists the agreement statistics and their meaning', () => {
    for (const label of ['ICC1', 'ICC2', 'ICC3', 'ICC1k', 'ICC2k', 'ICC3k', "Kendall'sW"]) {
      expect(text).toContain(label);
    }
    expect(text).toContain(squeeze('Over the 5 projects that all 4 judges scored'));
    // W = 0.7875 over 5 projects (test/analytics.test.ts): chi2 = 4 x 4 x 0.7875 = 12.6 on 4 df;
    // with 4 df the chi-square tail is exp(-x/2)(1 + x/2) = exp(-6.3) x 7.3 = 0.0134 -> 0.013.
    expect(text).toContain('χ²=12.60,df=4p=0.013');
    expect(text).toContain(squeeze('How alike the judges order the projects'));
    expect(text).toContain(squeeze('Rule of thumb for an ICC'));
  });

  it("writes Q3's flags under it, naming judge-1", () => {
    const q3 = text.slice(text.indexOf('Q3CanalPathCleanup'));
    expect(q3).toContain(
      squeeze(
        "Pass/fail hinges on one judge: passes with 62.00; without judge-1's scores it would fail with 56.00",
      ),
    );
    expect(q3).toContain(
      squeeze("Outlier total: judge-1's total 80.00 is 23.50 points above the median 56.50"),
    );
    // 62.00 is 2 above the pass mark 60 and Q6's 57.50 is 2.50 below: both close calls.
    expect(text).toContain('62.00Passed+2.00');
    expect(text).toContain('57.50Notpassed-2.50');
    expect(text).toContain('Page1of2');
  });

  it('is byte-for-byte the same when rendered again', async () => {
    const a = await renderPanel(results, { createdAt });
    const b = await renderPanel(results, { createdAt });
    expect(a.equals(b)).toBe(true);
  });
});

describe('panel.pdf with many projects', () => {
  it('breaks the chart across pages, repeating the scale at the top of each', async () => {
    const base = await load('huanshan-2022');
    const n = 90;
    const projects = Array.from({ length: n }, (_, i) => ({
      ...base.projects[i % base.projects.length]!,
      id: `M${String(i + 1).padStart(3, '0')}`,
      rank: i + 1,
    }));
    const analytics = {
      ...base.analytics,
      projects: projects.map((p, i) => ({
        ...base.analytics.projects[i % base.projects.length]!,
        id: p.id,
      })),
    };
    const pages = await pdfPages(
      await renderPanel({ ...base, projects, analytics }, { createdAt }),
    );
    const chartPages = pages.filter((p) => /M\d{3}/.test(p));
    expect(chartPages.length).toBeGreaterThan(2);
    for (const page of chartPages) {
      const s = squeeze(page);
      expect(s).toContain('项目');
      expect(s).toContain('最终得分');
      expect(s).toContain('通过分数线60');
    }
    const all = squeeze(pages.join('\n'));
    for (const p of projects) expect(all.split(p.id).length - 1).toBe(1);
  });
});

describe('panel.pdf with tracks (huanshan-2022-funding, zh)', () => {
  let text: string;
  beforeAll(async () => {
    const results = await load('huanshan-2022-funding');
    text = (await pdfPages(await renderPanel(results, { createdAt }))).map(squeeze).join('');
  });

  it("measures close calls and hinges against the project's track", () => {
    // P19 (track community, threshold 65) fails with 60.67: 4.33 below its pass mark, not the
    // close call 0.67 above the review's 60 that huanshan-2022 marks. No other final is within
    // 3 of its track's mark (community 65: P20 68.83 is 3.83 above; social 60: P12 67.17).
    expect(text).toContain('60.67未通过');
    expect(text).not.toContain('+0.67');
    expect(text).not.toContain(squeeze('接近分数线：最终得分与分数线相差不超过3分'));
    // P08 (social, track rank 12 at the quota of 12): without judge-a, (68 + 71.5)/2 = 69.75
    // and P05 rises to 71.50, so P08 is 13th in its track (worked in test/core/track-whatifs).
    expect(text).toContain(
      squeeze(
        '最终得分71.33分，通过；若不计judge-a的评分，最终得分将是69.75分，结果变为未通过（社会组织项目的通过分数线为60分，名额12个，届时组内排第13名）',
      ),
    );
  });
});
