import type { FamilyWords } from '../problems.js';
import type { ReviewProblems } from './review.js';

export const reviewZh: FamilyWords<ReviewProblems> = {};
