/**
 * A second, deliberately simple reader of score sheets for the corpus test: it shares no code with
 * pcv's readers, so that "every cell landed in its column" is checked against an independent
 * reading of the raw file, not against pcv's own.
 */
import ExcelJS from 'exceljs';

export interface SimpleSheet {
  /** The cells of each non-blank line (a quoted cell may span lines), header first. */
  rows: string[][];
  /** Cells may use a decimal comma (the delimiter is not a comma). */
  decimalComma: boolean;
  /** The text was decoded without guessing: a byte-order mark, or valid UTF-8. */
  certain: boolean;
}

export interface Criterion {
  id: string;
  label?: string;
  aliases?: string[];
}

const PROJECT_HEADERS = ['project', 'id', 'project id', '项目编号', '编号'];

export const norm = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
const withoutMax = (s: string) => s.replace(/\s*\([^()]*\d[^()]*\)\s*$/, '').trim();

/** Each header cell's criterion id, 'project', or undefined. */
export function headerMeaning(header: readonly string[], criteria: readonly Criterion[]) {
  const names = new Map<string, string>();
  for (const c of criteria) {
    for (const n of [c.id, c.label ?? c.id, ...(c.aliases ?? [])]) names.set(norm(n), c.id);
  }
  for (const n of PROJECT_HEADERS) names.set(n, 'project');
  return header.map((h) => names.get(norm(h)) ?? names.get(withoutMax(norm(h))));
}

/** Text of a CSV-like file, in the first encoding whose header names every criterion. */
export function readText(bytes: Buffer, criteria: readonly Criterion[]): SimpleSheet | undefined {
  if (bytes.includes(0) && !hasUtf16Bom(bytes)) return undefined;
  const tries: [string, boolean][] = hasUtf16Bom(bytes)
    ? [[bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', true]]
    : [
        ['utf-8', true],
        ['gb18030', false],
        ['big5', false],
        ['shift_jis', false],
      ];
  let fallback: SimpleSheet | undefined;
  for (const [encoding, certain] of tries) {
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      continue;
    }
    const sheet = { ...splitText(text.replace(/^\uFEFF/, '')), certain };
    const meaning = headerMeaning(sheet.rows[0] ?? [], criteria);
    if (criteria.every((c) => meaning.includes(c.id))) return sheet;
    fallback ??= sheet;
  }
  return fallback;
}

function hasUtf16Bom(b: Buffer): boolean {
  return (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
}

function splitText(text: string): Omit<SimpleSheet, 'certain'> {
  const lines = text.split(/\r\n|\r|\n/);
  const header = lines.find((l) => l.trim() !== '') ?? '';
  const count = (c: string) => header.split(c).length;
  const delimiter =
    count(';') > count(',') && count(';') >= count('\t')
      ? ';'
      : count('\t') > count(',')
        ? '\t'
        : ',';
  const rows: string[][] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    let record = splitLine(line, delimiter);
    // A quoted cell still open at the end of the line goes on to the next.
    while (record === undefined && i + 1 < lines.length) {
      line += '\n' + lines[++i];
      record = splitLine(line, delimiter);
    }
    const cells = record ?? line.split(delimiter);
    if (cells.some((c) => c.trim() !== '')) rows.push(cells);
  }
  return { rows, decimalComma: delimiter !== ',' };
}

/**
 * Cells of one record, or undefined when a quoted cell is not closed. A quote opens a quoted cell
 * only at the start of a cell; in it, "" is a quote and a lone " closes it (text after that is
 * kept as written); elsewhere a quote is an ordinary character.
 */
function splitLine(line: string, delimiter: string): string[] | undefined {
  const cells: string[] = [];
  let cell = '';
  let i = 0;
  let start = true;
  while (i < line.length) {
    const ch = line[i]!;
    if (start && ch === '"') {
      i++;
      for (;;) {
        if (i >= line.length) return undefined;
        if (line[i] === '"' && line[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else cell += line[i++];
      }
      start = false;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      start = true;
      i++;
    } else {
      cell += ch;
      start = false;
      i++;
    }
  }
  cells.push(cell);
  return cells;
}

/** The rows of the first visible worksheet whose header names every criterion. */
export async function readWorkbook(
  bytes: Buffer,
  criteria: readonly Criterion[],
): Promise<SimpleSheet | undefined> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as never);
  } catch {
    return undefined;
  }
  for (const sheet of book.worksheets) {
    if (sheet.state !== 'visible') continue;
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
      if (cells.some((c) => c.trim() !== '')) rows.push(cells);
    });
    const meaning = headerMeaning(rows[0] ?? [], criteria);
    if (criteria.every((c) => meaning.includes(c.id))) {
      return { rows, decimalComma: false, certain: true };
    }
  }
  return undefined;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // Excel shows a number to 15 significant digits; so does this reader.
  if (typeof value === 'number') return String(Number(value.toPrecision(15)));
  if (typeof value === 'object' && 'result' in value) return cellText(value.result as never);
  if (typeof value === 'object' && 'richText' in value) {
    return value.richText.map((r) => r.text).join('');
  }
  return String(value);
}
