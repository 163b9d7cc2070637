// The floor for pcv's reader: decode each sheet and run csv-parse over it, counting records and
// nothing else (no validation, no numbers, no results).
//   node scripts/bench/bare-parse.mjs [--stream] FILE...
// Prints one JSON line: {"files":N,"records":N,"fields":N}.
import { createReadStream, readFileSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import { parse as parseSync } from 'csv-parse/sync';
import { parse as parseStream } from 'csv-parse';

const args = process.argv.slice(2);
const stream = args.includes('--stream');
const files = args.filter((a) => !a.startsWith('--'));

/** The same rule as pcv's reader: a BOM wins, else strict UTF-8, else GB18030. */
function decode(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

let records = 0;
let fields = 0;
for (const file of files) {
  if (stream) {
    // Streaming: bytes in chunks through one decoder per file (BOM-sniffed on the first chunk).
    let decoder;
    const parser = createReadStream(file).compose(async function* (chunks) {
      for await (const chunk of chunks) {
        if (decoder === undefined) {
          const bom = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
          let utf8 = bom;
          if (!bom) {
            try {
              new TextDecoder('utf-8', { fatal: true }).decode(chunk, { stream: true });
              utf8 = true;
            } catch {
              utf8 = false;
            }
          }
          decoder = new TextDecoder(utf8 ? 'utf-8' : 'gb18030');
        }
        yield decoder.decode(chunk, { stream: true });
      }
      yield decoder?.decode() ?? '';
    });
    for await (const record of parser.pipe(parseStream({ relax_column_count: true }))) {
      records++;
      fields += record.length;
    }
  } else {
    const rows = parseSync(decode(readFileSync(file)), { relax_column_count: true });
    records += rows.length;
    for (const r of rows) fields += r.length;
  }
}
console.log(JSON.stringify({ files: files.length, records, fields }));
