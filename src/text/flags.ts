import { unitsToFixed } from '../core/arithmetic/integer.js';
import { OUTLIER_LIMIT } from '../core/arithmetic/rules.js';
import type { Flag, FlagType } from '../core/analytics.js';
import type { ProjectResult } from '../core/compute.js';
import { roundHalfUp, type Dec } from '../core/decimal.js';
import type { Lang, Normalize } from '../core/rubric.js';

/**
 * The analytics flags in words. The core emits a flag as its kind and values (core/analytics.ts);
 * everything else a sentence needs is the project's own outcome, which the reports have at hand.
 * results.json keeps the English sentences, so the English here is pinned byte for byte.
 */
export interface FlagContext {
  /** The project as decided: its final, pass, rank and each judge's (adjusted) total. */
  project: Pick<ProjectResult, 'final' | 'passed' | 'rank' | 'scores'>;
  decimals: number;
  normalize: Normalize;
  trim: number;
  /** A track's label by its id, for the Chinese (English names the id, as it always has). */
  trackLabel?: (id: string) => string;
}

export interface FlagWords {
  /** A flag's kind as a short heading (the workbook's Flag column, panel.pdf's lead-in). */
  kind: Record<FlagType, string>;
  /** Between the kind and the sentence when both are printed on one line. */
  separator: string;
  /** The flag as one sentence, without its kind. */
  sentence: (flag: Flag, ctx: FlagContext) => string;
}

// Judges' totals are shared decimals (a few hundred values among a large review's 50,000 totals)
// and the trim flags print two each: each is rounded and printed once per number of places.
const fixedTotals = new Map<number, WeakMap<Dec, string>>();
function fixedTotal(d: Dec, places: number): string {
  let byValue = fixedTotals.get(places);
  if (byValue === undefined) fixedTotals.set(places, (byValue = new WeakMap()));
  let text = byValue.get(d);
  if (text === undefined) byValue.set(d, (text = roundHalfUp(d, places).toFixed(places)));
  return text;
}

/** The values a sentence is built from, the same in both languages. */
function valuesOf(flag: Flag, ctx: FlagContext) {
  const { project: p, decimals } = ctx;
  const places = Math.max(decimals, 2);
  const total = (d: Dec) => fixedTotal(d, places);
  // A judge's total as the trim saw it: normalised or adjusted when the rubric says so.
  const totalOf = (judge: string | undefined) => {
    const s = judge === undefined ? undefined : p.scores.get(judge);
    return s === undefined || s.recused ? undefined : (s.normalizedTotal ?? s.total);
  };
  const t = flag.track;
  // With a quota the track rank decides, so rank moves are told in track ranks.
  const quota = t?.quota;
  return {
    judge: flag.judge ?? '',
    instead: flag.instead ?? '',
    /** The final as decided (a getter: only the pass flags print it, and it costs a decimal). */
    get final() {
      return p.final.toFixed(decimals);
    },
    // A what-if final is units of 10^-decimals as a double (unitsToNumber): printed from the units.
    alt:
      flag.final === undefined
        ? ''
        : unitsToFixed(Math.round(flag.final * 10 ** decimals), decimals),
    total,
    totalOf,
    track: t,
    rankNow: quota === undefined ? p.rank : t!.from,
    rankThen: quota === undefined ? (flag.rank ?? 0) : t!.to,
    inTrack: quota !== undefined,
  };
}

/** How many judges scored the project (the trim-fallback flag's count). */
function present(p: FlagContext['project']): number {
  let n = 0;
  for (const s of p.scores.values()) if (!s.recused) n++;
  return n;
}

const en: FlagWords = {
  kind: {
    outlier: 'Outlier total',
    'pass-hinges-on-judge': 'Pass/fail hinges on one judge',
    'rank-hinges-on-judge': 'Rank hinges on one judge',
    'pass-hinges-on-trim': 'Pass/fail hinges on the trim',
    'rank-hinges-on-trim': 'Rank hinges on the trim',
    'trim-fallback': 'Too few judges to trim',
  },
  separator: ': ',
  sentence: (flag, ctx) => {
    const v = valuesOf(flag, ctx);
    const t = v.track;
    const against =
      t === undefined
        ? ''
        : t.quota === undefined
          ? ` (track ${t.id}: threshold ${t.threshold})`
          : ` (track ${t.id}: threshold ${t.threshold}, rank ${t.to} against the quota of ${t.quota})`;
    const of = v.inTrack ? ` in track ${t!.id}` : '';
    const kind = { none: 'total', zscore: 'normalised total', offset: 'adjusted total' }[
      ctx.normalize
    ];
    const cause = flag.type.endsWith('-trim')
      ? `had ${v.instead}'s ${kind} ${v.total(v.totalOf(flag.instead)!)} been trimmed instead of ${v.judge}'s ${v.total(v.totalOf(flag.judge)!)},`
      : `without ${v.judge}'s scores`;
    switch (flag.type) {
      case 'outlier': {
        const own = ctx.project.scores.get(v.judge);
        const total = own !== undefined && !own.recused ? own.total : flag.median!;
        const deviation = total.minus(flag.median!);
        return `${v.judge}'s total ${v.total(total)} is ${v.total(deviation.abs())} points ${
          deviation.isPositive() ? 'above' : 'below'
        } the median ${v.total(flag.median!)} (limit ${OUTLIER_LIMIT})`;
      }
      case 'pass-hinges-on-judge':
      case 'pass-hinges-on-trim':
        return `${ctx.project.passed ? 'passes' : 'fails'} with ${v.final}; ${cause} it would ${
          flag.passed ? 'pass' : 'fail'
        } with ${v.alt}${against}`;
      case 'rank-hinges-on-judge':
      case 'rank-hinges-on-trim':
        return `ranked ${v.rankNow}${of}; ${cause} it would rank ${v.rankThen} (final ${v.alt})`;
      case 'trim-fallback':
        return `only ${present(ctx.project)} judges scored it, too few to drop ${ctx.trim} highest and lowest; its final is the plain mean`;
    }
  },
};

const zh: FlagWords = {
  kind: {
    outlier: '总分偏离较大',
    'pass-hinges-on-judge': '能否通过取决于一位评委',
    'rank-hinges-on-judge': '排名取决于一位评委',
    'pass-hinges-on-trim': '换一个去掉的分数，能否通过就会改变',
    'rank-hinges-on-trim': '换一个去掉的分数，排名就会明显变动',
    'trim-fallback': '评委人数不足，未去掉最高分和最低分',
  },
  separator: '：',
  sentence: (flag, ctx) => {
    const v = valuesOf(flag, ctx);
    const t = v.track;
    const label = t === undefined ? '' : (ctx.trackLabel?.(t.id) ?? t.id);
    const verdict = (passed: boolean | undefined) => (passed ? '通过' : '未通过');
    // With tracks: the track's pass mark, and with a quota the track rank, which then decides.
    const why =
      t === undefined
        ? ''
        : `（${label}的通过分数线为${t.threshold}分${t.quota !== undefined ? `，名额${t.quota}个，届时组内排第${t.to}名` : ''}）`;
    const rankNow = v.inTrack ? `${label}组内排第${v.rankNow}名` : `排第${v.rankNow}名`;
    const rankThen = v.inTrack ? `组内第${v.rankThen}名` : `第${v.rankThen}名`;
    const noun =
      ctx.normalize === 'zscore'
        ? '标准化总分'
        : ctx.normalize === 'offset'
          ? '调整后总分'
          : '总分';
    // The trim moved by one judge: the total now dropped is kept, the next one in is dropped.
    const swap = () => {
      const now = v.totalOf(flag.judge);
      const next = v.totalOf(flag.instead);
      const side =
        now === undefined || next === undefined || now.equals(next)
          ? '去掉的分数'
          : now.greaterThan(next)
            ? '去掉的最高分'
            : '去掉的最低分';
      return `${side}是${v.judge}的${noun}${now === undefined ? '' : v.total(now)}分；若改为去掉${v.instead}的${noun}${next === undefined ? '' : v.total(next)}分`;
    };
    const without = `若不计${v.judge}的评分`;
    switch (flag.type) {
      case 'outlier': {
        const own = ctx.project.scores.get(v.judge);
        const total = own !== undefined && !own.recused ? own.total : flag.median!;
        const deviation = total.minus(flag.median!);
        return `${v.judge}给的总分${v.total(total)}分，比各评委总分的中位数${v.total(flag.median!)}分${
          deviation.isPositive() ? '高' : '低'
        }${v.total(deviation.abs())}分（相差超过${OUTLIER_LIMIT}分即提示）`;
      }
      case 'pass-hinges-on-judge':
        return `最终得分${v.final}分，${verdict(ctx.project.passed)}；${without}，最终得分将是${v.alt}分，结果变为${verdict(flag.passed)}${why}`;
      case 'pass-hinges-on-trim':
        return `最终得分${v.final}分，${verdict(ctx.project.passed)}；${swap()}，最终得分将是${v.alt}分，结果变为${verdict(flag.passed)}${why}`;
      case 'rank-hinges-on-judge':
        return `现${rankNow}；${without}，将排${rankThen}（最终得分${v.alt}分）`;
      case 'rank-hinges-on-trim':
        return `现${rankNow}；${swap()}，将排${rankThen}（最终得分${v.alt}分）`;
      case 'trim-fallback':
        return `只有${present(ctx.project)}位评委评分，不够去掉${ctx.trim}个最高分和${ctx.trim}个最低分，最终得分按全部评分的平均分计算`;
    }
  },
};

export const FLAG_WORDS: Record<Lang, FlagWords> = { en, zh };
