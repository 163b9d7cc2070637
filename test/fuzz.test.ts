import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wordProblem } from '../src/text/word.js';
import { computeResults } from '../src/core/compute.js';
import { checkPanel } from '../src/core/panel.js';
import { parseRoster } from '../src/core/roster.js';
import { parseRubric } from '../src/core/rubric.js';
import { validateSheet } from '../src/core/sheet.js';
import { bytesToTable } from '../src/io/read.js';
import { readXlsxRows } from '../src/io/xlsx-sheet.js';
import { fixture } from './helpers.js';

/**
 * A byte fuzzer over the reader and validator, bounded in time (PCV_FUZZ_SECONDS, default 3;
 * CI runs 20). Random and mutated sheets may only give results or listed problems: any thrown
 * exception fails, with the seed and case to reproduce it (PCV_FUZZ_SEED).
 */
const SECONDS = Number(process.env.PCV_FUZZ_SECONDS ?? 3);
const SEED = Number(process.env.PCV_FUZZ_SEED ?? Date.now() % 1_000_000);

function prng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    // xorshift32: fast, deterministic, good enough to pick mutations.
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

const rubric = parseRubric(
  readFileSync(fixture('huanshan-2022', 'rubric.yaml'), 'utf8'),
  'rubric.yaml',
).rubric!;
const rosterTable = bytesToTable(readFileSync(fixture('huanshan-2022', 'projects.csv')));
const roster = rosterTable.ok ? parseRoster(rosterTable.rows, 'projects.csv').roster : undefined;

const seeds: Buffer[] = [
  ...readdirSync(fixture('huanshan-2022', 'scores')).map((f) =>
    readFileSync(fixture('huanshan-2022', 'scores', f)),
  ),
  ...readdirSync(fixture('edge'))
    .filter((f) => f.endsWith('.csv'))
    .map((f) => readFileSync(fixture('edge', f))),
];
const TOKENS = [
  '"',
  ',',
  ';',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\uFEFF',
  '回避',
  '１８．５',
  '-',
  '1e9',
  '""',
  '\u0000',
  '项目编号',
  'project',
].map((t) => Buffer.from(t));

function mutate(rand: () => number, input: Buffer): Buffer {
  let b = Buffer.from(input);
  const n = 1 + Math.floor(rand() * 6);
  const at = () => Math.floor(rand() * (b.length + 1));
  for (let i = 0; i < n; i++) {
    switch (Math.floor(rand() * 7)) {
      case 0: // flip a byte
        if (b.length > 0) b[Math.min(at(), b.length - 1)] = Math.floor(rand() * 256);
        break;
      case 1: {
        // insert random bytes
        const p = at();
        const junk = Buffer.from(
          Array.from({ length: 1 + Math.floor(rand() * 8) }, () => Math.floor(rand() * 256)),
        );
        b = Buffer.concat([b.subarray(0, p), junk, b.subarray(p)]);
        break;
      }
      case 2: {
        // delete a range
        const p = at();
        b = Buffer.concat([b.subarray(0, p), b.subarray(p + Math.floor(rand() * 40))]);
        break;
      }
      case 3: {
        // duplicate a range
        const p = at();
        const q = Math.min(b.length, p + Math.floor(rand() * 200));
        b = Buffer.concat([b.subarray(0, q), b.subarray(p, q), b.subarray(q)]);
        break;
      }
      case 4: {
        // insert a token that means something to a CSV reader
        const p = at();
        b = Buffer.concat([
          b.subarray(0, p),
          TOKENS[Math.floor(rand() * TOKENS.length)]!,
          b.subarray(p),
        ]);
        break;
      }
      case 5: // truncate
        b = b.subarray(0, at());
        break;
      default: {
        // splice with another seed
        const other = seeds[Math.floor(rand() * seeds.length)]!;
        const p = at();
        b = Buffer.concat([b.subarray(0, p), other.subarray(Math.floor(rand() * other.length))]);
      }
    }
  }
  return b;
}

/** The whole core path for one sheet: read, validate, panel checks, compute. */
function run(bytes: Buffer): void {
  const table = bytesToTable(bytes);
  if (!table.ok) {
    expect(typeof wordProblem(table.message, 'en')).toBe('string');
    return;
  }
  const { sheet, issues } = validateSheet(
    { file: 'fuzz.csv', baseName: 'fuzz', rows: table.rows, decimalComma: table.delimiter !== ',' },
    rubric,
    roster,
  );
  for (const i of issues) expect(typeof i.message).toBe('string');
  if (sheet === undefined) return;
  const panel = checkPanel([sheet], { ...rubric, trim: 0 }, 'rubric.yaml', roster);
  if (panel.some((i) => i.severity === 'error')) return;
  computeResults({ ...rubric, aggregate: 'mean' }, [sheet], roster);
}

describe('byte fuzzer', () => {
  it(
    `survives ${SECONDS} s of random and mutated sheets (seed ${SEED})`,
    async () => {
      const rand = prng(SEED);
      const end = Date.now() + SECONDS * 1000;
      let cases = 0;
      const xlsx = readFileSync(fixture('edge', 'xlsx', 'ok.xlsx'));
      while (Date.now() < end) {
        const pick = rand();
        const input =
          pick < 0.05
            ? Buffer.from(
                Array.from({ length: Math.floor(rand() * 2000) }, () => Math.floor(rand() * 256)),
              )
            : mutate(rand, seeds[Math.floor(rand() * seeds.length)]!);
        try {
          run(input);
          if (cases % 50 === 0) {
            const r = await readXlsxRows(mutate(rand, xlsx));
            expect(typeof r.ok).toBe('boolean');
          }
        } catch (err) {
          throw new Error(
            `fuzz case ${cases} (PCV_FUZZ_SEED=${SEED}) threw: ${(err as Error).stack}\ninput (base64): ${input.toString('base64').slice(0, 2000)}`,
          );
        }
        cases++;
      }
      console.log(`fuzz: ${cases} cases in ${SECONDS} s, seed ${SEED}`);
      expect(cases).toBeGreaterThan(100);
    },
    (SECONDS + 60) * 1000,
  );
});
