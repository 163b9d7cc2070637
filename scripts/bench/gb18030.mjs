// A GB18030 encoder for the characters the benchmark writes. Node can decode GB18030 but not
// encode it, so the two-byte (GBK) part of the code page is built once by decoding every lead and
// trail byte pair and inverting the result. Every CJK character and the full-width punctuation
// the generator uses lie in that part; anything else is refused rather than written wrongly.
import { TextDecoder } from 'node:util';

let table;

function encodingTable() {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gb18030');
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const ch = decoder.decode(pair);
      // The first (canonical) byte pair wins should two decode to the same character.
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return table;
}

/** The GB18030 bytes of `text` (ASCII and two-byte characters only). */
export function encodeGb18030(text) {
  const map = encodingTable();
  const out = Buffer.allocUnsafe(text.length * 2);
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (code < 0x80) {
      out[n++] = code;
      continue;
    }
    const bytes = map.get(ch);
    if (bytes === undefined) throw new Error(`no two-byte GB18030 code for ${JSON.stringify(ch)}`);
    out[n++] = bytes[0];
    out[n++] = bytes[1];
  }
  const encoded = out.subarray(0, n);
  // Round trip, so that a wrong table can never produce a sheet that tests something else.
  if (new TextDecoder('gb18030', { fatal: true }).decode(encoded) !== text) {
    throw new Error('GB18030 round trip failed');
  }
  return encoded;
}
