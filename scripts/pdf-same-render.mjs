// Proves that two versions of pcv's PDFs look the same when their bytes differ (a change of
// drawing order renumbers objects and glyphs): every page rendered by poppler at 100 dpi must
// be pixel-identical and the text `pdftotext -layout` extracts must be identical.
//
//   node scripts/pdf-same-render.mjs BEFORE AFTER
//
// BEFORE and AFTER are two PDF files, or two folders (e.g. two `pcv tally --out` folders, or
// folders of such folders): every .pdf under BEFORE is compared with the file at the same
// relative path under AFTER, and a PDF present on one side only is a difference. Prints a line
// for each PDF whose bytes differ (how it was found to look the same, or where it differs) and
// a count of all, and exits 1 if any differs. Needs poppler's pdftoppm and pdftotext (Debian:
// poppler-utils).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [before, after] = process.argv.slice(2);
if (before === undefined || after === undefined) {
  process.stderr.write('usage: node scripts/pdf-same-render.mjs BEFORE AFTER\n');
  process.exit(2);
}

/** Every .pdf under `dir`, as sorted paths relative to it. */
function pdfsUnder(dir, prefix = '') {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return pdfsUnder(full, `${prefix}${name}/`);
      return name.endsWith('.pdf') ? [`${prefix}${name}`] : [];
    });
}

function tool(cmd, args) {
  const r = spawnSync(cmd, args, { maxBuffer: 1 << 30 });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr.toString().trim()}`);
  return r.stdout;
}

/** Each page of `pdf` as PNG bytes at 100 dpi, in page order. */
function pages(pdf, work) {
  const dir = mkdtempSync(path.join(work, 'pages-'));
  tool('pdftoppm', ['-png', '-r', '100', pdf, path.join(dir, 'p')]);
  // pdftoppm pads the page numbers to the same width, so a sort keeps page order.
  return readdirSync(dir)
    .sort()
    .map((f) => readFileSync(path.join(dir, f)));
}

/** Whether `a` and `b` look the same, and how that was found (or where they differ). */
function compare(a, b, work) {
  if (!existsSync(a)) return { ok: false, note: 'only after' };
  if (!existsSync(b)) return { ok: false, note: 'only before' };
  if (readFileSync(a).equals(readFileSync(b))) return { ok: true, note: 'same bytes' };
  const pa = pages(a, work);
  const pb = pages(b, work);
  if (pa.length !== pb.length) {
    return { ok: false, note: `${pa.length} pages before, ${pb.length} after` };
  }
  const differing = pa.flatMap((png, i) => (png.equals(pb[i]) ? [] : [i + 1]));
  if (differing.length > 0) {
    return { ok: false, note: `pixels differ on page(s) ${differing.slice(0, 10).join(', ')}` };
  }
  const text = (pdf) => tool('pdftotext', ['-layout', pdf, '-']);
  if (!text(a).equals(text(b))) return { ok: false, note: 'pdftotext -layout differs' };
  return { ok: true, note: `same pixels on all ${pa.length} pages, same text` };
}

const pairs = statSync(before).isDirectory()
  ? [...new Set([...pdfsUnder(before), ...pdfsUnder(after)])]
      .sort()
      .map((rel) => [rel, path.join(before, rel), path.join(after, rel)])
  : [[path.basename(after), before, after]];

const work = mkdtempSync(path.join(os.tmpdir(), 'pcv-same-render-'));
let failed = 0;
let identical = 0;
try {
  for (const [rel, a, b] of pairs) {
    const { ok, note } = compare(a, b, work);
    if (!ok) failed++;
    if (note === 'same bytes') identical++;
    else process.stdout.write(`${ok ? 'ok  ' : 'DIFF'} ${rel}: ${note}\n`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.stdout.write(
  `${pairs.length - failed} of ${pairs.length} PDFs render the same (${identical} with the same bytes)\n`,
);
process.exit(failed > 0 ? 1 : 0);
