import { describe, expect, it } from 'vitest';
import { plausibility } from '../../src/io/plausible.js';

/*
 * The GB18030 reading judges hanzi by GB2312's two levels, decoded from their byte ranges
 * (src/io/plausible.ts). GB2312 (GB/T 2312-1980) puts 3755 level-1 hanzi at rows 16-55 (lead
 * bytes B0-D7), ordered by pinyin from 啊 (B0A1) to 座 (D7F9), and 3008 level-2 hanzi at rows
 * 56-87 (D8-F7), ordered by radical from 亍 (D8A1) to 齄 (F7FE). A level-1 hanzi weighs 1, a
 * level-2 one 0.5, any other hanzi 0.
 */
describe('plausibility of a GB18030 reading: GB2312 levels', () => {
  const weight = (hanzi: string) => plausibility(hanzi, 'gb18030');

  it('weighs the first and last hanzi of each level by their level', () => {
    expect([weight('啊'), weight('座')]).toEqual([1, 1]);
    expect([weight('亍'), weight('齄')]).toEqual([0.5, 0.5]);
  });

  it('weighs a hanzi outside GB2312 (a traditional form) as 0', () => {
    // 體 is the traditional form of 体 (CDE5, level 1); GB2312 has only the simplified one.
    expect([weight('体'), weight('體')]).toEqual([1, 0]);
  });
});
