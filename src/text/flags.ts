import { OUTLIER_LIMIT } from '../core/arithmetic/rules.js';
import type { Flag, FlagType } from '../core/analytics.js';
import type { ProjectResult } from '../core/compute.js';
import { roundHalfUp, type Dec } from '../core/decimal.js';
import type { Lang, Normalize } from '../core/rubric.js';
import { fixed } from './numbers.js';

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

/** The values a sentence is built from, the same in both languages. */
function valuesOf(flag: Flag, ctx: FlagContext) {
  const { project: p, decimals } = ctx;
  const places = Math.max(decimals, 2);
  const total = (d: Dec) => roundHalfUp(d, places).toFixed(places);
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
    final: p.final.toFixed(decimals),
    alt: flag.final === undefined ? '' : fixed(flag.final, decimals),
    total,
    totalOf,
    track: t,
    rankNow: quota === undefined ? p.rank : t!.from,
    rankThen: quota === undefined ? (flag.rank ?? 0) : t!.to,
    inTrack: quota !== undefined,
    present: [...p.scores.values()].filter((s) => !s.recused).length,
  };
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
        return `only ${v.present} judges scored it, too few to drop ${ctx.trim} highest and lowest; its final is the plain mean`;
    }
  },
};

const zh: FlagWords = {
  kind: {
    outlier: '离群分',
    'pass-hinges-on-judge': '通过与否取决于一位评委',
    'rank-hinges-on-judge': '排名取决于一位评委',
    'pass-hinges-on-trim': '通过与否取决于去掉哪个分数',
    'rank-hinges-on-trim': '排名取决于去掉哪个分数',
    'trim-fallback': '评委人数不足，未去掉最高分和最低分',
  },
  separator: '：',
  sentence: (flag, ctx) => {
    const v = valuesOf(flag, ctx);
    const p = ctx.project;
    const places = Math.max(ctx.decimals, 2);
    const judge = v.judge;
    const final = v.final;
    const alt = v.alt;
    const verdict = (passed: boolean | undefined) => (passed ? '通过' : '未通过');
    const totalOf = (id: string | undefined) => {
      const d = v.totalOf(id);
      return d === undefined ? '' : v.total(d);
    };
    const kind = ctx.normalize === 'zscore' ? '标准化总分' : '总分';
    const t = flag.track;
    const why =
      t === undefined
        ? ''
        : `（${t.id}组通过线${t.threshold}${t.quota !== undefined ? `，组内第${t.to}名，名额${t.quota}` : ''}）`;
    const ranked = (to: number | undefined) =>
      t?.quota !== undefined
        ? { now: `组内排名第${t.from}`, then: `组内第${t.to}` }
        : { now: `排名第${p.rank}`, then: `第${to ?? ''}` };
    const swap = `若改为去掉${flag.instead ?? ''}的${kind}${totalOf(flag.instead)}、保留${judge}的${totalOf(flag.judge)}`;
    switch (flag.type) {
      case 'outlier': {
        const deviation = flag.deviation ?? 0;
        return `${judge}的总分${fixed(flag.total ?? 0, places)}比中位数${fixed(Number(flag.median!.toString()), places)}${
          deviation > 0 ? '高' : '低'
        }${fixed(Math.abs(deviation), places)}分（界限${OUTLIER_LIMIT}分）`;
      }
      case 'pass-hinges-on-judge':
        return `最终得分${final}，${verdict(p.passed)}；若不计${judge}的评分，将以${alt}分${verdict(flag.passed)}${why}`;
      case 'rank-hinges-on-judge': {
        const r = ranked(flag.rank);
        return `${r.now}；若不计${judge}的评分，将排${r.then}名（${alt}分）`;
      }
      case 'pass-hinges-on-trim':
        return `最终得分${final}，${verdict(p.passed)}；${swap}，将以${alt}分${verdict(flag.passed)}${why}`;
      case 'rank-hinges-on-trim': {
        const r = ranked(flag.rank);
        return `${r.now}；${swap}，将排${r.then}名（${alt}分）`;
      }
      case 'trim-fallback':
        return `仅${v.present}位评委评分，不足以去掉${ctx.trim}个最高分和${ctx.trim}个最低分，最终得分按算术平均计算`;
    }
  },
};

export const FLAG_WORDS: Record<Lang, FlagWords> = { en, zh };
