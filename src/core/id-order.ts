/*
 * Natural order for ids (P2 before P10), as ICU's collator orders them with numeric collation:
 * `new Intl.Collator('en', { numeric: true })`, ties broken by code units. Making that collator
 * costs ~9-17 ms of ICU start-up on the first use in a process (`pcv validate` takes ~300 ms in
 * all), so ids made of ASCII letters, digits and hyphens — nearly all ids — are compared here by
 * the rules the collator applies to them, and the collator is made only for any other id.
 *
 * The rules, for those characters in the root collation: a hyphen sorts before a number and a
 * number before a letter; a run of digits is one number, compared by value (leading zeros
 * ignored); letters compare alphabetically, case aside; the first difference decides, and a
 * string that is the start of the other sorts first. Only when all that is equal does case
 * count: at the first letter that differs in case, the lower-case one sorts first.
 * test/core/id-order.test.ts holds this to the collator on every pair of short strings over
 * these characters and on random longer ones.
 */

let natural: Intl.Collator | undefined;

/** Natural order for ids: P2 before P10. */
export function compareIds(a: string, b: string): number {
  const order =
    plainOrder(a, b) ?? (natural ??= new Intl.Collator('en', { numeric: true })).compare(a, b);
  return order || (a < b ? -1 : a > b ? 1 : 0);
}

/** Ids this file orders itself: letters, digits and hyphens, no number longer than 15 digits. */
const PLAIN = /^(?:[A-Za-z-]|[0-9]{1,15}(?![0-9]))*$/;

const HYPHEN = 0;
const NUMBER = 1;
const LETTER = 2;

/** For the characters of a plain id: '-' is 45, digits 48-57, letters above. */
const kindOf = (code: number) => (code === 45 ? HYPHEN : code <= 57 ? NUMBER : LETTER);

/** The end of the run of digits that starts at `from`. */
function digitsEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && kindOf(text.charCodeAt(end)) === NUMBER) end++;
  return end;
}

/** The collator's order of two plain ids (0 when it finds them equal); undefined for others. */
export function plainOrder(a: string, b: string): number | undefined {
  if (!PLAIN.test(a) || !PLAIN.test(b)) return undefined;
  let i = 0;
  let j = 0;
  let byCase = 0;
  while (i < a.length && j < b.length) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    const kind = kindOf(x);
    if (kind !== kindOf(y)) return kind < kindOf(y) ? -1 : 1;
    if (kind === NUMBER) {
      const endA = digitsEnd(a, i);
      const endB = digitsEnd(b, j);
      // At most 15 digits (PLAIN): exact as numbers.
      const m = Number(a.slice(i, endA));
      const n = Number(b.slice(j, endB));
      if (m !== n) return m < n ? -1 : 1;
      i = endA;
      j = endB;
      continue;
    }
    if (kind === LETTER) {
      // 'a' is 'A' + 32: the same letter either way, case aside.
      const lx = x | 32;
      const ly = y | 32;
      if (lx !== ly) return lx < ly ? -1 : 1;
      // Lower case (the larger code) sorts first, if nothing else differs.
      if (byCase === 0 && x !== y) byCase = x > y ? -1 : 1;
    }
    i++;
    j++;
  }
  if (i < a.length || j < b.length) return i < a.length ? 1 : -1;
  return byCase;
}
