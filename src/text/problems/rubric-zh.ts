import type { FamilyWords } from '../problems.js';
import type { RubricProblems } from './rubric.js';

export const rubricZh: FamilyWords<RubricProblems> = {};
