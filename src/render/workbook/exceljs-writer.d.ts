// exceljs's streaming workbook writer by its own path (render/xlsx.ts): exceljs declares types
// for its entry only, so this names the module and gives it the entry's type of the class.
declare module 'exceljs/lib/stream/xlsx/workbook-writer.js' {
  import type { stream } from 'exceljs';
  const WorkbookWriter: typeof stream.xlsx.WorkbookWriter;
  export default WorkbookWriter;
}
