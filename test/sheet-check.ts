import { formatIssue } from '../src/core/issues.js';
import { parseRoster } from '../src/core/roster.js';
import { parseRubric, type Rubric } from '../src/core/rubric.js';
import { validateSheet } from '../src/core/sheet.js';
import { parseCsv } from '../src/io/csv.js';
import { wordProblem } from '../src/text/word.js';

/** The Huanshan 2022 criteria as rubric.yaml lists them: maxima 20, 20, 40, 20, steps of 0.5. */
export const HUANSHAN_CRITERIA = `criteria:
  - { id: roadshow, label: 路演展示, max: 20, step: 0.5 }
  - { id: qualification, label: 组织资质, max: 20, step: 0.5 }
  - { id: service_plan, label: 服务方案, max: 40, step: 0.5 }
  - { id: management, label: 项目管理, max: 20, step: 0.5 }
`;

/** A rubric of the Huanshan 2022 criteria, pass mark 60. */
export const HUANSHAN: Rubric = parseRubric(
  `title: T\nthreshold: 60\n${HUANSHAN_CRITERIA}`,
  'rubric.yaml',
).rubric!;

/** CSV text to rows, and whether its delimiter allows a decimal comma. */
export function rows(text: string) {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(wordProblem(parsed.message, 'en'));
  return { rows: parsed.rows, decimalComma: parsed.delimiter !== ',' };
}

/** Validates CSV text as the sheet judge-a.csv: its messages, and each project's scores as text. */
export function checkSheet(text: string, roster?: string, rubric = HUANSHAN) {
  const r =
    roster === undefined ? undefined : parseRoster(rows(roster).rows, 'projects.csv').roster;
  const result = validateSheet(
    { file: 'judge-a.csv', baseName: 'judge-a', ...rows(text) },
    rubric,
    r,
  );
  const scores = new Map(
    [...(result.sheet?.entries.values() ?? [])].map((e) => [
      e.project,
      [...e.scores.values()].map(String).join(' '),
    ]),
  );
  return { sheet: result.sheet, scores, messages: result.issues.map(formatIssue) };
}
