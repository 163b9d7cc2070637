import type { Results } from '../../core/model.js';
import { VERSION } from '../../version.js';
import { fingerprint } from '../json.js';
import type { WorkbookLabels as Labels } from '../../text/report-workbook.js';

import { type CellSpec, type RowSpec, type SheetSpec } from './writer.js';
import { STYLE, text, number, headerRow } from './style.js';

export type FileRow = [role: string, file: string, sha256: string];

export function aboutSheet(results: Results, t: Labels, generatedAt: Date): SheetSpec {
  const { rubric } = results;
  const passed = results.projects.filter((p) => p.passed).length;
  const labelOf = new Map(rubric.criteria.map((c) => [c.id, c.label]));
  const files: FileRow[] = [
    [t.rubricFile, results.rubricFile.file, results.rubricFile.sha256],
    ...(results.rosterFile
      ? [[t.rosterFile, results.rosterFile.file, results.rosterFile.sha256] satisfies FileRow]
      : []),
    ...(results.assignmentsFile
      ? [
          [
            t.assignmentsFile,
            results.assignmentsFile.file,
            results.assignmentsFile.sha256,
          ] satisfies FileRow,
        ]
      : []),
    ...results.judges.map((j): FileRow => [`${t.sheetFile} ${j.id}`, j.file, j.sha256]),
  ];
  const kv = (key: string, value: CellSpec): RowSpec => [text(key, STYLE.key), value];
  return {
    name: t.sheets.about,
    columns: [{ max: 30 }, { max: 50 }, { max: 66 }, {}, {}],
    *rows() {
      yield kv(t.title, text(rubric.title, STYLE.text));
      yield kv(t.organizer, text(rubric.organizer, STYLE.text));
      yield kv(t.date, text(rubric.date));
      yield kv(t.projects, number(results.projects.length));
      yield kv(t.passed, number(passed));
      yield kv(t.failed, number(results.projects.length - passed));
      yield kv(t.threshold, number(rubric.threshold));
      yield kv(t.aggregate, text(t.method(rubric.aggregate, rubric.trim), STYLE.text));
      yield kv(t.decimals, text(t.rounding(rubric.decimals), STYLE.text));
      yield kv(
        t.tieBreak,
        text(
          rubric.tieBreak.length > 0
            ? rubric.tieBreak.map((id) => `${labelOf.get(id) ?? id} (${id})`).join(', ')
            : t.none,
        ),
      );
      yield [];
      yield [text(t.criteria, STYLE.section)];
      yield headerRow([t.criterionId, t.label, t.max, t.weight, t.step]);
      for (const c of rubric.criteria) {
        yield [
          text(c.id),
          text(c.label),
          number(c.max),
          number(c.weight),
          c.step !== undefined ? number(c.step) : undefined,
        ];
      }
      yield [];
      yield [text(t.inputs, STYLE.section)];
      yield headerRow([t.role, t.file, t.sha256]);
      for (const [role, file, sha] of files) yield [text(role), text(file), text(sha)];
      yield [];
      yield kv(t.fingerprint, text(fingerprint(results)));
      yield kv(t.version, text(`pcv ${VERSION}`));
      yield kv(t.generatedAt, text(generatedAt.toISOString()));
    },
  };
}
