import { checkLimits, type Row } from './csv.js';
import { checkZip } from './zip-guard.js';

export type XlsxTable =
  { ok: true; rows: Row[]; sheet: string } | { ok: false; message: string; line?: number };

/**
 * Reads the first worksheet of an .xlsx score sheet into rows of text, like a CSV: numbers as
 * their shortest decimal text, formulas by their cached result, rich text flattened. Row numbers
 * are the worksheet's, so messages point at the cell the judge sees.
 */
export async function readXlsxRows(bytes: Uint8Array): Promise<XlsxTable> {
  const refused = checkZip(bytes);
  if (refused !== undefined) return { ok: false, message: refused };
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never,
    );
  } catch (err) {
    return {
      ok: false,
      message: `the workbook cannot be read (${String((err as Error).message ?? err).split('\n')[0]}); save it again in Excel or WPS`,
    };
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) return { ok: false, message: 'the workbook has no worksheet' };
  const rows: Row[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    rows.push({ line: rowNumber, cells });
  });
  // A header row decides the width; pad every row to it so that trailing empty cells do not
  // look like missing delimiters.
  const width = rows[0]?.cells.length ?? 0;
  for (const r of rows) while (r.cells.length < width) r.cells.push('');
  return checkLimits(rows) ?? { ok: true, rows, sheet: sheet.name };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as {
      richText?: { text: string }[];
      result?: unknown;
      text?: unknown;
      error?: string;
    };
    if (Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result);
    if (typeof v.text === 'string') return v.text;
    if (typeof v.error === 'string') return v.error;
  }
  return String(value);
}
