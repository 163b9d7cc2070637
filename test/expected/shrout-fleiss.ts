/**
 * Shrout, P. E. & Fleiss, J. L. (1979). Intraclass correlations: uses in assessing rater
 * reliability. Psychological Bulletin 86(2), 420-428: their example of 6 targets rated by 4
 * judges. Published: ICC1 0.17, ICC2 0.29, ICC3 0.71, ICC1k 0.44, ICC2k 0.62, ICC3k 0.91.
 */
export const SHROUT_FLEISS: readonly (readonly number[])[] = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];
