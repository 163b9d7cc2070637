import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput, readParsed } from '../../src/io/read.js';
import { tempDir } from '../helpers.js';

// SHA-256 of the three bytes "abc": the first example of FIPS 180-2 (appendix B.1).
const ABC_SHA256 = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('readInput', () => {
  const file = path.join(tempDir('pcv-read-'), 'abc.txt');
  writeFileSync(file, 'abc');

  it("gives the file's bytes and their sha256", async () => {
    const read = await readInput(file, 'abc.txt');
    expect(read.bytes.toString()).toBe('abc');
    expect(read.sha256).toBe(ABC_SHA256);
  });

  it('leaves the sha256 out when no digest is asked for (pcv validate), the bytes the same', async () => {
    const read = await readInput(file, 'abc.txt', Infinity, false);
    expect(read).toEqual({ bytes: Buffer.from('abc'), sha256: '' });
    const parsed = await readParsed(file, 'abc.txt', Infinity, () => ({ ok: true }), false);
    expect(parsed).toEqual({ sha256: '', parsed: { ok: true } });
    expect((await readParsed(file, 'abc.txt', Infinity, () => ({ ok: true }))).sha256).toBe(
      ABC_SHA256,
    );
  });
});
