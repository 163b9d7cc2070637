import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  headerMeaning,
  norm,
  readText,
  readWorkbook,
  type Criterion,
  type SimpleSheet,
} from './corpus-reader.js';
import { fixture, pcv, ROOT, tempDir } from './helpers.js';

/**
 * The invariant of issue #10, over every fixture there is and every one added later: a tally
 * exits 0 only when every sheet file was read and every cell landed in its column (checked
 * against an independent reading of the raw file); otherwise it exits 1 naming the file and,
 * where the file has lines to point at, the line of the cause.
 */
interface Case {
  name: string;
  args: string[];
  rubric: string;
  /** The sheet files the tally must account for. */
  sheets: string[];
}

const RUBRICS = ['rubric.yaml', 'rubric.yml', 'rubric.json'];
const SKIPPED = /^(~\$|\.)|^(Thumbs\.db|desktop\.ini)$/i;

function cases(dir: string, found: Case[] = []): Case[] {
  const names = readdirSync(dir);
  const rubric = RUBRICS.map((n) => path.join(dir, n)).find((p) => existsSync(p));
  const isDir = (n: string) => statSync(path.join(dir, n)).isDirectory();
  if (rubric !== undefined && names.includes('scores') && isDir('scores')) {
    // A review folder: every file in scores/ (but lock and system files) is a judge's sheet.
    const sheets = readdirSync(path.join(dir, 'scores'))
      .filter((n) => !SKIPPED.test(n))
      .map((n) => path.join(dir, 'scores', n));
    found.push({ name: rel(dir), args: [dir], rubric, sheets });
  } else if (rubric !== undefined) {
    // A folder of single-sheet cases sharing one rubric (fixtures/edge): each file alone, with
    // no trim, since one judge's total cannot be trimmed.
    const roster = path.join(dir, 'projects.csv');
    for (const n of names) {
      if (isDir(n) || SKIPPED.test(n) || RUBRICS.includes(n) || n === 'projects.csv') continue;
      if (/\.(md|txt\.md)$/i.test(n)) continue;
      const file = path.join(dir, n);
      const args = [file, '--rubric', rubric, '--trim', '0'];
      if (existsSync(roster)) args.push('--roster', roster);
      found.push({ name: rel(file), args, rubric, sheets: [file] });
    }
  }
  for (const n of names) if (isDir(n) && n !== 'scores') cases(path.join(dir, n), found);
  return found;
}

const rel = (p: string) => path.relative(ROOT, p).split(path.sep).join('/');

interface ResultsJson {
  judges: { id: string; file: string }[];
  projects: {
    id: string;
    scores: Record<string, { recused?: boolean; criteria?: Record<string, number> }>;
  }[];
}

const ALL = cases(fixture());

describe('corpus: every fixture is read right, or stopped at its cause', () => {
  it('finds the review folders and the single-sheet cases', () => {
    const names = ALL.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['fixtures/basic', 'fixtures/huanshan-2022']));
    expect(names).toContain('fixtures/edge/ragged-long.csv');
    expect(names).toContain('fixtures/edge/xlsx/ok.xlsx');
  });

  it.each(ALL.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const r = await pcv(['tally', ...c.args, '--json', '--format', 'json', '--out', tempDir()]);
    expect(r.stderr).not.toMatch(/\n\s+at /); // never a stack trace
    const criteria = (parse(readFileSync(c.rubric, 'utf8')) as { criteria: Criterion[] }).criteria;
    if (r.code === 0) {
      await expectEveryCellInItsColumn(c, JSON.parse(r.stdout) as ResultsJson, criteria);
      return;
    }
    expect(r.code, r.stderr).toBe(1);
    await expectCauseNamed(c, r.stderr, criteria);
  });
});

async function readSimply(file: string, criteria: Criterion[]): Promise<SimpleSheet | undefined> {
  const bytes = readFileSync(file);
  return /\.xlsx$/i.test(file) ? readWorkbook(bytes, criteria) : readText(bytes, criteria);
}

async function expectEveryCellInItsColumn(c: Case, results: ResultsJson, criteria: Criterion[]) {
  const byFile = new Map(results.judges.map((j) => [path.basename(j.file), j.id]));
  const byId = new Map(results.projects.map((p) => [p.id, p]));
  for (const file of c.sheets) {
    const judge = byFile.get(path.basename(file));
    expect(judge, `${rel(file)} was not read, yet the tally passed`).toBeDefined();
    const sheet = await readSimply(file, criteria);
    expect(sheet, `${rel(file)}: passed, but the test cannot read it`).toBeDefined();
    const [header, ...rows] = sheet!.rows;
    const meaning = headerMeaning(header!, criteria);
    const projectCol = meaning.indexOf('project');
    // Cells beyond the header belong to no column: they may only be a trailing delimiter that
    // every row has.
    const named = header!.length - [...header!].reverse().findIndex((h) => h.trim() !== '');
    for (const cells of rows) {
      expect(cells.slice(named).join('').trim(), `${rel(file)}: a cell beyond the header`).toBe('');
      if (cells.length > header!.length) {
        expect(
          rows.every((r) => r.length >= cells.length),
          `${rel(file)}: a stray delimiter`,
        ).toBe(true);
      }
    }
    let scored = 0;
    for (const cells of rows) {
      const id = (cells[projectCol] ?? '').normalize('NFKC').trim();
      const where = `${rel(file)}, project ${id}`;
      const entry = byId.get(id)?.scores[judge!];
      expect(entry, `${where}: a row that is not in the results`).toBeDefined();
      scored++;
      const texts = new Map(
        meaning.flatMap((m, i) => (m && m !== 'project' ? [[m, cells[i] ?? '']] : [])),
      );
      if (entry!.recused) {
        // A recusal: no score in any criterion cell (the word itself may stand in one).
        for (const text of texts.values()) expect(['', 'recused', '回避']).toContain(norm(text));
        continue;
      }
      for (const { id: criterion } of criteria) {
        let text = (texts.get(criterion) ?? '').normalize('NFKC').trim();
        if (sheet!.decimalComma) text = text.replace(/^(\d+),(\d+)$/, '$1.$2');
        expect(text, `${where}, ${criterion}`).toMatch(/^\d+(\.\d+)?$|^\.\d+$/);
        expect(entry!.criteria?.[criterion], `${where}, ${criterion}`).toBe(Number(text));
      }
    }
    const inResults = results.projects.filter((p) => p.scores[judge!] !== undefined).length;
    expect(inResults, `${rel(file)}: rows against results`).toBe(scored);
  }
}

/**
 * exit 1: every error names an input file; a sheet refused as a whole must be one the simple
 * reader cannot read either (no UTF-8 or byte-order mark, NUL bytes, fewer than two lines, a
 * workbook) or have a message about its encoding, else the cause's line must be given.
 */
async function expectCauseNamed(c: Case, stderr: string, criteria: Criterion[]) {
  const errors = stderr
    .split('\n')
    .filter((l) => /^\S.*?: /.test(l) && !/: warning: /.test(l) && !/^\d+ problems? in /.test(l));
  const inputs = [c.rubric, ...c.sheets, path.join(path.dirname(c.rubric), 'projects.csv')].map(
    rel,
  );
  expect(errors.length, stderr).toBeGreaterThan(0);
  for (const line of errors) {
    expect(
      inputs.some((f) => line.startsWith(`${f}:`)),
      `not attributed to an input: ${line}`,
    ).toBe(true);
  }
  for (const file of c.sheets) {
    const own = errors.filter((l) => l.startsWith(`${rel(file)}:`));
    if (own.length === 0 || own.some((l) => /^[^:]+:(\d+|[^:]*![A-Z]+\d+):/.test(l))) continue;
    const sheet = /\.xlsx$/i.test(file) ? undefined : await readSimply(file, criteria);
    const wholeFile =
      sheet === undefined ||
      !sheet.certain ||
      sheet.rows.length < 2 ||
      own.every((l) => /encod|UTF|GB18030|GBK|Big5|Shift_JIS|byte-order/i.test(l));
    expect(wholeFile, `no line for a problem inside ${rel(file)}: ${own.join('\n')}`).toBe(true);
  }
}
