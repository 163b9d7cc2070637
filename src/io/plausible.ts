/**
 * How plausible a decoded text is as a Chinese (or Japanese) score sheet. Every Big5 byte pair is
 * also valid GB18030, and short GBK text can be valid UTF-8, so "it decodes" proves nothing; what
 * the text turns into does. A right reading is made of frequent hanzi and CJK punctuation; a wrong
 * one of rare hanzi, private-use characters, half-width katakana, IPA letters or box drawing.
 */
export type Candidate = 'utf-8' | 'gb18030' | 'big5' | 'shift_jis';

/** Characters scored at most: a sample this large decides, and a 60 MB sheet stays fast. */
const SAMPLE = 20_000;

/** 0..1: the weighted share of plausible characters among the non-ASCII ones (1 when none). */
export function plausibility(text: string, encoding: Candidate): number {
  let total = 0;
  let n = 0;
  for (let i = 0; i < text.length && n < SAMPLE; i++) {
    const cp = text.codePointAt(i)!;
    if (cp < 0x80) continue;
    const wide = cp > 0xffff ? 2 : 1;
    const inLatinWord =
      isAsciiLetter(text.charCodeAt(i - 1)) || isAsciiLetter(text.charCodeAt(i + wide));
    total += weight(cp, encoding, inLatinWord);
    n++;
    i += wide - 1;
  }
  return n === 0 ? 1 : total / n;
}

const DIGIT = /\p{Nd}/u;
const isAsciiLetter = (cp: number) => (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
const within = (cp: number, lo: number, hi: number) => cp >= lo && cp <= hi;

function weight(cp: number, encoding: Candidate, inLatinWord: boolean): number {
  if (cp === 0xfffd || within(cp, 0xe000, 0xf8ff) || within(cp, 0x80, 0x9f)) return 0;
  if (within(cp, 0xff61, 0xff9f)) return 0; // half-width katakana: Shift_JIS read from GBK/Big5
  if (cp < 0x800) {
    // Two-byte UTF-8 is where GBK text happens to be valid UTF-8 (实施 = "ʵʩ"): a letter with a
    // diacritic belongs inside a Latin word (café), IPA and Greek to Cyrillic letters never
    // stand between the cells of a Chinese sheet.
    if (cp === 0xb7) return 1; // the middle dot of 银龄暖心·社区 and of names
    // A digit of another script (٨) is read as written, and refused as a score with its own message.
    if (DIGIT.test(String.fromCodePoint(cp))) return 1;
    if (within(cp, 0xa0, 0xbf) || cp === 0xd7 || cp === 0xf7) return 0.7;
    if (within(cp, 0xc0, 0x24f)) return inLatinWord ? 1 : 0.3;
    return 0;
  }
  // A valid three- or four-byte UTF-8 sequence is itself strong evidence: text in another
  // encoding almost never forms one, so any ordinary character counts.
  if (encoding === 'utf-8') return 1;
  if (within(cp, 0x4e00, 0x9fff)) {
    const tier = hanziTiers(encoding);
    return tier.common.has(cp) ? 1 : tier.second.has(cp) ? 0.5 : 0;
  }
  if (within(cp, 0x3040, 0x30ff)) return encoding === 'shift_jis' ? 1 : 0; // kana
  if (
    within(cp, 0x3000, 0x303f) || // CJK punctuation 、。《》「」【】
    within(cp, 0xff01, 0xff5e) || // full-width ASCII
    within(cp, 0xffe0, 0xffe6) || // ￥ ￡
    within(cp, 0x2010, 0x203b) || // — ‘ ’ “ ” … ※
    within(cp, 0x2100, 0x21ff) || // ℃ № Ⅰ →
    within(cp, 0x2460, 0x24ff) || // ① ⑴ ⒈
    within(cp, 0x25a0, 0x27bf) // ■ ○ ★ ✓
  ) {
    return 1;
  }
  return 0;
}

interface Tiers {
  common: Set<number>;
  second: Set<number>;
}
type Legacy = Exclude<Candidate, 'utf-8'>;
const tiers = new Map<Legacy, Tiers>();

/**
 * Frequent and less frequent hanzi of each legacy encoding, from its own frequency levels: GB2312
 * level 1 / 2 (simplified), Big5 常用 / 次常用 (traditional), JIS X 0208 level 1 / 2. Decoded from
 * the byte ranges with Node's own decoders, not typed in. Each reading is judged by its own
 * encoding's levels: a Big5 sheet read as GB18030 lands in GBK's rare extension hanzi, which are
 * frequent only in Big5. Each encoding's sets are built the first time a reading in it is judged
 * (tens of milliseconds each), so `pcv validate` of a GB18030 folder builds only what it asks.
 */
function hanziTiers(encoding: Legacy): Tiers {
  let tier = tiers.get(encoding);
  if (tier === undefined) {
    tier = TIER_RANGES[encoding]();
    tiers.set(encoding, tier);
  }
  return tier;
}

const big5Trails: [number, number][] = [
  [0x40, 0x7e],
  [0xa1, 0xfe],
];
const sjisTrails: [number, number][] = [
  [0x40, 0x7e],
  [0x80, 0xfc],
];
const TIER_RANGES: Record<Legacy, () => Tiers> = {
  gb18030: () => ({
    common: new Set(pairs('gb18030', [0xb0, 0xd7], [[0xa1, 0xfe]])),
    second: new Set(pairs('gb18030', [0xd8, 0xf7], [[0xa1, 0xfe]])),
  }),
  big5: () => ({
    common: new Set([
      ...pairs('big5', [0xa4, 0xc5], big5Trails),
      ...pairs('big5', [0xc6, 0xc6], [[0x40, 0x7e]]),
    ]),
    second: new Set(pairs('big5', [0xc9, 0xf9], big5Trails)),
  }),
  shift_jis: () => ({
    common: new Set(pairs('shift_jis', [0x88, 0x98], sjisTrails)),
    second: new Set([
      ...pairs('shift_jis', [0x99, 0x9f], sjisTrails),
      ...pairs('shift_jis', [0xe0, 0xea], sjisTrails),
    ]),
  }),
};

/** The hanzi that every lead byte in `leads` with every trail byte in `trails` decodes to. */
function pairs(label: string, leads: [number, number], trails: [number, number][]): number[] {
  // Built on every `pcv validate` of a GB18030 sheet, so written for a cold start: one typed
  // array instead of pushes, and the decoded text walked in place instead of split.
  const perLead = trails.reduce((n, [lo, hi]) => n + hi - lo + 1, 0);
  const bytes = new Uint8Array((leads[1] - leads[0] + 1) * perLead * 3);
  let at = 0;
  for (let lead = leads[0]; lead <= leads[1]; lead++) {
    for (const [lo, hi] of trails) {
      // A space after each pair keeps an undecodable pair from swallowing the next one.
      for (let trail = lo; trail <= hi; trail++) {
        bytes[at++] = lead;
        bytes[at++] = trail;
        bytes[at++] = 0x20;
      }
    }
  }
  const text = new TextDecoder(label).decode(bytes);
  const out: number[] = [];
  for (let start = 0; start < text.length;) {
    const space = text.indexOf(' ', start);
    const end = space < 0 ? text.length : space;
    // One UTF-16 unit: a hanzi of the basic plane, never half of a surrogate pair.
    if (end - start === 1 && within(text.charCodeAt(start), 0x4e00, 0x9fff)) {
      out.push(text.charCodeAt(start));
    }
    start = end + 1;
  }
  return out;
}
