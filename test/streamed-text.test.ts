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

  it('writes the bytes of the whole text: pairs split across pieces, pieces beyond a batch', async () => {
    // 😀 is the pair \ud83d\ude00 (4 bytes in UTF-8), split between two pieces here; a lone
    // half at the very end is U+FFFD (3 bytes), as in Buffer.from of the whole text; the
    // 30,000 ideographs (90,000 bytes) do not fit one 64 KB batch.
    const pieces = ['a\ud83d', '\ude00b', '项'.repeat(30_000), '\ud83d', '\ude00', 'z\ud83d'];
    const file = path.join(tempDir(), 'out.txt');
    const handle = await open(file, 'wx');
    try {
      await writeStreamed(handle, new StreamedText(() => pieces));
    } finally {
      await handle.close();
    }
    const bytes = readFileSync(file);
    expect(bytes.equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
    // 1 + 4 + 1 + 90,000 + 4 + 1 + 3
    expect(bytes.length).toBe(90_014);
    expect(bytes.toString('utf8').startsWith('a😀b项')).toBe(true);
  });

  it('makes the same text each time it is read', () => {
    const t = text();
    const first = String(t);
    expect(String(t)).toBe(first);
    expect(first.length).toBe(3000 * 1000);
  });
});
