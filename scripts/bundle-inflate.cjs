'use strict';
// What the bundle gets for `require('tiny-inflate')` (scripts/bundle-patches.mjs): the same
// function, inflating a raw DEFLATE stream into `dest`, done by Node's zlib instead of in
// JavaScript. unicode-trie inflates its tables with it as unicode-properties and linebreak load
// (both when the PDF code loads: ~20-30 ms of a cold thread's CPU), fontkit a WOFF font's tables.
// tiny-inflate's contract, kept: the output fills `dest` from its start; when the stream is
// shorter, the filled part is returned (a copy for a Uint8Array, as its `slice` makes),
// otherwise `dest` itself, and bytes past its end are dropped. A corrupt stream throws.
const { inflateRawSync } = require('node:zlib');

module.exports = function inflate(source, dest) {
  const out = inflateRawSync(source);
  if (out.length < dest.length) {
    dest.set(out);
    return typeof dest.slice === 'function'
      ? dest.slice(0, out.length)
      : dest.subarray(0, out.length);
  }
  dest.set(out.subarray(0, dest.length));
  return dest;
};
