import { describe, expect, it } from 'vitest';
import { dec } from '../../src/core/decimal.js';
import { allocate, eligibleGrant, type Pool } from '../../src/core/funding.js';
import type { Funding } from '../../src/core/tracks-schema.js';

const yuan = (n: number) => Math.round(n * 100);

/** One pool of `budget` yuan; members as [id, rank, grant in yuan]. */
const pool = (id: string, budget: number, members: [string, number, number][]): Pool => ({
  id,
  budgetCents: yuan(budget),
  members: members.map(([m, rank, grant]) => ({ id: m, rank, eligibleCents: yuan(grant) })),
});

/** id -> [granted yuan, status] */
function run(pools: Pool[], atTheLine: Funding['atTheLine']) {
  const a = allocate(pools, atTheLine);
  return {
    granted: Object.fromEntries([...a.granted].map(([id, g]) => [id, [g.cents / 100, g.status]])),
    spent: Object.fromEntries([...a.spent].map(([id, c]) => [id, c / 100])),
    ties: a.ties.map((t) => t.ids),
  };
}

// Budget 100,000; ranks 1, 2, 3 asking 50,000, 60,000, 30,000.
// Rank 1 fits (left 50,000); rank 2 (60,000) does not.
const line = () => [
  pool('', 100000, [
    ['P1', 1, 50000],
    ['P2', 2, 60000],
    ['P3', 3, 30000],
  ]),
];

describe('allocate: atTheLine', () => {
  it('stop: nobody from the first grant that does not fit on (spent 50,000)', () => {
    expect(run(line(), 'stop')).toEqual({
      granted: { P1: [50000, 'funded'], P2: [0, 'not-funded'], P3: [0, 'not-funded'] },
      spent: { '': 50000 },
      ties: [],
    });
  });

  it('skip: passes over P2, and P3 still fits (50,000 + 30,000 = 80,000)', () => {
    expect(run(line(), 'skip')).toEqual({
      granted: { P1: [50000, 'funded'], P2: [0, 'not-funded'], P3: [30000, 'funded'] },
      spent: { '': 80000 },
      ties: [],
    });
  });

  it('partial: P2 gets what is left (50,000 of 60,000) and the walk stops', () => {
    expect(run(line(), 'partial')).toEqual({
      granted: { P1: [50000, 'funded'], P2: [50000, 'partial'], P3: [0, 'not-funded'] },
      spent: { '': 100000 },
      ties: [],
    });
  });

  it('partial shares a tie at the line in proportion, each rounded down to whole yuan', () => {
    // Rank 1: 40,000 fits, left 60,000. Rank 2 tie: A 45,000 + B 25,001 = 70,001 > 60,000.
    // A: 60,000 x 45,000 / 70,001 = 38,570.877... -> 38,570
    // B: 60,000 x 25,001 / 70,001 = 21,429.122... -> 21,429
    // Spent 40,000 + 38,570 + 21,429 = 99,999; 1 yuan left.
    expect(
      run(
        [
          pool('', 100000, [
            ['T', 1, 40000],
            ['A', 2, 45000],
            ['B', 2, 25001],
          ]),
        ],
        'partial',
      ),
    ).toEqual({
      granted: { T: [40000, 'funded'], A: [38570, 'partial'], B: [21429, 'partial'] },
      spent: { '': 99999 },
      ties: [['A', 'B']],
    });
  });

  it('a tie at the funding line under stop funds neither and is reported', () => {
    // Left after rank 1: 100,000 - 70,000 = 30,000; the tie asks 20,000 + 20,000 = 40,000.
    // Under stop neither is funded, though either alone would fit; rank 4 is not reached.
    expect(
      run(
        [
          pool('', 100000, [
            ['T', 1, 70000],
            ['A', 2, 20000],
            ['B', 2, 20000],
            ['C', 4, 5000],
          ]),
        ],
        'stop',
      ),
    ).toEqual({
      granted: {
        T: [70000, 'funded'],
        A: [0, 'not-funded'],
        B: [0, 'not-funded'],
        C: [0, 'not-funded'],
      },
      spent: { '': 70000 },
      ties: [['A', 'B']],
    });
  });

  it('per-track pools are allocated apart (one running out does not touch the other)', () => {
    // Track s: 300,000 for 150,000 + 150,000 + 10,000 -> the third does not fit (stop).
    // Track c: 100,000 for 30,000 + 30,000 -> both fit, 40,000 left.
    expect(
      run(
        [
          pool('s', 300000, [
            ['S1', 1, 150000],
            ['S2', 2, 150000],
            ['S3', 3, 10000],
          ]),
          pool('c', 100000, [
            ['C1', 1, 30000],
            ['C2', 2, 30000],
          ]),
        ],
        'stop',
      ),
    ).toEqual({
      granted: {
        S1: [150000, 'funded'],
        S2: [150000, 'funded'],
        S3: [0, 'not-funded'],
        C1: [30000, 'funded'],
        C2: [30000, 'funded'],
      },
      spent: { s: 300000, c: 60000 },
      ties: [],
    });
  });
});

describe('eligibleGrant', () => {
  const tiers: Funding = {
    budget: 100000,
    grant: 'tiers',
    atTheLine: 'stop',
    tiers: [
      { label: '一等', from: 85, amount: 20000 },
      { label: '二等', from: 75, amount: 10000 },
      { label: '三等', from: 60, amount: 5000 },
    ],
  };
  const grant = (final: number, request: number | undefined, f: Funding) => {
    const e = eligibleGrant(dec(final), request === undefined ? undefined : yuan(request), f);
    return [e.cents / 100, e.tier];
  };

  it('tiers: the first band whose from <= final, lowered to a smaller request', () => {
    expect(grant(85, 30000, tiers)).toEqual([20000, '一等']); // 85 >= 85: top band
    expect(grant(84.99, 30000, tiers)).toEqual([10000, '二等']);
    expect(grant(88, 12000.5, tiers)).toEqual([12000.5, '一等']); // asked for less than 20,000
    expect(grant(60, undefined, tiers)).toEqual([5000, '三等']); // no request: the band amount
    expect(grant(59.99, 30000, tiers)).toEqual([0, null]); // below every band
  });

  it('a cap limits the request, and a tier amount', () => {
    const request: Funding = { budget: 100000, grant: 'request', atTheLine: 'stop', cap: 30000 };
    expect(grant(90, 50000, request)).toEqual([30000, null]);
    expect(grant(90, 25000, request)).toEqual([25000, null]);
    expect(grant(90, 30000, { ...tiers, cap: 15000 })).toEqual([15000, '一等']);
  });
});
