import { describe, expect, it } from 'vitest';
import { blockAgreement, largestCompleteBlock } from '../../src/core/complete-block.js';
import { STATISTICS_WORDS } from '../../src/text/report-statistics.js';

describe('largestCompleteBlock', () => {
  it('takes the judge set covering the most projects, then the most judges', () => {
    // Projects 0-2 by judges 0, 1, 2; project 3 by 0, 1 only; projects 4-5 by 2, 3.
    // {0, 1} is covered by projects 0-3 (4 projects), {0, 1, 2} by 3, {2, 3} by 2.
    const present = [
      [0, 1, 2],
      [0, 1, 2],
      [0, 1, 2],
      [0, 1],
      [2, 3],
      [2, 3],
    ];
    expect(largestCompleteBlock(present)).toEqual({ judges: [0, 1], projects: [0, 1, 2, 3] });
  });

  it('gives null statistics with a note when no block has 3 projects', () => {
    const rows = [
      new Map([
        [0, 70],
        [1, 72],
      ]),
      new Map([
        [1, 60],
        [2, 65],
      ]),
      new Map([
        [0, 80],
        [2, 81],
      ]),
    ];
    const a = blockAgreement(rows, ['a', 'b', 'c']);
    expect(a.kendallW).toBeNull();
    expect(a.icc.ICC3k).toBeNull();
    expect(a.note).toContain('the judges scored different projects (judge groups)');
    // The Chinese reason says the same, not "fewer than 2 judges" (n and k are 0 here).
    const zh = STATISTICS_WORDS.zh.agreementNote(a)!;
    expect(zh).toContain('分组评审');
    expect(zh).not.toContain('评委少于');
    expect(STATISTICS_WORDS.en.agreementNote(a)).toMatch(/^The judges scored different projects/);
  });
});
