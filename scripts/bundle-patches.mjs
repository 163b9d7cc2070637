// Source edits esbuild makes to two dependencies while bundling them (scripts/build-bundle.mjs),
// where code written for node_modules behaves differently inside a bundle. Each edit is an exact
// text replacement: a file that matches the filter but no longer reads as expected stops the
// build instead of being patched blindly.
import { readFileSync } from 'node:fs';

const PATCHES = [
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

export const vendorPatches = {
  name: 'pcv-vendor-patches',
  setup(build) {
    for (const { filter, replace } of PATCHES) {
      build.onLoad({ filter }, (args) => {
        let text = readFileSync(args.path, 'utf8');
        const found = replace.filter(([from]) => text.includes(from)).length;
        // None: another version of the package, without what the patch is about.
        if (found === 0) return undefined;
        for (const [from, to] of replace) {
          if (text.split(from).length !== 2) {
            throw new Error(`${args.path}: expected exactly one ${JSON.stringify(from)}`);
          }
          text = text.replace(from, to);
        }
        return { contents: text, loader: 'js' };
      });
    }
  },
};
