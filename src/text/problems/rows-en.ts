import type { FamilyWords } from '../problems.js';
import type { RowProblems } from './rows.js';

const dash = (advice: string | undefined) => (advice === undefined ? '' : ` — ${advice}`);
/** `cell 8` or `cells 8-9`. */
const cellNames = (from: number, to: number) =>
  to - from === 1 ? `cell ${to}` : `cells ${from + 1}-${to}`;
const hold = (n: number, one: string, many: string) => (n === 1 ? one : many);

export function rowsEn(): FamilyWords<RowProblems> {
  return {
    'row-short': (p) =>
      `this row has ${p.cells} cells but the header has ${p.width}; a delimiter is missing`,
    'row-long-filled': (p) =>
      `this row has ${p.cells} cells but the header has ${p.width}: ${cellNames(p.from, p.cells)} beyond the last column ${hold(p.cells - p.from, 'holds', 'hold')} ${p.values.map((v) => JSON.stringify(v)).join(', ')}${p.more ? ', …' : ''}${p.advice !== undefined ? dash(p.advice) : '; is there an unquoted delimiter in a cell?'}`,
    'row-long-empty': (p) =>
      `this row has ${p.cells} cells but the header has ${p.width}: ${cellNames(p.from, p.cells)} beyond the last column ${hold(p.cells - p.from, 'is', 'are')} empty here but missing on line ${p.line}${p.advice !== undefined ? dash(p.advice) : '; is there a delimiter too many?'}`,
    'decimal-comma-advice': ({ splits }) => {
      const written = splits.map((s) => `"${s.written}" under ${s.criterion}`).join(' and ');
      const meant = splits.map((s) => s.meant).join(' and ');
      const one = splits.length === 1;
      return `${written} ${one ? 'looks' : 'look'} like ${meant} written with ${one ? 'a decimal comma, which splits it' : 'decimal commas, which split them'} into two cells in a comma-separated sheet: write ${meant}, or save the sheet with semicolons`;
    },
    'decimal-comma': (p) => `the number ${p.text} here is probably a shifted score: ${p.advice}`,
    'recused-value': (p) => `"${p.text}" is not yes or no${dash(p.advice)}`,
    'total-invalid': (p) => `total "${p.text}" is not a number${dash(p.advice)}`,
    'total-mismatch': (p) =>
      `the written total ${p.written} does not match the sum of the scores ${p.actual}${dash(p.advice)}`,
    'project-control': (p) => `project id contains a control character (${p.control})`,
    'project-unknown': (p) =>
      `project ${p.project} is not in the roster (${p.roster})${dash(p.hint)}`,
    'project-hint': (p) =>
      `did you mean ${p.meant.map((m) => (m.name !== undefined ? `${m.id} (${m.name})` : m.id)).join(' or ')}?${p.zeros ? ' (Excel drops the leading zeros of an id it takes for a number: format the id column as text)' : ''}`,
    'judge-duplicate': (p) =>
      `judge "${p.judge}" also has the sheet ${p.other}; each judge hands in one sheet`,
    'project-unscored': (p) =>
      `no row for project ${p.project}${p.name ? ` (${p.name})` : ''}${
        p.assigned !== undefined
          ? `, assigned to ${p.judge} in ${p.assigned}`
          : p.withRoster
            ? ''
            : `, which other judges scored${p.sameId !== undefined ? ` (is ${p.sameId.project} on line ${p.sameId.line} the same project? write its id the same way in every sheet)` : ''}`
      }; add its scores, or mark the judge recused`,
    'name-differs': (p) =>
      `project ${p.project} is called "${p.name}" here but "${p.rosterName}" in the roster`,
    'trim-too-large': (p) =>
      `trim: ${p.trim} drops ${2 * p.trim} of the ${p.judges} judges' totals and leaves none; lower trim or use mean or median`,
    'project-unassigned': (p) =>
      `project ${p.project} is not assigned to ${p.judge} in ${p.file}; remove the row, or assign the project`,
  };
}
