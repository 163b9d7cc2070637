import { describe, expect, it } from 'vitest';
import { compareIds, plainOrder } from '../../src/core/id-order.js';

/*
 * compareIds orders plain ids (ASCII letters, digits, hyphens) itself and any other id with ICU's
 * collator; either way the order must be the collator's, ties broken by code units, as before.
 */
const collator = new Intl.Collator('en', { numeric: true });
const byCollator = (a: string, b: string) =>
  Math.sign(collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));

/** Every string of up to `length` characters over `alphabet`. */
function allStrings(alphabet: readonly string[], length: number): string[] {
  let level = [''];
  const all = [''];
  for (let n = 1; n <= length; n++) {
    level = level.flatMap((s) => alphabet.map((c) => s + c));
    all.push(...level);
  }
  return all;
}

/** A small deterministic generator (mulberry32), so a failure can be run again. */
function random(seed: number): () => number {
  let t = seed;
  return () => {
    t = (t + 0x6d2b79f5) | 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

describe('compareIds', () => {
  it('sorts ids naturally, lower case first among equals, then by code units (worked by hand)', () => {
    // A before J before P; J-1 before J1 (a hyphen before a number); among P's, the number 2
    // before 10; p2, P02 and P2 are all (p, 2) to the collator: p2 first (lower case), then P02
    // before P2 by code units ('0' < '2').
    const ids = ['P10', 'P2', 'p2', 'P02', 'J1', 'J-1', 'A'];
    expect([...ids].sort(compareIds)).toEqual(['A', 'J-1', 'J1', 'p2', 'P02', 'P2', 'P10']);
  });

  it("agrees with the collator on every pair of strings of up to 3 of '-', 0, 1, 9, a, A, b, Z", () => {
    const strings = allStrings(['-', '0', '1', '9', 'a', 'A', 'b', 'Z'], 3);
    expect(strings).toHaveLength(1 + 8 + 64 + 512);
    const wrong: string[] = [];
    for (const a of strings) {
      for (const b of strings) {
        if (Math.sign(compareIds(a, b)) !== byCollator(a, b)) wrong.push(`${a} ${b}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('agrees with the collator on random longer ids and on near twins of them', () => {
    const next = random(15);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    const piece = () => {
      const r = next();
      if (r < 0.15) return '-';
      if (r < 0.55) return pick(['a', 'B', 'p', 'P', 'z', 'Z', 'j', 'x']);
      // A number of 1 to 15 digits, sometimes with leading zeros.
      const digits = 1 + Math.floor(next() * 15);
      return Array.from({ length: digits }, () => pick(['0', '0', '1', '5', '9'])).join('');
    };
    const id = () => Array.from({ length: Math.floor(next() * 7) }, piece).join('');
    // A twin differs in one character's case, or gains a leading zero, so that the rules past
    // the first level (case, code units) are reached often.
    const twin = (s: string) => {
      const i = Math.floor(next() * (s.length + 1));
      const c = s[i] ?? '';
      const changed = /[a-z]/.test(c) ? c.toUpperCase() : /[A-Z]/.test(c) ? c.toLowerCase() : '0';
      return s.slice(0, i) + changed + s.slice(i + (changed === '0' ? 0 : 1));
    };
    const wrong: string[] = [];
    let plain = 0;
    for (let k = 0; k < 40_000; k++) {
      const a = id();
      const b = next() < 0.5 ? id() : twin(a);
      if (plainOrder(a, b) !== undefined) plain++;
      if (Math.sign(compareIds(a, b)) !== byCollator(a, b)) wrong.push(`${a} ${b}`);
    }
    expect(wrong).toEqual([]);
    // Both paths were taken: numbers side by side join into runs that may pass 15 digits (and
    // a twin may gain a 16th), which go to the collator; most pairs are plain.
    expect(plain).toBeGreaterThan(20_000);
    expect(plain).toBeLessThan(40_000);
  });

  it('hands any other id to the collator', () => {
    // Chinese, an underscore, a dot, a space, a 16-digit number, an accent.
    const others = ['项目1', 'a_b', 'x.1', 'P 1', '1234567890123456', 'é1'];
    for (const other of others) {
      expect(plainOrder(other, 'P1')).toBeUndefined();
      expect(plainOrder('P1', other)).toBeUndefined();
      for (const b of ['P1', 'p-2', '项目2', '1234567890123457'])
        expect(Math.sign(compareIds(other, b))).toBe(byCollator(other, b));
    }
  });
});
