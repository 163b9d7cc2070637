import { describe, expect, it } from 'vitest';
import { dec } from '../../src/core/decimal.js';
import { placeInTracks, type Ranked } from '../../src/core/tracks.js';
import type { Track } from '../../src/core/tracks-schema.js';

const p = (id: string, category: string, final: number, rank: number): Ranked => ({
  id,
  category,
  final: dec(final),
  rank,
});

/** id -> [trackRank, passed, reason] */
function summary(projects: Ranked[], tracks: Track[], quotaTies?: 'include' | 'exclude') {
  const { places, straddles } = placeInTracks(projects, {
    tracks,
    quotaTies,
    threshold: 60,
    decimals: 2,
  });
  return {
    places: Object.fromEntries(
      [...places].map(([id, pl]) => [id, [pl.track, pl.trackRank, pl.passed, pl.reason]]),
    ),
    straddles: straddles.map((s) => [s.track, s.rank, s.ids, s.passed]),
  };
}

describe('placeInTracks', () => {
  it('ranks within each track from the overall ranks, ties kept', () => {
    // Overall: S1 1st, C1 2nd, S2 and S3 tied 3rd, C2 5th.
    // Track s: S1 (1), S2 and S3 -> 2 ahead of neither but S1 -> track rank 2, 2.
    // Track c: C1 (1), C2 (2).
    const projects = [
      p('S1', 'soc', 90, 1),
      p('C1', 'com', 85, 2),
      p('S2', 'soc', 80, 3),
      p('S3', 'soc', 80, 3),
      p('C2', 'com', 55, 5),
    ];
    const tracks: Track[] = [
      { id: 's', categories: ['soc'] },
      { id: 'c', categories: ['com'], threshold: 50 },
    ];
    expect(summary(projects, tracks).places).toEqual({
      S1: ['s', 1, true, null],
      C1: ['c', 1, true, null],
      S2: ['s', 2, true, null],
      S3: ['s', 2, true, null],
      // 55 is below the review's 60 but above track c's own threshold of 50.
      C2: ['c', 2, true, null],
    });
  });

  // Quota 3 with track ranks 1, 2, 3, 3: the tie on rank 3 straddles the line (3 <= 3 < 3 + 2 - 1).
  const straddling = [
    p('A', 'x', 90, 1),
    p('B', 'x', 80, 2),
    p('C', 'x', 70, 3),
    p('D', 'x', 70, 3),
    p('E', 'x', 65, 5),
    p('F', 'x', 50, 6),
  ];
  const quota3: Track[] = [{ id: 't', categories: ['x'], quota: 3 }];

  it('quotaTies: include passes the whole tie across the quota line (4 pass for a quota of 3)', () => {
    expect(summary(straddling, quota3, 'include')).toEqual({
      places: {
        A: ['t', 1, true, null],
        B: ['t', 2, true, null],
        C: ['t', 3, true, null],
        D: ['t', 3, true, null],
        E: ['t', 5, false, 'quota'],
        // Below the threshold: "threshold", whatever its rank.
        F: ['t', 6, false, 'threshold'],
      },
      straddles: [['t', 3, ['C', 'D'], true]],
    });
  });

  it('quotaTies: exclude passes none of the tie (2 pass for a quota of 3)', () => {
    expect(summary(straddling, quota3, 'exclude')).toEqual({
      places: {
        A: ['t', 1, true, null],
        B: ['t', 2, true, null],
        C: ['t', 3, false, 'quota'],
        D: ['t', 3, false, 'quota'],
        E: ['t', 5, false, 'quota'],
        F: ['t', 6, false, 'threshold'],
      },
      straddles: [['t', 3, ['C', 'D'], false]],
    });
  });

  it('a tie ending exactly on the quota does not straddle it', () => {
    // Quota 4 with ranks 1, 2, 3, 3: the tie fills places 3 and 4; nothing to warn about.
    const quota4: Track[] = [{ id: 't', categories: ['x'], quota: 4 }];
    const r = summary(straddling, quota4, 'exclude');
    expect(r.straddles).toEqual([]);
    expect(r.places.D).toEqual(['t', 3, true, null]);
    expect(r.places.E).toEqual(['t', 5, false, 'quota']);
  });

  it('without tracks: no track, no track rank, threshold decides', () => {
    const r = summary([p('A', 'x', 60, 1), p('B', 'x', 59.99, 2)], undefined as never);
    expect(r.places).toEqual({ A: [null, null, true, null], B: [null, null, false, 'threshold'] });
  });
});
