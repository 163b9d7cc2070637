import type { Roster } from '../core/roster.js';
import type { Criterion, Lang, Rubric } from '../core/rubric.js';
import { reportText } from '../text/report.js';
import { pinZipTimestamps } from './xlsx-zip.js';

/** Column headers of a blank score sheet; criteria carry their range so judges see it. */
export function templateHeaders(rubric: Rubric, lang: Lang): string[] {
  const h = reportText(lang).template.headers;
  return [
    h.project,
    h.name,
    ...rubric.criteria.map((c) => criterionHeader(c)),
    h.recused,
    h.comment,
  ];
}

/** `路演展示 (0-20)`: the label with the range; pcv ignores a bracketed range when matching. */
function criterionHeader(c: Criterion): string {
  return `${c.label} (0-${c.max})`;
}

/** A blank sheet as CSV: UTF-8 with a BOM so Excel shows Chinese correctly, CRLF as Excel writes. */
export function templateCsv(rubric: Rubric, roster: Roster, lang: Lang): string {
  const rows = [templateHeaders(rubric, lang)];
  for (const p of roster.projects.values()) {
    rows.push([p.id, p.name ?? '', ...rubric.criteria.map(() => ''), '', '']);
  }
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A blank score sheet as .xlsx: ids and names locked, one column per criterion with data
 * validation (0..max, and the step), a recused drop-down, frozen header, print setup, and an
 * instructions sheet. The first worksheet is the one pcv reads back.
 */
export async function templateXlsx(
  rubric: Rubric,
  roster: Roster,
  lang: Lang,
  judge: string,
  when: Date,
): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const t = reportText(lang).template;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'pcv';
  wb.created = when;
  wb.modified = when;
  const ws = wb.addWorksheet(t.sheet, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  const headers = templateHeaders(rubric, lang);
  ws.addRow(headers);
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  ws.pageSetup.printTitlesRow = '1:1';

  const firstScore = 3;
  const recusedCol = firstScore + rubric.criteria.length;
  for (const p of roster.projects.values()) {
    ws.addRow([p.id, p.name ?? '']);
  }
  const last = roster.projects.size + 1;
  for (let r = 2; r <= last; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= headers.length; c++) {
      const cell = row.getCell(c);
      cell.border = { top: thin, bottom: thin, left: thin, right: thin };
      if (c < firstScore) {
        cell.protection = { locked: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
        // Ids are text: "001" must not become the number 1.
        cell.numFmt = '@';
        continue;
      }
      cell.protection = { locked: false };
      const criterion = rubric.criteria[c - firstScore];
      if (criterion !== undefined) {
        const ref = cell.address;
        const step = criterion.step;
        cell.dataValidation =
          step === undefined
            ? {
                type: 'decimal',
                operator: 'between',
                allowBlank: true,
                formulae: [0, criterion.max],
                showErrorMessage: true,
                errorTitle: criterion.label,
                error: t.range(criterion),
              }
            : {
                type: 'custom',
                allowBlank: true,
                formulae: [
                  `AND(ISNUMBER(${ref}),${ref}>=0,${ref}<=${criterion.max},MOD(${ref},${step})=0)`,
                ],
                showErrorMessage: true,
                errorTitle: criterion.label,
                error: t.range(criterion),
              };
      } else if (c === recusedCol) {
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${t.yes},${t.no}"`],
          showErrorMessage: true,
        };
      }
    }
  }
  ws.columns.forEach((col, i) => {
    col.width = i === 1 ? 36 : i === headers.length - 1 ? 40 : 14;
  });
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });

  const info = wb.addWorksheet(t.instructions);
  for (const line of t.lines(judge, rubric)) info.addRow([line]);
  info.getColumn(1).width = 100;

  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return pinZipTimestamps(buffer, when);
}

const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
