import type { Lang } from '../core/rubric.js';
import { formatYuan } from './numbers.js';

/** The words the reports use for tracks and funding, in both report languages. */
export interface TrackLabels {
  /** A track's heading over its table: its label and how it went. */
  heading: (label: string, projects: number, passed: number) => string;
  grant: string;
  tier: string;
  totalGranted: (granted: number, budget: number) => string;
  /** A track's own pass rules, when it has any: its threshold, its quota. */
  rules: (label: string, threshold: number | undefined, quota: number | undefined) => string;
  /** Feedback cards: row labels, then values. */
  trackRankRow: string;
  grantRow: string;
  trackRank: (
    label: string,
    rank: number,
    of: number,
    tied: boolean,
    quota: number | null,
  ) => string;
  cardGrant: (granted: number, tier: string | null, status: string) => string;
  /** After "failed" on a card, for a project above its threshold but beyond its track's quota. */
  quotaCut: (quota: number) => string;
  /** The announcement's result column (listAll) for such a project. */
  failedQuota: string;
}

const ZH: TrackLabels = {
  heading: (label, n, p) => `${label}（${n}个项目参评，${p}个通过）`,
  grant: '资助金额（元）',
  tier: '档次',
  totalGranted: (g, b) => `资助金额合计${formatYuan(g)}元（资金总额${formatYuan(b)}元）。`,
  rules: (label, t, q) =>
    `${label}${[t !== undefined ? `${t}分及以上为通过` : '', q !== undefined ? `至多通过${q}个项目（按组内排名）` : ''].filter(Boolean).join('，')}。`,
  trackRankRow: '组内排名',
  grantRow: '资助金额',
  trackRank: (label, r, n, tied, q) =>
    `${label}第 ${r} 名${tied ? '（并列）' : ''}，共 ${n} 个项目${q !== null ? `（名额 ${q} 个）` : ''}`,
  cardGrant: (g, tier, status) =>
    status === 'not-passed'
      ? '—'
      : `${formatYuan(g)}元${tier ? `（${tier}）` : ''}${status === 'partial' ? '（部分资助）' : status === 'not-funded' ? '（未获资助）' : ''}`,
  quotaCut: (q) => `（达到分数线，但组内排名在名额${q}个之外）`,
  failedQuota: '未通过（超出名额）',
};

const EN: TrackLabels = {
  heading: (label, n, p) => `${label} (${n} projects reviewed, ${p} passed)`,
  grant: 'Grant (yuan)',
  tier: 'Tier',
  totalGranted: (g, b) => `Total granted: ${formatYuan(g)} yuan of ${formatYuan(b)} yuan.`,
  rules: (label, t, q) =>
    `${label}: ${[t !== undefined ? `a project passes with ${t} or more` : '', q !== undefined ? `at most ${q} projects pass, by rank within the track` : ''].filter(Boolean).join('; ')}.`,
  trackRankRow: 'Rank in track',
  grantRow: 'Grant',
  trackRank: (label, r, n, tied, q) =>
    `${label}: rank ${r}${tied ? ' (tied)' : ''} of ${n}${q !== null ? ` (quota ${q})` : ''}`,
  cardGrant: (g, tier, status) =>
    status === 'not-passed'
      ? '—'
      : `${formatYuan(g)} yuan${tier ? ` (${tier})` : ''}${status === 'partial' ? ' (partial)' : status === 'not-funded' ? ' (not funded)' : ''}`,
  quotaCut: (q) => ` (above the pass mark, but beyond the track's quota of ${q})`,
  failedQuota: 'Failed (quota)',
};

export const TRACK_LABELS: Record<Lang, TrackLabels> = { en: EN, zh: ZH };
