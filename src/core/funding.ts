import { dec, type Dec } from './decimal.js';
import { toCents, type Funding } from './tracks-schema.js';

export type FundingStatus = 'funded' | 'partial' | 'not-funded' | 'not-passed';

/** What a passing project qualifies for, in cents, and its tier's label under grant: tiers. */
export interface Eligible {
  cents: number;
  tier: string | null;
}

/**
 * The grant a passing project qualifies for: its request, or its tier's amount lowered to a
 * smaller request; then the cap. `requestCents` is undefined when the roster gives no amount (a
 * passing project without one under grant: request was refused before this).
 */
export function eligibleGrant(
  final: Dec,
  requestCents: number | undefined,
  funding: Funding,
): Eligible {
  let cents = requestCents ?? 0;
  let tier: string | null = null;
  if (funding.grant === 'tiers') {
    const band = (funding.tiers ?? []).find((t) => final.greaterThanOrEqualTo(dec(t.from)));
    tier = band?.label ?? null;
    cents = band === undefined ? 0 : toCents(band.amount);
    if (requestCents !== undefined && requestCents < cents) cents = requestCents;
  }
  if (funding.cap !== undefined) cents = Math.min(cents, toCents(funding.cap));
  return { cents, tier };
}

/** One pot of money and the passing projects that draw on it, with their rank in its order. */
export interface Pool {
  id: string;
  budgetCents: number;
  members: { id: string; rank: number; eligibleCents: number }[];
}

export interface Allocation {
  granted: Map<string, { cents: number; status: Exclude<FundingStatus, 'not-passed'> }>;
  /** Per pool, what was handed out. */
  spent: Map<string, number>;
  /** Groups of more than one project sharing a rank that did not fit in what was left. */
  ties: { pool: string; rank: number; ids: string[] }[];
}

/**
 * Walks each pool in rank order, one rank at a time (projects sharing a rank form a group). A
 * group that fits in what is left is funded in full; at the first that does not, `stop` funds
 * nobody from there on, `skip` passes over it and goes on, and `partial` shares what is left in
 * proportion to the group's grants, each rounded down to whole yuan, and stops. Integer cents
 * throughout, with the proportional shares in BigInt (budget x grant can pass 2^53 cents²).
 */
export function allocate(pools: readonly Pool[], atTheLine: Funding['atTheLine']): Allocation {
  const granted: Allocation['granted'] = new Map();
  const spent = new Map<string, number>();
  const ties: Allocation['ties'] = [];
  for (const pool of pools) {
    const members = [...pool.members].sort((a, b) => a.rank - b.rank);
    let left = pool.budgetCents;
    let stopped = false;
    for (let start = 0; start < members.length;) {
      let end = start;
      while (end < members.length && members[end]!.rank === members[start]!.rank) end++;
      const group = members.slice(start, end);
      start = end;
      const none = () => {
        for (const m of group) granted.set(m.id, { cents: 0, status: 'not-funded' });
      };
      if (stopped) {
        none();
        continue;
      }
      const need = group.reduce((s, m) => s + m.eligibleCents, 0);
      if (need <= left) {
        for (const m of group) {
          const status = m.eligibleCents > 0 ? 'funded' : 'not-funded';
          granted.set(m.id, { cents: m.eligibleCents, status });
        }
        left -= need;
        continue;
      }
      if (group.length > 1)
        ties.push({ pool: pool.id, rank: group[0]!.rank, ids: group.map((m) => m.id) });
      if (atTheLine === 'skip') {
        none();
        continue;
      }
      stopped = true;
      if (atTheLine === 'stop') {
        none();
        continue;
      }
      // partial: left < need, so every share is below its grant.
      const shares = group.map((m) => {
        const exact = (BigInt(left) * BigInt(m.eligibleCents)) / BigInt(need);
        return Number(exact - (exact % 100n));
      });
      group.forEach((m, i) => {
        const cents = shares[i]!;
        granted.set(m.id, { cents, status: cents > 0 ? 'partial' : 'not-funded' });
      });
      left -= shares.reduce((s, c) => s + c, 0);
    }
    spent.set(pool.id, pool.budgetCents - left);
  }
  return { granted, spent, ties };
}
