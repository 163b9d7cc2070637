import ExcelJS from 'exceljs';

/* Reading a rendered workbook back with exceljs, as the workbook tests do. */

export async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return book;
}

export function sheet(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = book.getWorksheet(name);
  if (!ws)
    throw new Error(`no sheet "${name}" in ${book.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

/** A row's values from column A on (exceljs puts a hole at index 0). */
export const values = (row: ExcelJS.Row) => (row.values as ExcelJS.CellValue[]).slice(1);
