import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { wordProblem } from '../../src/text/word.js';
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
    const utf16 = decodeBytes(Buffer.from('project,a\r\nP1,2\r\n', 'utf16le'));
    expect(utf16.ok).toBe(false);
    expect(!utf16.ok && wordProblem(utf16.message, 'en')).toContain('UTF-16');
    expect(decodeBytes(Buffer.from('a,b\n1,\u00002\n'))).toMatchObject({ ok: false, line: 2 });
  });
});

describe('decodeBytes: the encoding is chosen by how plausible the text is', () => {
  // 銀齡助餐服務 in Big5, from the Big5 table: 銀 BB C8, 齡 C4 D6, 助 A7 55, 餐 C0 5C, 服 AA 41,
  // 務 B0 C8. Every pair is also valid GB18030 (蝗闹…繺狝叭).
  const big5 = Buffer.from([
    0xbb, 0xc8, 0xc4, 0xd6, 0xa7, 0x55, 0xc0, 0x5c, 0xaa, 0x41, 0xb0, 0xc8,
  ]);

  it('reads Big5 as Big5, with a note naming what GB18030 would have made of it', () => {
    const r = decodeBytes(Buffer.concat([Buffer.from('id,name\nP1,'), big5, Buffer.from('\n')]));
    expect(r).toMatchObject({ ok: true, text: 'id,name\nP1,銀齡助餐服務\n', encoding: 'big5' });
    const note = r.ok && r.note !== undefined ? wordProblem(r.note, 'en') : '';
    expect(note).toContain('read as Big5');
    expect(note).toContain('蝗闹');
  });

  it('reads GBK that happens to be valid UTF-8 as GBK (实施, not ʵʩ)', () => {
    // 实施 in GBK: CA B5 CA A9; as UTF-8 that is U+02B5 U+02A9, two IPA modifier letters.
    const bytes = Buffer.from([0x61, 0x2c, 0xca, 0xb5, 0xca, 0xa9, 0x0a]);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe('a,ʵʩ\n');
    expect(decodeBytes(bytes)).toMatchObject({ ok: true, text: 'a,实施\n', encoding: 'gb18030' });
  });

  it('keeps UTF-8 when its letters sit inside Latin words (café is not caf茅)', () => {
    expect(decodeBytes(Buffer.from('name\ncafé\n'))).toEqual({
      ok: true,
      text: 'name\ncafé\n',
      encoding: 'utf-8',
    });
  });

  it('keeps the rule for ordinary GBK and UTF-8 Chinese, with no note', () => {
    const t = '项目名称,评语\n银龄暖心·社区老年助餐服务项目,方案完整，预算合理\n';
    expect(decodeBytes(Buffer.from(t))).toEqual({ ok: true, text: t, encoding: 'utf-8' });
    expect(decodeBytes(iconv.encode(t, 'gbk'))).toEqual({ ok: true, text: t, encoding: 'gb18030' });
  });

  it('stops when no reading is convincing, naming a reading and the line', () => {
    // Big5 次常用 pairs F0 40, F1 45: rare in Big5, GBK extension hanzi in GB18030.
    const r = decodeBytes(Buffer.from([0x61, 0x0a, 0xf0, 0x40, 0xf1, 0x45, 0x0a]));
    expect(r).toMatchObject({ ok: false, line: 2 });
    expect(!r.ok && wordProblem(r.message, 'en')).toContain("cannot tell this file's encoding");
  });

  it('refuses text an earlier conversion damaged (replacement character, 锟斤拷)', () => {
    expect(decodeBytes(Buffer.from('a\nb\uFFFD\n'))).toMatchObject({ ok: false, line: 2 });
    expect(decodeBytes(Buffer.from('a\n\n锟斤拷\n'))).toMatchObject({ ok: false, line: 3 });
  });
});
