import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript, the build's own list of edits
import { WORKBOOK_PATCHES } from '../scripts/bundle-patches-workbook.mjs';
import { ROOT, fixture } from './helpers.js';

/*
 * scripts/bundle-patches-workbook.mjs edits exceljs and its archiver while bundling. The digests
 * pin the bytes the edited shared strings and XML writer give on the fixtures; these tests load
 * each edited file beside the unedited one and expect the same answers on cases the fixtures may
 * not reach (rich texts, keys an object treats specially, escaped text, glob's file listing).
 */

type Replace = [from: string, to: string, times?: number];
interface Patch {
  filter: RegExp;
  replace: Replace[];
}

/** A package's CommonJS file, as published or with the build's edits, loaded on its own. */
function load(file: string, edited: boolean): unknown {
  const at = path.join(ROOT, 'node_modules', file);
  let text = readFileSync(at, 'utf8');
  if (edited) {
    const patch = (WORKBOOK_PATCHES as Patch[]).find((p) => p.filter.test(at));
    expect(patch, `an edit for ${file}`).toBeDefined();
    for (const [from, to, times = 1] of patch!.replace) {
      const pieces = text.split(from);
      expect(pieces.length - 1, JSON.stringify(from)).toBe(times);
      text = pieces.join(to);
    }
  }
  const module = { exports: {} as unknown };
  new Function('require', 'module', 'exports', text)(createRequire(at), module, module.exports);
  return module.exports;
}

describe("the workbook's vendor edits", () => {
  it('number shared strings as exceljs did: one index per text, one for every rich text', () => {
    type Strings = { add(v: unknown): number; values: unknown[]; totalRefs: number };
    const use = (edited: boolean) => {
      const SharedStrings = load(
        'exceljs/lib/utils/shared-strings.js',
        edited,
      ) as new () => Strings;
      const s = new SharedStrings();
      const rich = (text: string) => ({ richText: [{ text }] });
      const values = [
        '甲',
        'b',
        '甲',
        rich('x'),
        rich('y'),
        '__proto__',
        'constructor',
        1,
        '1',
        '',
      ];
      return { indices: values.map((v) => s.add(v)), values: s.values, refs: s.totalRefs };
    };
    const edited = use(true);
    expect(edited).toEqual(use(false));
    // By hand: 甲 0, b 1, 甲 again 0, the rich texts share "[object Object]" 2, __proto__ 3,
    // constructor 4, the number 1 and the text "1" share "1" 5, the empty text 6.
    expect(edited.indices).toEqual([0, 1, 0, 2, 2, 3, 4, 5, 5, 6]);
  });

  it('write numbers and escaped text into the XML as exceljs did', () => {
    type Xml = {
      openNode(n: string, a?: object): void;
      addAttribute(n: string, v: unknown): void;
      leafNode(n: string, a: object | null, t: unknown): void;
      writeText(t: unknown): void;
      closeNode(): void;
      xml: string;
    };
    const use = (edited: boolean) => {
      const XmlStream = load('exceljs/lib/utils/xml-stream.js', edited) as new () => Xml;
      const x = new XmlStream();
      x.openNode('row');
      x.addAttribute('r', 12);
      x.addAttribute('ht', 22.5);
      x.addAttribute('t', 'a<b & "c\'');
      for (const v of [0, -0, -1.25, 1e21, 5e-7, NaN, Infinity]) x.leafNode('v', null, v);
      x.openNode('t');
      x.writeText('<&>');
      x.closeNode();
      x.closeNode();
      return x.xml;
    };
    expect(use(true)).toBe(use(false));
    expect(use(true)).toBe(
      '<row r="12" ht="22.5" t="a&lt;b &amp; &quot;c&apos;"><v>0</v><v>0</v><v>-1.25</v>' +
        '<v>1e+21</v><v>5e-7</v><v>NaN</v><v>Infinity</v><t>&lt;&amp;&gt;</t></row>',
    );
  });

  it("cut a sheet stream's text into the same 64 KB pieces as exceljs did", async () => {
    type Buf = {
      pipe(w: Writable): void;
      write(d: unknown): Promise<boolean>;
      end(): void;
    };
    const use = async (edited: boolean) => {
      const StreamBuf = load('exceljs/lib/utils/stream-buf.js', edited) as new (o: object) => Buf;
      const pieces: Buffer[] = [];
      const sink = new Writable({
        write(chunk: Buffer, _encoding, done) {
          pieces.push(Buffer.from(chunk));
          done();
        },
      });
      // As exceljs's workbook writer opens a sheet: 64 KB pieces, handed on as each fills.
      const stream = new StreamBuf({ bufSize: 65536, batch: true });
      stream.pipe(sink);
      // Rows of ASCII, of CJK (3 bytes a unit), with an emoji (4 bytes for 2 units) and a lone
      // surrogate (3 bytes for 1), an empty one, a Buffer, and texts longer than a piece or too
      // long for what is left of one, which must be split across two pieces as before.
      const row = (i: number) =>
        `<row r="${i}"><c t="s"><v>${i}</v></c>${'评分明细'.repeat(i % 7)}${i % 5 ? '' : '😀\ud800'}</row>`;
      let bytes = 0;
      const write = async (data: string | Buffer) => {
        bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
        await stream.write(data);
      };
      for (let i = 0; i < 3000; i++) {
        await write(row(i));
        if (i % 997 === 0) await write('');
        if (i % 1301 === 0) await write(Buffer.from(`<!-- ${i} -->`));
        if (i % 1000 === 999) await write('x'.repeat(70000) + '甲'.repeat(9000));
      }
      expect(bytes).toBeGreaterThan(4 * 65536);
      stream.end();
      await new Promise((resolve) => setImmediate(resolve));
      return { pieces, bytes };
    };
    const { pieces: edited, bytes } = await use(true);
    const { pieces: published } = await use(false);
    expect(edited.map((p) => p.length)).toEqual(published.map((p) => p.length));
    expect(Buffer.concat(edited).equals(Buffer.concat(published))).toBe(true);
    // Every piece but the last is full: as many pieces as 64 KB go into the bytes written.
    expect(edited.length).toBe(Math.ceil(bytes / 65536));
    expect(edited.slice(0, -1).every((p) => p.length === 65536)).toBe(true);
  });

  it("write a sheet stream's rows as exceljs did, every kind of cell and row", () => {
    type Rows = new () => { toXml(model: object): string };
    const RowXform = (edited: boolean) =>
      load('exceljs/lib/xlsx/xform/sheet/row-xform.js', edited) as Rows;
    // Cell models as exceljs's Cell gives them after prepare(): type (ValueType), address,
    // styleId and ssId where set. The fast kinds (empty, number, shared string) and the rest,
    // which keep exceljs's own rendering.
    const cells = [
      { type: 0, address: 'A1' },
      { type: 0, address: 'B1', styleId: 3 },
      { type: 2, address: 'C1', value: 0 },
      { type: 2, address: 'D1', value: -1.25, styleId: 12 },
      { type: 2, address: 'E1', value: 1e21 },
      { type: 2, address: 'F1', value: 5e-7, styleId: 1 },
      { type: 2, address: 'G1', value: NaN },
      { type: 2, address: 'H1' },
      { type: 3, address: 'I1', value: '甲 & <b>', ssId: 0 },
      { type: 3, address: 'J1', value: 'x', ssId: 41, styleId: 7 },
      { type: 8, address: 'K1', value: { richText: [{ text: 'r' }] }, ssId: 2 },
      { type: 3, address: 'L1', value: 'inline <&> "q"' },
      { type: 8, address: 'M1', value: { richText: [{ text: 'a<b', font: { bold: true } }] } },
      { type: 9, address: 'N1', value: true, styleId: 2 },
      { type: 10, address: 'O1', value: { error: '#N/A' } },
      { type: 4, address: 'P1', value: new Date(Date.UTC(2024, 5, 14)) },
      { type: 5, address: 'Q1', text: 'site', hyperlink: 'https://x.example', ssId: 4 },
      { type: 6, address: 'R1', formula: 'A1+1', result: 2 },
      { type: 1, address: 'S1', master: 'R1' },
      { type: 1, address: 'T1', master: 'R1', styleId: 5 },
    ];
    const rows = [
      { number: 1, cells, min: 1, max: 20 },
      { number: 2, cells: [], height: 22.5 },
      { number: 3, cells: [{ type: 0, address: 'A3' }], styleId: 4, hidden: true },
      { number: 4, cells: [{ type: 2, address: 'A4', value: 1 }], outlineLevel: 2 },
      { number: 5, cells: [cells[1]], outlineLevel: '1&', collapsed: true, min: 3, max: 2 },
      ...cells.map((c, i) => ({ number: 10 + i, cells: [c], height: i % 3 === 0 ? 30 : 0 })),
    ];
    const edited = new (RowXform(true))();
    const published = new (RowXform(false))();
    for (const row of rows) expect(edited.toXml(row)).toBe(published.toXml(row));
    expect(edited.toXml(rows[1]!)).toBe(
      '<row r="2" ht="22.5" customHeight="1" x14ac:dyDescent="0.25"/>',
    );
    expect(edited.toXml(rows[2]!)).toBe(
      '<row r="3" hidden="1" s="4" customFormat="1" x14ac:dyDescent="0.25"/>',
    );
    expect(edited.toXml({ number: 7, cells: cells.slice(1, 4).concat(cells[9]!) })).toBe(
      '<row r="7" x14ac:dyDescent="0.25"><c r="B1" s="3"/><c r="C1"><v>0</v></c>' +
        '<c r="D1" s="12"><v>-1.25</v></c><c r="J1" s="7" t="s"><v>41</v></c></row>',
    );
  });

  it('expand glob patterns as archiver-utils did, glob loaded on first use', () => {
    type File = { expand(o: object, p: string[]): string[] };
    const use = (edited: boolean) =>
      (load('archiver-utils/file.js', edited) as File).expand({ cwd: fixture('huanshan-2022') }, [
        '**/*.csv',
      ]);
    expect(use(true)).toEqual(use(false));
    expect(use(true)).toContain('scores/judge-a.csv');
  });
});
