import type { FamilyWords } from '../problems.js';
import type { FileProblems } from './files.js';

export const filesEn: FamilyWords<FileProblems> = {};
