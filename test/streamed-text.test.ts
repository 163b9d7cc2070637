import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StreamedText } from '../src/core/streamed-text.js';
import { writeStreamed } from '../src/io/write.js';
import { tempDir } from './helpers.js';

describe('StreamedText', () => {
  // 3,000 pieces of 1,000 characters (6 digits, a colon, 992 ideographs, a newline): 3 million
  // characters, so the writer flushes many 64K-character batches and a last partial one; each
  // piece names its index, so a lost or repeated piece shows.
  const piece = (i: number) => `${String(i).padStart(6, '0')}:${'项'.repeat(992)}\n`;
  const text = () =>
    new StreamedText(function* () {
      for (let i = 0; i < 3000; i++) yield piece(i);
    });

  it('writes every piece once, in order, across several batches', async () => {
    const file = path.join(tempDir(), 'out.txt');
    const handle = await open(file, 'wx');
    try {
      await writeStreamed(handle, text());
    } finally {
      await handle.close();
    }
    const written = readFileSync(file, 'utf8');
    expect(written.length).toBe(3000 * 1000);
    const lines = written.split('\n');
    expect(lines[0]!.slice(0, 7)).toBe('000000:');
    expect(lines[2999]!.slice(0, 7)).toBe('002999:');
    expect(lines[3000]).toBe('');
  });

  it('makes the same text each time it is read', () => {
    const t = text();
    const first = String(t);
    expect(String(t)).toBe(first);
    expect(first.length).toBe(3000 * 1000);
  });
});
