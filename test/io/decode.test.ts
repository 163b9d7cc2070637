import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/io/decode.js';

const text = '项目编号,路演展示\nP01,18\n';

describe('decodeBytes', () => {
  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const r = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(r).toEqual({ ok: true, text, encoding: 'utf-8-bom' });
  });

  it('reads plain UTF-8', () => {
    expect(decodeBytes(Buffer.from(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
  });

  it('reads UTF-16LE and UTF-16BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeBytes(le)).toEqual({ ok: true, text, encoding: 'utf-16le' });
    const be = Buffer.from(le);
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
    expect(decodeBytes(be)).toEqual({ ok: true, text, encoding: 'utf-16be' });
  });

  it('falls back to GB18030 for GBK bytes that are not UTF-8', () => {
    // 项目编号 in GBK, written out by hand: cf EE c4 BF b1 E0 ba C5.
    const gbk = Buffer.from([0xcf, 0xee, 0xc4, 0xbf, 0xb1, 0xe0, 0xba, 0xc5, 0x0a]);
    expect(decodeBytes(gbk)).toEqual({ ok: true, text: '项目编号\n', encoding: 'gb18030' });
  });

  it('refuses bytes that are neither UTF-8 nor GB18030, naming the line', () => {
    const r = decodeBytes(Buffer.from([0x61, 0x0a, 0x62, 0x0a, 0xff, 0xff, 0x0a]));
    expect(r).toMatchObject({ ok: false, line: 3 });
  });

  it('refuses UTF-16 without a BOM and NUL bytes', () => {
    expect(decodeBytes(Buffer.from('project,a\r\nP1,2\r\n', 'utf16le'))).toMatchObject({
      ok: false,
      message: expect.stringContaining('UTF-16'),
    });
    expect(decodeBytes(Buffer.from('a,b\n1,\u00002\n'))).toMatchObject({ ok: false, line: 2 });
  });
});
