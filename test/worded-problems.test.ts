import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from './helpers.js';

/*
 * Every problem core/ and io/ report is a wording key (text/problems.ts), never an English
 * sentence: a sentence written at the call site would reach a Chinese terminal in English. The
 * types already refuse a string for IssueList; this reads the source as well, so that a string
 * slipped in through a cast, or a PcvError thrown with one, is caught too.
 */

const SRC = path.join(ROOT, 'src');
const LAYERS = ['core', 'io'];

/** Calls that take a message, and which argument (0-based) it is. */
const CALLS: [RegExp, number][] = [
  [/\.(?:error|warn|note)\(/g, 2],
  [/\bnew PcvError\(/g, 0],
];

/** Deliberate exceptions, `file: call` as reported below, each with its reason: none today. */
const EXCEPTIONS: Record<string, string> = {};

/** The top-level arguments of a call whose `(` is at `open`, as source text. */
function argumentsAt(text: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = open + 1;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== undefined) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      depth--;
      if (depth === 0) {
        args.push(text.slice(start, i).trim());
        return args.filter((a) => a !== '');
      }
    } else if (c === ',' && depth === 1) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  return args;
}

/** Calls in `text` whose message is a string literal: `call(...)` with its line. */
function sentenceCalls(text: string): string[] {
  const found: string[] = [];
  for (const [re, at] of CALLS) {
    for (const m of text.matchAll(re)) {
      const open = m.index + m[0].length - 1;
      const message = argumentsAt(text, open)[at];
      if (message !== undefined && /^['"`]/.test(message)) {
        const line = text.slice(0, m.index).split('\n').length;
        found.push(`${line}: ${m[0]}${message.slice(0, 40)}`);
      }
    }
  }
  return found;
}

describe('core and io report problems as wording keys', () => {
  it('finds a sentence passed as a message', () => {
    // A checker that finds nothing would pass vacuously.
    expect(sentenceCalls("issues.error('x', file, `project ${id} is gone`, { line });")).toEqual([
      '1: .error(`project ${id} is gone`',
    ]);
    expect(sentenceCalls("throw new PcvError('no such file');")).toEqual([
      "1: new PcvError('no such file'",
    ]);
    expect(sentenceCalls("issues.warn('x', f(a, 'b'), worded('k', { s: 'c, d' }));")).toEqual([]);
    expect(sentenceCalls("issues.note(\n  'x',\n  file,\n  'a note',\n);")).toEqual([
      "1: .note('a note'",
    ]);
  });

  it('no call in core/ or io/ passes a sentence', () => {
    const wrong: string[] = [];
    for (const layer of LAYERS) {
      for (const file of sourceFiles(path.join(SRC, layer))) {
        const rel = path.relative(SRC, file);
        for (const call of sentenceCalls(readFileSync(file, 'utf8'))) {
          if (!(`${rel}: ${call}` in EXCEPTIONS)) wrong.push(`${rel}:${call}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
