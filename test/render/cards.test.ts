import { beforeAll, describe, expect, it } from 'vitest';
import { renderCards, type CardFile } from '../../src/render/cards.js';
import { safeFileName, uniqueFileNames } from '../../src/render/safe-name.js';
import type { Results } from '../../src/tally.js';
import { expected, expectedBasic } from '../expected/huanshan-2022.js';
import { createdAt, load, pdfPages, squeeze } from '../pdf-helpers.js';

describe('feedback cards (huanshan-2022, zh)', () => {
  let results: Results;
  let cards: CardFile[];
  const card = async (id: string) => {
    const file = cards.find((c) => c.fileName === `${id}.pdf`);
    if (!file) throw new Error(`no card for ${id}`);
    return pdfPages(file.bytes);
  };
  beforeAll(async () => {
    results = await load('huanshan-2022');
    cards = await renderCards(results, { createdAt });
  });

  it('writes one file per project, named from its id', () => {
    expect(cards).toHaveLength(21);
    expect(cards.map((c) => c.fileName).sort()).toEqual(
      results.projects.map((p) => `${safeFileName(p.id)}.pdf`).sort(),
    );
  });

  it('shows the result, the rank and the anonymised judges', async () => {
    const p06 = expected.find((p) => p.id === 'P06')!;
    const pages = await card('P06');
    expect(pages).toHaveLength(1);
    const text = squeeze(pages[0]!);
    expect(text).toContain(p06.final.toFixed(2));
    expect(text).toContain('第1名，共21个项目');
    expect(text).toContain('通过');
    for (let i = 1; i <= 5; i++) expect(text).toContain(`评委${i}`);
    // judge-b gave 95 and judge-c 79.5: the highest and lowest, dropped by the trimmed mean.
    expect(text).toContain('95.00（去掉）');
    expect(text).toContain('79.50（去掉）');
    expect(text).toContain('83.50');
    for (const j of results.judges) {
      expect(text).not.toContain(j.id);
      expect(text).not.toContain(j.file);
    }
    expect(text).not.toMatch(/judge/i);
  });

  it('marks a recusal and leaves the recused judge’s note out', async () => {
    const p09 = expected.find((p) => p.id === 'P09')!;
    expect(p09.totals['judge-c']).toBe('recused');
    const text = squeeze((await card('P09')).join('\n'));
    expect(text).toContain('79.75');
    // Judge 3 (judge-c, the third in order) recused; judges 2 and 5 were dropped.
    expect(text).toContain('评委1评委2评委3评委4评委577.0089.50（去掉）回避82.5076.00（去掉）');
    expect(text).toContain('需进一步明确就业岗位对接渠道');
    expect(text).not.toContain('利益冲突');
  });

  it('breaks a tie in the rank line', async () => {
    const text = squeeze((await card('P16')).join('\n'));
    expect(text).toContain('第8名（并列），共21个项目');
  });

  it('compares each criterion with its maximum and the average of all projects', async () => {
    const text = (await card('P04')).join('\n');
    for (const c of results.rubric.criteria) expect(text).toContain(c.label);
    expect(text).toContain('全部项目平均分');
    // P04's service_plan aggregate is (31 + 34 + 35) / 3 = 33.33 (see expected/huanshan-2022.ts).
    expect(text).toContain('33.33');
  });

  it('fits each card on one page', async () => {
    for (const c of cards) expect(await pdfPages(c.bytes)).toHaveLength(1);
  });

  it('is byte-for-byte the same when rendered again', async () => {
    const again = await renderCards(results, { createdAt });
    expect(again.map((c) => c.fileName)).toEqual(cards.map((c) => c.fileName));
    again.forEach((c, i) => expect(c.bytes.equals(cards[i]!.bytes)).toBe(true));
  });
});

describe('feedback cards (basic, en)', () => {
  it('says Not passed for B5 and numbers the judges in English', async () => {
    const results = await load('basic');
    const cards = await renderCards(results, { createdAt });
    const b5 = cards.find((c) => c.fileName === 'B5.pdf')!;
    const text = (await pdfPages(b5.bytes)).join('\n');
    expect(expectedBasic.find((p) => p.id === 'B5')!.final).toBe(58.75);
    expect(text).toContain('58.75');
    expect(text).toContain('Not passed');
    expect(text).toContain('5 of 5 projects');
    expect(text).toContain('Judge 1');
    // Exact totals keep their third decimal: 60.625, not 60.63.
    expect(text).toContain('60.625');
    expect(text).not.toContain('judge-1');
  });
});

describe('card file names', () => {
  const reserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;
  const isSafe = (name: string) =>
    name !== '' &&
    // eslint-disable-next-line no-control-regex -- control characters are what is checked
    !/[/\\:*?"<>|\u0000-\u001f]/.test(name) &&
    !name.startsWith('.') &&
    !reserved.test(name) &&
    Buffer.byteLength(name) <= 200;

  it.each([
    '../x',
    'a/b',
    'a\\b',
    'CON',
    'con.txt',
    'Lpt1',
    '..',
    '.',
    '.hidden',
    '\u0001',
    '',
    '   ',
    'C:',
    'C:\\Windows\\x',
    'a\u202Efdp.exe',
    'x'.repeat(400),
    '项'.repeat(200),
  ])('makes %j safe', (id) => {
    const name = safeFileName(id);
    expect(isSafe(name)).toBe(true);
    expect(isSafe(`${name}.pdf`)).toBe(true);
  });

  it('keeps ordinary ids as they are', () => {
    expect(safeFileName('P01')).toBe('P01');
    expect(safeFileName('2022-环山-07')).toBe('2022-环山-07');
    expect(safeFileName('../x')).toBe('_x');
    expect(safeFileName('a/b')).toBe('a_b');
    expect(safeFileName('CON')).toBe('_CON');
  });

  it('never gives two ids the same file, even ignoring case', () => {
    const ids = ['a/b', 'a_b', 'A_B', 'a_b-2', 'CON', '_CON', '..', '.', '\u0001', 'P1', 'p1'];
    const names = uniqueFileNames(ids, '.pdf');
    expect(names).toHaveLength(ids.length);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(ids.length);
    expect(names[0]).toBe('a_b.pdf');
    expect(names[3]).toBe('a_b-2.pdf');
    for (const n of names) expect(isSafe(n)).toBe(true);
  });

  it('renders a card for a project whose id is a path', async () => {
    const base = await load('basic');
    const [first, second] = base.projects;
    const results = {
      ...base,
      projects: [
        { ...first!, id: '../x' },
        { ...second!, id: '..\\x' },
      ],
    };
    const cards = await renderCards(results, { createdAt });
    expect(cards.map((c) => c.fileName)).toEqual(['_x.pdf', '_x-2.pdf']);
    expect((await pdfPages(cards[0]!.bytes)).join('')).toContain('../x');
  });
});
