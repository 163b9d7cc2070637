// The heap a review's score sheets keep once read and validated, per score cell: what the data
// layout costs (core/score-store.ts). Reads the sheets as dist/tally.js does, one at a time, and
// measures the live heap after a forced GC before and after (run `npm run build` first).
//   node --expose-gc scripts/bench/sheet-memory.mjs REVIEW_DIR
// Prints one line of JSON: {"sheets", "cells", "bytes", "bytesPerCell"}.
import path from 'node:path';
import { buildDist } from './build-dist.mjs';

const { dist } = buildDist();

const [dir] = process.argv.slice(2);
if (!dir || typeof globalThis.gc !== 'function') {
  console.error('usage: node --expose-gc scripts/bench/sheet-memory.mjs REVIEW_DIR');
  process.exit(2);
}
const { resolveInputs } = await dist('io/inputs.js');
const { loadReview } = await dist('review.js');
const { readInput } = await dist('io/read.js');
const { readSheetTable } = await dist('io/sheet-table.js');
const { validateSheet } = await dist('core/sheet.js');

const inputs = await resolveInputs([dir], { cwd: process.cwd() });
const { rubric, roster } = await loadReview(inputs, process.cwd(), {});

const heap = () => {
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};
const before = heap();
const sheets = [];
for (const file of inputs.sheetPaths) {
  const table = await readSheetTable(file, (await readInput(file, file)).bytes);
  if (!table.ok) throw new Error(`${file}: cannot be read`);
  const { sheet, issues } = validateSheet(
    { file, baseName: path.basename(file, path.extname(file)), ...table },
    rubric,
    roster,
  );
  if (!sheet) throw new Error(`${file}: ${issues[0]?.message}`);
  sheets.push(sheet);
}
const bytes = heap() - before;
const cells = sheets.reduce((n, s) => n + s.entries.size, 0) * rubric.criteria.length;
console.log(
  JSON.stringify({
    sheets: sheets.length,
    cells,
    bytes,
    bytesPerCell: +(bytes / cells).toFixed(1),
  }),
);
