import { Writable } from 'node:stream';
import type { Results } from '../core/model.js';
import { VERSION } from '../version.js';
import { reportText } from '../text/report.js';
import { pinZipTimestamps } from './xlsx-zip.js';

import { writeSheet, sheetOptions } from './workbook/writer.js';
import { CellMeasure } from './workbook/measure.js';
import { summarySheet } from './workbook/summary.js';
import { scoresSheet } from './workbook/scores.js';
import { judgesSheet } from './workbook/judges.js';
import { agreementSheet } from './workbook/agreement.js';
import { flagsSheet } from './workbook/flags.js';
import { warningsSheet } from './workbook/warnings.js';
import { aboutSheet } from './workbook/about.js';
import { fundingSheet } from './workbook/funding.js';
export interface WorkbookOptions {
  /** The time of the run, stamped into the workbook: never read from the clock here. */
  generatedAt: Date;
}

/**
 * results.xlsx: Summary, (Funding,) Scores, Judges, Agreement, Flags, (Warnings,) About. Identical results
 * and options give identical bytes.
 */
export async function renderWorkbook(results: Results, options: WorkbookOptions): Promise<Buffer> {
  // Only the streaming writer and what it requires (~40 % of exceljs's code): not the reader, the
  // in-memory Workbook or the CSV support, which the bundle would otherwise compile on every
  // workbook written (~70 ms of CPU on review day). Loaded only by the commands that write one.
  const { default: WorkbookWriter } = await import('exceljs/lib/stream/xlsx/workbook-writer.js');
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  // The streaming writer keeps one row at a time instead of the whole workbook model.
  const book = new WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: true,
  });
  const when = options.generatedAt;
  book.created = when;
  book.modified = when;
  book.lastPrinted = when;
  book.creator = `pcv ${VERSION}`;
  book.lastModifiedBy = `pcv ${VERSION}`;
  book.title = results.rubric.title;

  const t = reportText(results.rubric.lang).workbook;
  const funding = fundingSheet(results, t);
  const sheets = [
    summarySheet(results, t),
    ...(funding ? [funding] : []),
    scoresSheet(results, t),
    judgesSheet(results, t),
    agreementSheet(results, t),
    flagsSheet(results, t),
    ...(results.warnings.length > 0 ? [warningsSheet(results, t)] : []),
    aboutSheet(results, t, when),
  ];
  // One measure for the whole workbook: a project's name is measured once, not once a sheet.
  const measure = new CellMeasure();
  for (const sheet of sheets) {
    await writeSheet(
      book.addWorksheet(sheet.name, sheetOptions(sheet, results, t)),
      sheet,
      measure,
    );
  }
  await book.commit();
  return pinZipTimestamps(Buffer.concat(chunks), when);
}

// ---------------------------------------------------------------------------------------------
// The sheets
