import { describe, expect, it } from 'vitest';
import { rankMoveLimit } from '../../src/core/analytics.js';

describe('rankMoveLimit', () => {
  it('is 3 places, or 2% of the projects in a large review (rounded up)', () => {
    expect(rankMoveLimit(5)).toBe(3);
    expect(rankMoveLimit(21)).toBe(3);
    expect(rankMoveLimit(150)).toBe(3); // 2% of 150 = 3
    expect(rankMoveLimit(151)).toBe(4); // 3.02 -> 4
    expect(rankMoveLimit(10_000)).toBe(200);
  });
});
