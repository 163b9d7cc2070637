import type { Worded } from '../problems.js';

/**
 * The rules a rubric value must follow, named in the schemas (core/rubric.ts, tracks-schema.ts)
 * by these keys instead of an English sentence, so that a broken rule is worded in both
 * languages. Listed as values: core tells a rule from one of zod's own messages by this list.
 */
export const RUBRIC_RULES = [
  'rule-positive',
  'rule-id-chars',
  'rule-not-empty',
  'rule-date',
  'rule-real-date',
  'rule-whole-days',
  'rule-at-least-one',
  'rule-lang',
  'rule-percent',
  'rule-aggregate',
  'rule-whole',
  'rule-not-negative',
  'rule-normalize',
  'rule-decimals',
  'rule-criteria',
  'rule-judges',
  'rule-yuan',
  'rule-cents',
  'rule-categories',
  'rule-whole-projects',
  'rule-tiers',
  'rule-grant',
  'rule-at-the-line',
  'rule-tracks',
  'rule-quota-ties',
] as const;
export type RubricRule = (typeof RUBRIC_RULES)[number];

/** The kind of a value as the user wrote it, for "must be a number, not …". */
export type ValueShown =
  | { kind: 'empty' | 'list' | 'mapping' }
  | { kind: 'text'; text: string }
  | { kind: 'other'; text: string };

export type RubricProblems = { [K in RubricRule]: Record<string, never> } & {
  'yaml-invalid': { detail: string };
  'yaml-alias-bomb': Record<string, never>;
  'rubric-unreadable': { detail: string };
  'rubric-not-mapping': Record<string, never>;
  /** `key` is the key's path (`criteria[1].lable`), '' for the top level. */
  'rubric-unknown-key': { key: string; hint?: string };
  /** A value breaking `why` (a rule, or one of the keys below). */
  'rubric-value': { key: string; why: Worded };
  'value-required': Record<string, never>;
  /** `expected` as zod names a type: string, number, boolean, array, object, … */
  'value-type': { expected: string; got: ValueShown };
  'value-min': { min: string };
  /** One of zod's own messages, for an issue no rule names (kept as zod words it). */
  'value-other': { message: string };
  'criterion-duplicate': { id: string };
  'header-reserved': { name: string; field: string };
  'header-taken': { name: string; owner: string };
  'step-max': { max: number; step: number };
  'tiebreak-unknown': { id: string };
  'notice-both': Record<string, never>;
  'notice-start': Record<string, never>;
  'notice-calendar': { start: string; year: number; first: number; last: number };
  'track-duplicate': { id: string; first: number };
  'track-budget-missing': { id: string };
  'track-budget-both': Record<string, never>;
  'funding-budget': Record<string, never>;
  'tiers-missing': Record<string, never>;
  'tiers-unused': Record<string, never>;
  'tiers-order': { from: number; prev: number };
};
