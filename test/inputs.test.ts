import { copyFileSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { fixture, listFiles, pcv, tempDir } from './helpers.js';

/**
 * fixtures/inputs: files as they arrive on review day, in every format and encoding a judge's
 * computer may produce. Each has a tested outcome: read right (exit 0, the file read, every score
 * in its column), or refused with exit 1 naming the file (and line or cell) and the cause.
 */
const TEXT_RUBRIC = fixture('inputs', 'rubric.yaml');
const XLSX_RUBRIC = fixture('inputs', 'xlsx', 'rubric.yaml');
const at = (name: string, rest: string) => `fixtures/inputs/${name}${rest}`;

// Equal weights (max 10 each): E1 = 100 * (8 + 7.5) / 20 = 77.5, E2 = 100 * (6 + 9) / 20 = 75.
const TEXT_FINALS = [
  ['E1', 77.5],
  ['E2', 75],
];
// Maxima add up to 100: a total is the plain sum. P01 = 18 + 17.4 + 35 + 15 = 85.4;
// P02 = 12 + 8.4 + 25 + 15 = 60.4.
const XLSX_FINALS = [
  ['P01', 85.4],
  ['P02', 60.4],
];

/** Accepted files, the finals they give, and the notes they must print. */
const ACCEPTED: Record<string, { finals: (string | number)[][]; notes?: string[] }> = {
  'ok-unicode-text.txt': { finals: TEXT_FINALS },
  'ok-tab.tsv': { finals: TEXT_FINALS },
  'ok-big5.csv': {
    finals: TEXT_FINALS,
    notes: [
      at(
        'ok-big5.csv',
        ': note: read as Big5 (traditional Chinese): as GB18030 (GBK) its text would be "蝗闹□繺狝叭"',
      ),
    ],
  },
  'ok-gbk-ascii-headers.csv': {
    finals: TEXT_FINALS,
    notes: [
      at(
        'ok-gbk-ascii-headers.csv',
        ': note: read as GB18030 (GBK): as UTF-8 its text would be "ʵʩ"',
      ),
    ],
  },
  'ok-shift-jis.csv': {
    finals: TEXT_FINALS,
    notes: [at('ok-shift-jis.csv', ': note: read as Shift_JIS (Japanese)')],
  },
  'xlsx/ok-float-noise.xlsx': { finals: XLSX_FINALS },
  'xlsx/ok-hidden-first.xlsx': {
    finals: XLSX_FINALS,
    notes: [
      at(
        'xlsx/ok-hidden-first.xlsx',
        ': note: worksheet "旧表" is hidden; read "评分", the first visible one',
      ),
    ],
  },
};

const SAVE = 'open it in Excel or WPS and save it as .xlsx (Excel 工作簿) or CSV';
const REFUSED: Record<string, string[]> = {
  '评委D.xls': [at('评委D.xls', `: this is an old Excel workbook pcv cannot read: ${SAVE}`)],
  'wps-sheet.et': [at('wps-sheet.et', ': this is a WPS spreadsheet (.et) pcv cannot read')],
  'libreoffice.ods': [at('libreoffice.ods', ': this is an OpenDocument spreadsheet (.ods)')],
  'apple.numbers': [at('apple.numbers', ': this is an Apple Numbers file pcv cannot read')],
  'xls-named-csv.csv': [
    at(
      'xls-named-csv.csv',
      `: this .csv file is not text: it is an old-format workbook (.xls, or WPS .et); ${SAVE}`,
    ),
  ],
  'old-workbook-named-xlsx.xlsx': [
    at(
      'old-workbook-named-xlsx.xlsx',
      ': this .xlsx file is not an Excel workbook (not a zip archive): it is an old-format workbook (.xls, or WPS .et)',
    ),
  ],
  'xlsx-named-csv.csv': [
    at(
      'xlsx-named-csv.csv',
      ': this .csv file is not text: it is an Excel workbook (.xlsx); rename it to .xlsx',
    ),
  ],
  'csv-named-xlsx.xlsx': [
    at(
      'csv-named-xlsx.xlsx',
      ': this .xlsx file is not an Excel workbook (not a zip archive): it is text (a CSV file?); rename it to .csv',
    ),
  ],
  'encrypted.xlsx': [
    at(
      'encrypted.xlsx',
      ': this .xlsx file is not an Excel workbook (not a zip archive): it is a password-protected workbook, which pcv cannot open; remove the password',
    ),
  ],
  'damaged-text.csv': [at('damaged-text.csv', ':2: this line holds "锟斤拷"')],
  'unsure-encoding.csv': [at('unsure-encoding.csv', ":2: pcv cannot tell this file's encoding")],
  'xlsx/formula-not-calculated.xlsx': [
    at(
      'xlsx/formula-not-calculated.xlsx',
      ':评分!G2: formula not calculated — open and save the file in Excel/WPS, or type the value',
    ),
    at('xlsx/formula-not-calculated.xlsx', ':评分!E3: formula not calculated'),
  ],
  'xlsx/percent-and-date.xlsx': [
    at(
      'xlsx/percent-and-date.xlsx',
      ':评分!E2: E2 is formatted as a percentage (35%): the cell holds 0.35, not 35',
    ),
    at(
      'xlsx/percent-and-date.xlsx',
      ':评分!F3: F3 is formatted as a date (1900-01-15): the cell holds the number 15',
    ),
  ],
  'xlsx/scores-on-second-sheet.xlsx': [
    at(
      'xlsx/scores-on-second-sheet.xlsx',
      ': the first visible worksheet "说明" has no project column, but worksheet "评分" has',
    ),
  ],
};

function corpus(dir = fixture('inputs'), prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) =>
    statSync(path.join(dir, name)).isDirectory()
      ? corpus(path.join(dir, name), `${prefix}${name}/`)
      : name === 'rubric.yaml'
        ? []
        : [`${prefix}${name}`],
  );
}

const rubricFor = (name: string) => (name.startsWith('xlsx/') ? XLSX_RUBRIC : TEXT_RUBRIC);

/** Tallies one fixture alone, results.json on stdout. */
const tallyJson = (name: string) =>
  pcv([
    'tally',
    `fixtures/inputs/${name}`,
    '--rubric',
    rubricFor(name),
    '--json',
    '--format',
    'json',
    '--out',
    tempDir(),
  ]);

describe('fixtures/inputs: every file has a tested outcome', () => {
  it('lists every file of the corpus as accepted or refused', () => {
    expect(corpus().sort()).toEqual([...Object.keys(ACCEPTED), ...Object.keys(REFUSED)].sort());
  });

  it.each(Object.entries(ACCEPTED))('%s is read right', async (name, { finals, notes = [] }) => {
    const r = await tallyJson(name);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      judges: { file: string }[];
      projects: { id: string; final: number }[];
    };
    expect(json.judges.map((j) => path.basename(j.file))).toEqual([path.basename(name)]);
    expect(json.projects.map((p) => [p.id, p.final])).toEqual(finals);
    // One sheet is one judge, so every final rests on one total and says so (test/single-total
    // covers that warning); here only what reading the file said counts.
    const said = r.stderr
      .split('\n')
      .filter((l) => l.startsWith('fixtures/inputs/') && !l.includes('the final rests on'));
    expect(said).toHaveLength(notes.length);
    notes.forEach((n, i) => expect(said[i]).toContain(n));
  });

  it.each(Object.entries(REFUSED))(
    '%s is refused with exit 1, naming the file and cause, writing nothing',
    async (name, messages) => {
      const out = path.join(tempDir(), 'out');
      const r = await pcv([
        'tally',
        `fixtures/inputs/${name}`,
        '--rubric',
        rubricFor(name),
        '--out',
        out,
      ]);
      expect(r.code).toBe(1);
      const lines = r.stderr.split('\n').filter((l) => l.startsWith('fixtures/inputs/'));
      expect(lines).toHaveLength(messages.length);
      messages.forEach((m, i) => expect(lines[i]).toContain(m));
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(listFiles(out)).toEqual([]);
    },
  );
});

describe('names read from legacy encodings reach the results as written', () => {
  const read = async (name: string) => {
    const r = await tallyJson(name);
    return JSON.parse(r.stdout) as {
      projects: { name: string; scores: Record<string, { comment?: string }> }[];
    };
  };

  it('Big5: 銀齡助餐服務, never 蝗闹繺狝叭', async () => {
    const json = await read('ok-big5.csv');
    expect(json.projects.map((p) => p.name)).toEqual(['銀齡助餐服務', '綠色家園']);
  });

  it('GBK with ASCII headers: the comment 实施, not ʵʩ', async () => {
    const json = await read('ok-gbk-ascii-headers.csv');
    expect(json.projects[0]!.scores['ok-gbk-ascii-headers']!.comment).toBe('实施');
  });

  it('a Big5 roster: its names reach the results, with a note', async () => {
    const dir = review({ 'judge-a.csv': 'fixture:inputs/ok-big5.csv' });
    writeFileSync(
      path.join(dir, 'projects.csv'),
      iconv.encode(
        'id,name,organization\nE1,銀齡助餐服務,康馨社會工作服務中心\nE2,綠色家園,綠源環保\n',
        'big5',
      ),
    );
    const r = await pcv(['tally', dir, '--json', '--format', 'json', '--out', tempDir()]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.projects.map((p: { organization: string }) => p.organization)).toEqual([
      '康馨社會工作服務中心',
      '綠源環保',
    ]);
    expect(r.stderr).toContain('projects.csv: note: read as Big5 (traditional Chinese)');
  });

  it('Shift_JIS and Excel Unicode text', async () => {
    expect((await read('ok-shift-jis.csv')).projects.map((p) => p.name)).toEqual([
      '高齢者の食事支援',
      'みどりの庭',
    ]);
    expect((await read('ok-unicode-text.txt')).projects.map((p) => p.name)).toEqual([
      '银龄助餐',
      '绿色家园',
    ]);
  });
});

/** A review folder whose scores/ holds `files` (name -> source fixture or text). */
function review(files: Record<string, string>, folders: string[] = []): string {
  const dir = tempDir();
  copyFileSync(TEXT_RUBRIC, path.join(dir, 'rubric.yaml'));
  const scores = path.join(dir, 'scores');
  mkdirSync(scores);
  for (const [name, source] of Object.entries(files)) {
    if (source.startsWith('fixture:'))
      copyFileSync(fixture(...source.slice(8).split('/')), path.join(scores, name));
    else writeFileSync(path.join(scores, name), source);
  }
  for (const f of folders) mkdirSync(path.join(scores, f));
  return dir;
}

describe('a sheets folder: every file accounted for', () => {
  const sheets = {
    'judge-a.csv': 'fixture:edge/ok-bom.csv',
    '评委D.txt': 'fixture:inputs/ok-unicode-text.txt',
  };

  it('reads .csv and Excel "Unicode text" .txt; skips lock, system and hidden files, saying so', async () => {
    const dir = review(
      {
        ...sheets,
        '~$judge-a.xlsx': 'lock',
        '.~lock.评委E.xlsx#': 'lock',
        '.DS_Store': 'x',
        'Thumbs.db': 'x',
        'desktop.ini': 'x',
        '.hidden.csv': 'project,impact\n',
      },
      ['__MACOSX'],
    );
    const r = await pcv(['tally', dir, '--json', '--format', 'json', '--out', tempDir()]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.judges.map((j: { file: string }) => j.file)).toEqual([
      'scores/judge-a.csv',
      'scores/评委D.txt',
    ]);
    // Both sheets hold E1 = (8, 7.5) and E2 = (6, 9): the mean of two equal totals is that total.
    expect(json.projects.map((p: { id: string; final: number }) => [p.id, p.final])).toEqual(
      TEXT_FINALS,
    );
    const lines = r.stderr.split('\n').map((l) => l.replace(dir + path.sep, ''));
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'scores/~$judge-a.xlsx: note: Excel or WPS has judge-a.xlsx open right now',
        ),
        expect.stringContaining(
          'scores/.~lock.评委E.xlsx#: note: LibreOffice has 评委E.xlsx open right now',
        ),
        'scores/.DS_Store: note: a system file; skipped',
        'scores/Thumbs.db: note: a system file; skipped',
        'scores/desktop.ini: note: a system file; skipped',
        'scores/.hidden.csv: note: a hidden file; skipped',
        'scores/__MACOSX: note: a hidden or system folder; skipped',
      ]),
    );
    // Skipped files are not inputs: results.json does not depend on them.
    expect(json.warnings).toEqual([]);
  });

  it('stops at a sheet it cannot read, naming it and how to save it, whatever the other sheets', async () => {
    const dir = review({ ...sheets, '评委D.xls': 'fixture:inputs/评委D.xls', 'notes.docx': 'x' });
    const out = path.join(tempDir(), 'out');
    const r = await pcv(['tally', dir, '--out', out]);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').map((l) => l.replace(dir + path.sep, ''));
    expect(lines).toContain(
      `scores/notes.docx: this is a text document, not a spreadsheet: copy its score table into Excel or WPS and save it as .xlsx (Excel 工作簿) or CSV`,
    );
    expect(lines).toContain(
      `scores/评委D.xls: this is an old Excel workbook pcv cannot read: ${SAVE}`,
    );
    expect(listFiles(out)).toEqual([]);
  });

  it('refuses a file of no known kind, and a subfolder (its sheets would go unread)', async () => {
    const dir = review({ ...sheets, README: 'read me' }, ['old']);
    const r = await pcv(['validate', dir]);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').map((l) => l.replace(dir + path.sep, ''));
    expect(lines).toContain(
      'scores/README: pcv reads score sheets saved as .xlsx, .csv, .tsv or .txt, and this file is none of them: save it as .xlsx (Excel 工作簿) or CSV, or move it out of the sheets folder (if it is a CSV sheet, rename it to README.csv)',
    );
    expect(lines).toContain(
      'scores/old: a folder inside the sheets folder; pcv reads only the sheets directly in it: move the sheets in this folder up (or the folder out)',
    );
  });

  it('names the extension a workbook lost', async () => {
    const dir = review({ ...sheets, 评委E: 'fixture:edge/xlsx/ok.xlsx' });
    const r = await pcv(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr.replace(dir + path.sep, '')).toContain(
      'scores/评委E: this is an Excel workbook without the .xlsx extension: rename it to 评委E.xlsx',
    );
  });

  it('a folder holding only an unreadable sheet is refused for it (exit 1), not "no sheets"', async () => {
    const dir = review({ '评委D.xls': 'fixture:inputs/评委D.xls' });
    const r = await pcv(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('scores/评委D.xls: this is an old Excel workbook pcv cannot read');
  });

  it('a glob skips lock files too, and an unreadable file named explicitly is an error', async () => {
    const dir = review({ ...sheets, '~$judge-a.csv': 'lock' });
    const glob = await pcv(['validate', 'scores/*.csv'], dir);
    expect(glob.code).toBe(0);
    expect(glob.stderr).toContain('scores/~$judge-a.csv: note: Excel or WPS has judge-a.csv open');
    expect(glob.stderr).toContain('OK: 1 sheet');

    const named = await pcv(
      ['validate', 'scores/judge-a.csv', fixture('inputs', '评委D.xls')],
      dir,
    );
    expect(named.code).toBe(1);
    expect(named.stderr).toContain('评委D.xls: this is an old Excel workbook pcv cannot read');
  });
});
