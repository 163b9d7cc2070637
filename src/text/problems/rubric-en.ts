import type { FamilyWords } from '../problems.js';
import type { RubricProblems, ValueShown } from './rubric.js';

const article = (expected: string) =>
  expected === 'array' ? 'a list' : expected === 'object' ? 'a mapping' : `a ${expected}`;
const shown = (v: ValueShown) =>
  v.kind === 'text'
    ? `"${v.text}"`
    : v.kind === 'other'
      ? v.text
      : v.kind === 'list'
        ? 'a list'
        : v.kind === 'mapping'
          ? 'a mapping'
          : 'empty';
const key = (k: string) => k || '(top level)';

export function rubricEn(): FamilyWords<RubricProblems> {
  return {
    'rule-positive': () => 'must be > 0',
    'rule-id-chars': () => 'must be lowercase letters, digits, "_" or "-"',
    'rule-not-empty': () => 'must not be empty',
    'rule-date': () => 'must be a date written YYYY-MM-DD',
    'rule-real-date': () => 'is not a real calendar date',
    'rule-whole-days': () => 'must be a whole number of days',
    'rule-at-least-one': () => 'must be >= 1',
    'rule-lang': () => 'must be zh or en',
    'rule-percent': () => 'must be from 0 to 100',
    'rule-aggregate': () => 'must be mean, trimmed-mean or median',
    'rule-whole': () => 'must be a whole number',
    'rule-not-negative': () => 'must be >= 0',
    'rule-normalize': () => 'must be none, zscore or offset',
    'rule-decimals': () => 'must be from 0 to 6',
    'rule-criteria': () => 'must list at least one criterion',
    'rule-judges': () => 'must list at least one judge',
    'rule-yuan': () => 'must be >= 0 (an amount of yuan)',
    'rule-cents': () => 'must be whole cents (at most 2 decimals)',
    'rule-categories': () => 'must list at least one roster category',
    'rule-whole-projects': () => 'must be a whole number of projects',
    'rule-tiers': () => 'must list at least one tier',
    'rule-grant': () => 'must be request or tiers',
    'rule-at-the-line': () => 'must be stop, skip or partial',
    'rule-tracks': () => 'must list at least one track',
    'rule-quota-ties': () => 'must be include or exclude',
    'yaml-invalid': (p) => `invalid YAML: ${p.detail}`,
    'yaml-alias-bomb': () =>
      'YAML aliases (*name) expand more than 100 times; refused as a possible "billion laughs" alias bomb',
    'rubric-unreadable': (p) => `cannot read the rubric: ${p.detail}`,
    'rubric-not-mapping': () => 'the rubric must be a mapping of keys (title, criteria, ...)',
    'rubric-unknown-key': (p) =>
      `${key(p.key)}: unknown key${p.hint !== undefined ? ` — did you mean "${p.hint}"?` : ''}`,
    'rubric-value': (p) => `${key(p.key)}: ${p.why}`,
    'value-required': () => 'is required',
    'value-type': (p) => `must be ${article(p.expected)}, not ${shown(p.got)}`,
    'value-min': (p) => `must be >= ${p.min}`,
    'value-other': (p) => p.message,
    'criterion-duplicate': (p) => `duplicate criterion id "${p.id}"`,
    'header-reserved': (p) => `"${p.name}" is reserved for the sheet's ${p.field} column`,
    'header-taken': (p) => `"${p.name}" is already a header of criterion "${p.owner}"`,
    'step-max': (p) => `the maximum ${p.max} is not a multiple of the step ${p.step}`,
    'tiebreak-unknown': (p) => `"${p.id}" is not a criterion id`,
    'notice-both': () =>
      'give either noticeDays (calendar days) or noticeWorkdays (working days), not both',
    'notice-start': () =>
      'counting working days needs a start: announcement.date or the review date',
    'notice-calendar': (p) =>
      `the notice period from ${p.start} runs into ${p.year}, but the holiday calendar (chinese-days) knows only ${p.first}-${p.last}; update pcv's chinese-days package or use noticeDays`,
    'track-duplicate': (p) => `duplicate track id "${p.id}" (also tracks[${p.first}])`,
    'track-budget-missing': (p) =>
      `track "${p.id}" has no budget while other tracks have one: give every track a budget, or none and a funding.budget`,
    'track-budget-both': () =>
      'the tracks have budgets of their own: give either a budget per track or funding.budget, not both',
    'funding-budget': () => 'funding needs a budget: funding.budget, or a budget on every track',
    'tiers-missing': () => 'grant: tiers needs a list of tiers (label, from, amount)',
    'tiers-unused': () => 'tiers are only used with grant: tiers',
    'tiers-order': (p) =>
      `tiers must be listed from the highest "from" down: ${p.from} follows ${p.prev}`,
  };
}
