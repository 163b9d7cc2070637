import { z } from 'zod';

/**
 * The rubric keys for tracks, quotas and funding (CONTRACT.md, "Tracks, quotas and funding"), and
 * the rules that span them. Kept apart from rubric.ts, which only mounts them.
 */

export const QUOTA_TIES = ['include', 'exclude'] as const;
export const GRANT_MODES = ['request', 'tiers'] as const;
export const AT_THE_LINE = ['stop', 'skip', 'partial'] as const;

/** Yuan, never negative, in whole cents: allocation is done in exact integer cents. */
export const money = z
  .number()
  .finite()
  .min(0, 'must be >= 0 (an amount of yuan)')
  .refine((n) => isWholeCents(n), 'must be whole cents (at most 2 decimals)');

const score = z.number().finite().min(0, 'must be from 0 to 100').max(100, 'must be from 0 to 100');

const TrackSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_-]+$/, 'must be lowercase letters, digits, "_" or "-"'),
  label: z.string().trim().min(1, 'must not be empty').optional(),
  categories: z
    .array(z.string().trim().min(1, 'must not be empty'))
    .min(1, 'must list at least one roster category'),
  threshold: score.optional(),
  quota: z.number().int('must be a whole number of projects').min(1, 'must be >= 1').optional(),
  budget: money.optional(),
});

const TierSchema = z.strictObject({
  label: z.string().trim().min(1, 'must not be empty'),
  from: score,
  amount: money,
});

const FundingSchema = z.strictObject({
  budget: money.optional(),
  grant: z.enum(GRANT_MODES, 'must be request or tiers').default('request'),
  cap: money.refine((n) => n > 0, 'must be > 0').optional(),
  tiers: z.array(TierSchema).min(1, 'must list at least one tier').optional(),
  atTheLine: z.enum(AT_THE_LINE, 'must be stop, skip or partial').default('stop'),
});

/** Mounted on the rubric's top level. */
export const trackKeys = {
  tracks: z.array(TrackSchema).min(1, 'must list at least one track').optional(),
  // Optional rather than defaulted, so a Rubric built in code needs no new key (default include).
  quotaTies: z.enum(QUOTA_TIES, 'must be include or exclude').optional(),
  funding: FundingSchema.optional(),
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

type Report = (path: PropertyKey[], message: string) => void;

/** Rules across the track and funding keys, each reported at the key it concerns. */
export function checkTrackRubric(rubric: TrackRubric, report: Report): void {
  const tracks = rubric.tracks ?? [];
  const ids = new Map<string, number>();
  tracks.forEach((t, i) => {
    const first = ids.get(t.id);
    if (first !== undefined)
      report(['tracks', i, 'id'], `duplicate track id "${t.id}" (also tracks[${first}])`);
    else ids.set(t.id, i);
  });
  const withBudget = tracks.filter((t) => t.budget !== undefined).length;
  if (withBudget > 0 && withBudget < tracks.length) {
    tracks.forEach((t, i) => {
      if (t.budget === undefined)
        report(
          ['tracks', i],
          `track "${t.id}" has no budget while other tracks have one: give every track a budget, or none and a funding.budget`,
        );
    });
  }
  const funding = rubric.funding;
  if (withBudget > 0 && funding?.budget !== undefined) {
    report(
      ['funding', 'budget'],
      'the tracks have budgets of their own: give either a budget per track or funding.budget, not both',
    );
  }
  if (funding && withBudget === 0 && funding.budget === undefined) {
    report(['funding'], 'funding needs a budget: funding.budget, or a budget on every track');
  }
  if (funding?.grant === 'tiers' && funding.tiers === undefined) {
    report(['funding', 'tiers'], 'grant: tiers needs a list of tiers (label, from, amount)');
  }
  if (funding?.grant !== 'tiers' && funding?.tiers !== undefined) {
    report(['funding', 'tiers'], 'tiers are only used with grant: tiers');
  }
  funding?.tiers?.forEach((tier, i) => {
    const prev = funding.tiers![i - 1];
    if (prev !== undefined && !(tier.from < prev.from)) {
      report(
        ['funding', 'tiers', i, 'from'],
        `tiers must be listed from the highest "from" down: ${tier.from} follows ${prev.from}`,
      );
    }
  });
}
