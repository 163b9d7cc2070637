#!/usr/bin/env node
// --version alone skips loading the CLI, so batch scripts that probe it pay only Node's start-up.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  console.log(
    JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version,
  );
} else {
  const prestart = args[0] === 'tally' ? await import('../dist/bundle/prestart.js') : undefined;
  // V8 lets the old generation grow to up to 4× what survived the last full collection when
  // collecting is quick next to the program's own work, as in a tally: a 1M-cell review then
  // carried ~65 MB of dead objects into the results.json write (peak RSS ~300 MB for ~85 MB
  // live). 1.5× collects that garbage sooner for no measurable CPU (BENCHMARKS.md, "1M cells:
  // peak memory"); not where a workbook or PDF is made (prestart.ts capsHeapGrowth). Set here,
  // where pcv owns the process, not in the library a program imports.
  if (prestart === undefined || prestart.capsHeapGrowth(args)) {
    const { setFlagsFromString } = await import('node:v8');
    setFlagsFromString('--heap-growing-percent=50');
  }
  // `pcv tally` with a PDF among other reports (the default): the PDF worker starts now, before
  // the CLI loads, so that pdfkit is loaded by the time the results are (src/prestart.ts).
  prestart?.prestartPdfWorker(args);
  // The bundled CLI (scripts/build-bundle.mjs): a few files to read instead of hundreds of modules.
  const { run } = await import('../dist/bundle/cli.js');
  process.exitCode = await run(args);
}
