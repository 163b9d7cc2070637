import * as z from 'zod/mini';
import { rule } from './rubric-issues.js';
import './zod-messages.js';
import { worded, type Worded } from '../text/problems.js';

/**
 * The rubric keys for tracks, quotas and funding (CONTRACT.md, "Tracks, quotas and funding"), and
 * the rules that span them. Kept apart from rubric.ts, which only mounts them.
 */

export const QUOTA_TIES = ['include', 'exclude'] as const;
export const GRANT_MODES = ['request', 'tiers'] as const;
export const AT_THE_LINE = ['stop', 'skip', 'partial'] as const;

/** Yuan, never negative, in whole cents: allocation is done in exact integer cents. */
export const money = z.number().check(
  z.gte(0, rule('rule-yuan')),
  z.refine((n) => isWholeCents(n), rule('rule-cents')),
);

const score = z.number().check(z.gte(0, rule('rule-percent')), z.lte(100, rule('rule-percent')));

const text = () => z.string().check(z.trim(), z.minLength(1, rule('rule-not-empty')));

const TrackSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9_-]+$/, rule('rule-id-chars'))),
  label: z.optional(text()),
  categories: z.array(text()).check(z.minLength(1, rule('rule-categories'))),
  threshold: z.optional(score),
  quota: z.optional(
    z.number().check(z.int(rule('rule-whole-projects')), z.gte(1, rule('rule-at-least-one'))),
  ),
  budget: z.optional(money),
});

const TierSchema = z.strictObject({
  label: text(),
  from: score,
  amount: money,
});

const FundingSchema = z.strictObject({
  budget: z.optional(money),
  grant: z._default(z.enum(GRANT_MODES, rule('rule-grant')), 'request'),
  cap: z.optional(money.check(z.refine((n) => n > 0, rule('rule-positive')))),
  tiers: z.optional(z.array(TierSchema).check(z.minLength(1, rule('rule-tiers')))),
  atTheLine: z._default(z.enum(AT_THE_LINE, rule('rule-at-the-line')), 'stop'),
});

/** Mounted on the rubric's top level. */
export const trackKeys = {
  tracks: z.optional(z.array(TrackSchema).check(z.minLength(1, rule('rule-tracks')))),
  // Optional rather than defaulted, so a Rubric built in code needs no new key (default include).
  quotaTies: z.optional(z.enum(QUOTA_TIES, rule('rule-quota-ties'))),
  funding: z.optional(FundingSchema),
};

export type Track = z.output<typeof TrackSchema>;
export type Funding = z.output<typeof FundingSchema>;
export type Tier = z.output<typeof TierSchema>;

export interface TrackRubric {
  tracks?: Track[] | undefined;
  quotaTies?: (typeof QUOTA_TIES)[number] | undefined;
  funding?: Funding | undefined;
}

/** Funding is configured by a `funding:` section or by budgets on the tracks. */
export function fundingOf(rubric: TrackRubric): Funding | undefined {
  if (rubric.funding) return rubric.funding;
  if (rubric.tracks?.some((t) => t.budget !== undefined))
    return { grant: 'request', atTheLine: 'stop' };
  return undefined;
}

export function isWholeCents(n: number): boolean {
  // 0.1 + 0.2 style binary noise aside, a value in cents is an integer.
  const cents = n * 100;
  return Math.abs(cents - Math.round(cents)) < 1e-6;
}

export function toCents(yuan: number): number {
  return Math.round(yuan * 100);
}

type Report = (path: PropertyKey[], why: Worded) => void;

/** Rules across the track and funding keys, each reported at the key it concerns. */
export function checkTrackRubric(rubric: TrackRubric, report: Report): void {
  const tracks = rubric.tracks ?? [];
  const ids = new Map<string, number>();
  tracks.forEach((t, i) => {
    const first = ids.get(t.id);
    if (first !== undefined)
      report(['tracks', i, 'id'], worded('track-duplicate', { id: t.id, first }));
    else ids.set(t.id, i);
  });
  const withBudget = tracks.filter((t) => t.budget !== undefined).length;
  if (withBudget > 0 && withBudget < tracks.length) {
    tracks.forEach((t, i) => {
      if (t.budget === undefined)
        report(['tracks', i], worded('track-budget-missing', { id: t.id }));
    });
  }
  const funding = rubric.funding;
  if (withBudget > 0 && funding?.budget !== undefined) {
    report(['funding', 'budget'], worded('track-budget-both', {}));
  }
  if (funding && withBudget === 0 && funding.budget === undefined) {
    report(['funding'], worded('funding-budget', {}));
  }
  if (funding?.grant === 'tiers' && funding.tiers === undefined) {
    report(['funding', 'tiers'], worded('tiers-missing', {}));
  }
  if (funding?.grant !== 'tiers' && funding?.tiers !== undefined) {
    report(['funding', 'tiers'], worded('tiers-unused', {}));
  }
  funding?.tiers?.forEach((tier, i) => {
    const prev = funding.tiers![i - 1];
    if (prev !== undefined && !(tier.from < prev.from)) {
      report(
        ['funding', 'tiers', i, 'from'],
        worded('tiers-order', { from: tier.from, prev: prev.from }),
      );
    }
  });
}
