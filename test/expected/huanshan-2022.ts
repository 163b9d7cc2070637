// Expected results for fixtures/huanshan-2022 and fixtures/basic, computed independently of pcv:
// a throwaway Python script decoded each sheet with its own encoding and delimiter (UTF-8+BOM,
// GB18030, UTF-8 ';', UTF-8 with full-width digits, UTF-16LE tab), folded full-width digits to
// ASCII, and did all arithmetic in exact rationals (fractions.Fraction), never binary floats.
//
// huanshan-2022: rubric weights are left out and the maxima add up to 100, so a judge's total is
// the plain sum of the four scores. final = trimmed mean with trim 1: over the totals of the judges
// who did not recuse, drop the single highest and the single lowest, average the rest (3 of 5
// totals; 2 of 4 for P09, where judge-c recused). Rounded half-up to 2 decimals (floor(x*100 + 1/2)
// / 100 on the exact fraction). passed = rounded final >= 60. rank = competition ranking on the
// rounded final (1, 2, 2, 4); equal rounded finals are separated by the tieBreak criterion
// service_plan, aggregated the same way (trimmed mean of the non-recused judges' service_plan
// scores), higher first; still equal -> shared rank.
//
// Worked by hand:
//
// P09 (judge-c recused): a 15.5+15.5+31.5+14.5 = 77, b 18.5+16.5+36.5+18 = 89.5,
//   d 16.5+16.5+33+16.5 = 82.5, e 15.5+16.5+29.5+14.5 = 76. Four totals 76, 77, 82.5, 89.5;
//   drop 76 and 89.5 -> (77 + 82.5) / 2 = 79.75. Passed, rank 5.
//
// P19 (the narrow pass): a 12.5+12+23.5+11.5 = 59.5, b 12.5+13+26.5+12.5 = 64.5,
//   c 10+12+18.5+13 = 53.5, d 13.5+13+25.5+14 = 66, e 11.5+11+24+11.5 = 58.
//   Sorted 53.5, 58, 59.5, 64.5, 66; drop 53.5 and 66 -> (58 + 59.5 + 64.5) / 3 = 182/3
//   = 60.6666... -> half-up 60.67 (truncation would give 60.66). 60.67 >= 60: passed, rank 21.
//
// P04 vs P11 (tie broken by service_plan):
//   P04: a 15+17+34+15 = 81, b 17.5+16+37+20 = 90.5, c 17+14+29+14 = 74, d 16.5+16+31+16 = 79.5,
//        e 16.5+15+35+15.5 = 82. Middle three 79.5 + 81 + 82 = 242.5 -> 485/6 = 80.8333 -> 80.83.
//   P11: a 15+15+34.5+16 = 80.5, b 19+18+30+16.5 = 83.5, c 16+15+31.5+16 = 78.5,
//        d 17.5+17+31+18 = 83.5, e 15+16+33+14.5 = 78.5. Sorted 78.5, 78.5, 80.5, 83.5, 83.5;
//        middle 78.5 + 80.5 + 83.5 = 242.5 -> 80.83 as well (exactly equal, not only after rounding).
//   service_plan: P04 34, 37, 29, 31, 35 -> (31 + 34 + 35) / 3 = 33.33;
//                 P11 34.5, 30, 31.5, 31, 33 -> (31 + 31.5 + 33) / 3 = 31.83. So P04 rank 3, P11 rank 4.
//
// P02 and P16 share rank 8: both finals are exactly 75.5 and both service_plan aggregates are
//   90.5/3 (P02: 31.5, 36.5, 28, 30.5, 28.5 -> 28.5 + 30.5 + 31.5; P16: 28.5, 33, 28.5, 36, 29 ->
//   28.5 + 29 + 33), so the next project (P13) is rank 10.
//
// Finals whose exact value has more than 2 decimals (thirds/sixths): P06 85.1666.., P01 84.1666..,
// P04 and P11 80.8333.., P18, P10, P03, P21, P14, P08, P05, P15, P17, P20, P12, P19.
// All 21 projects pass (as at the real event on 2022-06-14).

export interface ExpectedProject {
  id: string;
  final: number;
  rank: number;
  passed: boolean;
  totals: Record<string, number | 'recused'>;
}

export const expected: ExpectedProject[] = [
  {
    id: 'P06',
    final: 85.17,
    rank: 1,
    passed: true,
    totals: { 'judge-a': 83.5, 'judge-b': 95, 'judge-c': 79.5, 'judge-d': 90.5, 'judge-e': 81.5 },
  },
  {
    id: 'P01',
    final: 84.17,
    rank: 2,
    passed: true,
    totals: { 'judge-a': 79, 'judge-b': 88.5, 'judge-c': 78, 'judge-d': 87, 'judge-e': 86.5 },
  },
  {
    id: 'P04',
    final: 80.83,
    rank: 3,
    passed: true,
    totals: { 'judge-a': 81, 'judge-b': 90.5, 'judge-c': 74, 'judge-d': 79.5, 'judge-e': 82 },
  },
  {
    id: 'P11',
    final: 80.83,
    rank: 4,
    passed: true,
    totals: { 'judge-a': 80.5, 'judge-b': 83.5, 'judge-c': 78.5, 'judge-d': 83.5, 'judge-e': 78.5 },
  },
  {
    id: 'P09',
    final: 79.75,
    rank: 5,
    passed: true,
    totals: {
      'judge-a': 77,
      'judge-b': 89.5,
      'judge-c': 'recused',
      'judge-d': 82.5,
      'judge-e': 76,
    },
  },
  {
    id: 'P18',
    final: 77.83,
    rank: 6,
    passed: true,
    totals: { 'judge-a': 76.5, 'judge-b': 86.5, 'judge-c': 72, 'judge-d': 82, 'judge-e': 75 },
  },
  {
    id: 'P10',
    final: 76.33,
    rank: 7,
    passed: true,
    totals: { 'judge-a': 74, 'judge-b': 81.5, 'judge-c': 69, 'judge-d': 78.5, 'judge-e': 76.5 },
  },
  {
    id: 'P02',
    final: 75.5,
    rank: 8,
    passed: true,
    totals: { 'judge-a': 75.5, 'judge-b': 87, 'judge-c': 73, 'judge-d': 77, 'judge-e': 74 },
  },
  {
    id: 'P16',
    final: 75.5,
    rank: 8,
    passed: true,
    totals: { 'judge-a': 70, 'judge-b': 81, 'judge-c': 68.5, 'judge-d': 83, 'judge-e': 75.5 },
  },
  {
    id: 'P13',
    final: 75,
    rank: 10,
    passed: true,
    totals: { 'judge-a': 73.5, 'judge-b': 80, 'judge-c': 71.5, 'judge-d': 73.5, 'judge-e': 78 },
  },
  {
    id: 'P03',
    final: 74.17,
    rank: 11,
    passed: true,
    totals: { 'judge-a': 75, 'judge-b': 82.5, 'judge-c': 69.5, 'judge-d': 71, 'judge-e': 76.5 },
  },
  {
    id: 'P07',
    final: 73.5,
    rank: 12,
    passed: true,
    totals: { 'judge-a': 75, 'judge-b': 82.5, 'judge-c': 68, 'judge-d': 77.5, 'judge-e': 67.5 },
  },
  {
    id: 'P21',
    final: 72.83,
    rank: 13,
    passed: true,
    totals: { 'judge-a': 72, 'judge-b': 79.5, 'judge-c': 68.5, 'judge-d': 75.5, 'judge-e': 71 },
  },
  {
    id: 'P14',
    final: 71.83,
    rank: 14,
    passed: true,
    totals: { 'judge-a': 68, 'judge-b': 78, 'judge-c': 64, 'judge-d': 71.5, 'judge-e': 76 },
  },
  {
    id: 'P08',
    final: 71.33,
    rank: 15,
    passed: true,
    totals: { 'judge-a': 74.5, 'judge-b': 84.5, 'judge-c': 68, 'judge-d': 68, 'judge-e': 71.5 },
  },
  {
    id: 'P05',
    final: 70.83,
    rank: 16,
    passed: true,
    totals: { 'judge-a': 69.5, 'judge-b': 74.5, 'judge-c': 60.5, 'judge-d': 76, 'judge-e': 68.5 },
  },
  {
    id: 'P15',
    final: 70.33,
    rank: 17,
    passed: true,
    totals: { 'judge-a': 72, 'judge-b': 72.5, 'judge-c': 63, 'judge-d': 69.5, 'judge-e': 69.5 },
  },
  {
    id: 'P17',
    final: 69.67,
    rank: 18,
    passed: true,
    totals: { 'judge-a': 69, 'judge-b': 70.5, 'judge-c': 58.5, 'judge-d': 69.5, 'judge-e': 71 },
  },
  {
    id: 'P20',
    final: 68.83,
    rank: 19,
    passed: true,
    totals: { 'judge-a': 68, 'judge-b': 73, 'judge-c': 65, 'judge-d': 71.5, 'judge-e': 67 },
  },
  {
    id: 'P12',
    final: 67.17,
    rank: 20,
    passed: true,
    totals: { 'judge-a': 64.5, 'judge-b': 69.5, 'judge-c': 57, 'judge-d': 70, 'judge-e': 67.5 },
  },
  {
    id: 'P19',
    final: 60.67,
    rank: 21,
    passed: true,
    totals: { 'judge-a': 59.5, 'judge-b': 64.5, 'judge-c': 53.5, 'judge-d': 66, 'judge-e': 58 },
  },
];

// fixtures/basic: aggregate mean, threshold 70, decimals 2. Weights impact 40 (max 10),
// feasibility 30 (max 10), budget 10 (max 5); they add up to 80, so
//   total = 100 * (40*impact/10 + 30*feasibility/10 + 10*budget/5) / 80
//         = 5*impact + 3.75*feasibility + 2.5*budget.
// Worked by hand, B4: judge-1 (7.5, 7, 3) -> 37.5 + 26.25 + 7.5 = 71.25;
//   judge-2 (7, 8, 3.5) -> 35 + 30 + 8.75 = 73.75; judge-3 (8, 7.5, 2.5) -> 40 + 28.125 + 6.25 = 74.375.
//   mean = 219.375 / 3 = 73.125 exactly -> half-up 73.13 (half-even rounding would give 73.12).
// B3 is exactly 70 (64.375 + 71.875 + 73.75 = 210): passes at the threshold. B5 (58.75) fails.
export const expectedBasic: ExpectedProject[] = [
  {
    id: 'B1',
    final: 87.71,
    rank: 1,
    passed: true,
    totals: { 'judge-1': 88.125, 'judge-2': 86.25, 'judge-3': 88.75 },
  },
  {
    id: 'B2',
    final: 80.42,
    rank: 2,
    passed: true,
    totals: { 'judge-1': 80, 'judge-2': 81.875, 'judge-3': 79.375 },
  },
  {
    id: 'B4',
    final: 73.13,
    rank: 3,
    passed: true,
    totals: { 'judge-1': 71.25, 'judge-2': 73.75, 'judge-3': 74.375 },
  },
  {
    id: 'B3',
    final: 70,
    rank: 4,
    passed: true,
    totals: { 'judge-1': 64.375, 'judge-2': 71.875, 'judge-3': 73.75 },
  },
  {
    id: 'B5',
    final: 58.75,
    rank: 5,
    passed: false,
    totals: { 'judge-1': 56.25, 'judge-2': 60.625, 'judge-3': 59.375 },
  },
];
