// Source edits esbuild makes to six dependencies while bundling them (scripts/build-bundle.mjs),
// and one it swaps whole (tiny-inflate, below), where code written for node_modules behaves
// differently inside a bundle, or does work on load that pcv's reports never use (issue 15,
// review day). Each edit is an exact text replacement: a file that matches the filter but no
// longer reads as expected stops the build instead of being patched blindly.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WORKBOOK_PATCHES } from './bundle-patches-workbook.mjs';

/**
 * tiny-inflate (unicode-trie's and fontkit's) is swapped for bundle-inflate.cjs, the same
 * function done by Node's zlib: unicode-properties and linebreak inflate their tables with it as
 * pdfkit loads, ~20-30 ms of CPU in JavaScript per thread that loads the PDF code, which on
 * review day is the PDF worker while the main thread already waits for it.
 */
const NATIVE_INFLATE = fileURLToPath(new URL('./bundle-inflate.cjs', import.meta.url));

const PATCHES = [
  {
    // pdfkit's ES module build loads the standard fonts' metrics through a require of its own
    // making, resolving `#standard-fonts/…` in pdfkit's package.json "imports"; from the bundle
    // that require would resolve against pcv and fail. A plain require() is followed by esbuild,
    // with the same "imports" map: the metrics are bundled, and still loaded only when a standard
    // font is used (pdfkit opens every document with Helvetica).
    // pdfkit also imports AES for encrypted PDFs, which pcv never writes; @noble/ciphers builds
    // its AES tables when loaded (~20 ms of CPU per load of pdfkit). Required on first use
    // instead, the same functions, called with the same arguments.
    filter: /[\\/]node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/,
    replace: [
      ["require$1('#standard-fonts/", "require('#standard-fonts/", 14],
      [
        "import { cbc, ecb } from '@noble/ciphers/aes';",
        "const cbc = (...args) => require('@noble/ciphers/aes').cbc(...args);\n" +
          "const ecb = (...args) => require('@noble/ciphers/aes').ecb(...args);",
      ],
    ],
  },
  {
    // archiver-utils 2 (exceljs → archiver) calls the deprecated `new Buffer()`. Node stays quiet
    // about that for code under node_modules, judged by a CommonJS caller's path; from an ES
    // module bundle every workbook would print DEP0005 on stderr. `new Buffer(n)` has zero-filled
    // like Buffer.alloc(n) since Node 8; `new Buffer(string)` is Buffer.from(string). zip-stream's
    // archiver-utils 3 has none of these calls and is left as it is.
    filter: /[\\/]node_modules[\\/]archiver-utils[\\/]index\.js$/,
    replace: [
      ['var buf = new Buffer(size);', 'var buf = Buffer.alloc(size);'],
      ['return new Buffer(0);', 'return Buffer.alloc(0);'],
      ['return new Buffer(source);', 'return Buffer.from(source);'],
    ],
  },
  {
    // fdir (tinyglobby → fdir) looks for picomatch, its optional default matcher, through a
    // require of its own making, which esbuild cannot follow: the bundle would load picomatch's
    // files from node_modules at start-up although the same picomatch (tinyglobby's) is bundled.
    // A plain require() is bundled: fdir gets that module, as before.
    filter: /[\\/]node_modules[\\/]fdir[\\/]dist[\\/]index\.mjs$/,
    replace: [
      [
        '\t__require.resolve("picomatch");\n\tpm = __require("picomatch");',
        '\tpm = require("picomatch");',
      ],
    ],
  },
];

/**
 * fontkit (pdfkit → fontkit) builds three Unicode tables when it loads, for its Arabic, Indic and
 * Universal shapers, and loads brotli, whose dictionary is decoded from base64 on load, for WOFF2
 * fonts only. A PDF in Noto Sans SC uses none of them, yet every PDF paid for them (~35 ms of
 * CPU on the review-day profile, in each thread that loads pdfkit). Each table is built the first
 * time its shaper looks a character up, and brotli is bundled as before but required the first
 * time a WOFF2 font is decompressed: the same values, only later.
 */
const FONTKIT_TRIES = ['$764eb544bbe1ccf0', '$7826f90f6f0cecc9', '$7ab494fe977143c6'];
PATCHES.push({
  filter: /[\\/]node_modules[\\/]fontkit[\\/]dist[\\/]module\.mjs$/,
  replace: [
    [
      'import $52ZIf$brotlidecompressjs from "brotli/decompress.js";',
      'const $52ZIf$brotlidecompressjs = (...args) => require("brotli/decompress.js")(...args);',
    ],
    ...FONTKIT_TRIES.flatMap((id) => [
      [
        `const ${id}$var$trie = new (0, $52ZIf$unicodetrie)(`,
        `let ${id}$var$trie;\nconst ${id}$var$makeTrie = () => new (0, $52ZIf$unicodetrie)(`,
      ],
      [
        `${id}$var$trie.get(`,
        `(${id}$var$trie ??= ${id}$var$makeTrie()).get(`,
        id === '$7826f90f6f0cecc9' ? 2 : 1,
      ],
    ]),
  ],
});

/**
 * restructure (fontkit → restructure) reads every number of a font's tables through
 * `stream[\`read${this.fn}\`]()`: a new string and a keyed look-up per number, which is most of
 * the time fontkit takes to read the 30,899 offsets of Noto Sans SC's loca table, once per face
 * and thread. The method is looked up once per number type instead; the same method reads the
 * same bytes.
 */
PATCHES.push({
  filter: /[\\/]node_modules[\\/]restructure[\\/]src[\\/]Number\.js$/,
  replace: [
    [
      '      this.fn += this.endian;\n    }\n  }',
      '      this.fn += this.endian;\n    }\n' +
        '    this.readFn = DecodeStream.prototype[`read${this.fn}`];\n  }',
    ],
    ['    return stream[`read${this.fn}`]();', '    return this.readFn.call(stream);'],
  ],
});

/**
 * commander requires child_process when it loads, for commands run as separate executables
 * (`pcv-<name>` files), which pcv never declares; Node's child_process brings net, dgram and
 * their bindings (~5 ms of every start, `pcv validate` included). It is required on the first
 * spawn instead: the same function, called with the same arguments.
 */
PATCHES.push({
  filter: /[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/,
  replace: [
    [
      "const childProcess = require('node:child_process');",
      "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };",
    ],
    // Every use of it: should commander call another function of it, the build stops here.
    ['childProcess.', 'childProcess.', 3],
  ],
});

/**
 * string-width makes its Intl.Segmenter when it loads (~8 ms of CPU: ICU's break iterator data),
 * on the main thread of every tally and in the PDF worker. pcv measures most texts by their
 * characters' East Asian Width (src/render/width.ts) and asks string-width only for texts with
 * emoji, combining marks and the like, so the segmenter is made the first time one is measured:
 * the same segmenter, only later.
 */
PATCHES.push({
  filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/,
  replace: [
    ['const segmenter = new Intl.Segmenter();', 'let segmenter;'],
    ['segmenter.segment(string)', '(segmenter ??= new Intl.Segmenter()).segment(string)'],
  ],
});

// The workbook's edits (exceljs and its archiver), kept in their own file.
PATCHES.push(...WORKBOOK_PATCHES);

export const vendorPatches = {
  name: 'pcv-vendor-patches',
  setup(build) {
    build.onResolve({ filter: /^tiny-inflate$/ }, () => ({ path: NATIVE_INFLATE }));
    for (const { filter, replace } of PATCHES) {
      build.onLoad({ filter }, (args) => {
        let text = readFileSync(args.path, 'utf8');
        const found = replace.filter(([from]) => text.includes(from)).length;
        // None: another version of the package, without what the patch is about.
        if (found === 0) return undefined;
        for (const [from, to, times = 1] of replace) {
          const pieces = text.split(from);
          if (pieces.length !== times + 1) {
            throw new Error(`${args.path}: expected ${times} of ${JSON.stringify(from)}`);
          }
          text = pieces.join(to);
        }
        return { contents: text, loader: 'js' };
      });
    }
  },
};
