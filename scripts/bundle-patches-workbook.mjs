// The workbook's vendor edits (issue 15, workbook stop 13), applied by bundle-patches.mjs like its
// own: exact text replacements, counted, so that another version of a package stops the build
// instead of being patched blindly. Each keeps exceljs's output byte for byte.

export const WORKBOOK_PATCHES = [
  {
    // exceljs numbers shared strings through a plain object keyed by each cell's text. A
    // 10,000-project workbook adds ~600,000 texts (names, comments, flag sentences); each look-up
    // with a text not yet seen makes V8 intern it first (hash and copy into its string table),
    // and the dictionary of ~90,000 keys grows by rehashing. A Map keeps the same key → index
    // pairs without interning. The key is the text the object used: `String(value)` for a
    // rich-text value ("[object Object]", as before: one index for every rich text).
    filter: /[\\/]node_modules[\\/]exceljs[\\/]lib[\\/]utils[\\/]shared-strings\.js$/,
    replace: [
      ['this._hash = Object.create(null);', 'this._hash = new Map();'],
      [
        '    let index = this._hash[value];\n' +
          '    if (index === undefined) {\n' +
          '      index = this._hash[value] = this._values.length;\n',
        "    const key = typeof value === 'string' ? value : String(value);\n" +
          '    let index = this._hash.get(key);\n' +
          '    if (index === undefined) {\n' +
          '      index = this._values.length;\n' +
          '      this._hash.set(key, index);\n',
      ],
    ],
  },
  {
    // exceljs escapes every attribute value and text it writes with a regular expression, numbers
    // included: a cell's style index, shared-string index and value, ~3 per cell (1.3 million
    // cells in a 10,000-project workbook). A number's text is digits, '.', '-', 'e', '+',
    // "Infinity" or "NaN", none of which XML escapes: numbers are written as their text directly.
    filter: /[\\/]node_modules[\\/]exceljs[\\/]lib[\\/]utils[\\/]xml-stream\.js$/,
    replace: [
      [
        '  xml.push(` ${name}="${utils.xmlEncode(value.toString())}"`);\n',
        '  xml.push(` ${name}="${typeof value === \'number\' ? String(value) : utils.xmlEncode(value.toString())}"`);\n',
      ],
      [
        '    xml.push(utils.xmlEncode(text.toString()));\n',
        "    xml.push(typeof text === 'number' ? String(text) : utils.xmlEncode(text.toString()));\n",
      ],
    ],
  },
  {
    // exceljs's sheet streams take each row's XML as a string, encode it into a Buffer of its own
    // (from Node's 8 KB pools: 44 MB of a 10,000-project workbook, garbage once copied) and copy
    // that into the stream's current 64 KB buffer. A text that surely fits (3 bytes per UTF-16
    // unit at most in UTF-8) is encoded straight into the 64 KB buffer instead, where the copy
    // would have put the same bytes; any other text goes the old way, so the 64 KB pieces the
    // archiver gets are the same.
    filter: /[\\/]node_modules[\\/]exceljs[\\/]lib[\\/]utils[\\/]stream-buf\.js$/,
    replace: [
      [
        '  _writeToBuffers(chunk) {\n    let inPos = 0;\n',
        '  _writeToBuffers(chunk) {\n' +
          "    if (chunk instanceof StringChunk && typeof chunk._data === 'string' &&\n" +
          "        (chunk._encoding === undefined || chunk._encoding === 'utf8') && chunk._data.length > 0) {\n" +
          '      const last = this._getWritableBuffer();\n' +
          '      if (chunk._data.length * 3 <= last.size - last.iWrite) {\n' +
          "        last.iWrite += last.buffer.write(chunk._data, last.iWrite, 'utf8');\n" +
          '        return;\n' +
          '      }\n' +
          '    }\n' +
          '    let inPos = 0;\n',
      ],
    ],
  },
  {
    // exceljs's sheet stream renders each row through an XmlStream: ~10 small strings pushed to
    // an array per cell, the attributes escaped one by one, the array joined (~1.3 million cells
    // in a 10,000-project workbook, about a quarter of the workbook's CPU). A row's XML is built
    // here as one string instead, for the cells pcv writes (empty, number, shared string); any
    // other cell is rendered by exceljs's own CellXform on its own stream and put in its place,
    // so every row reads as before. Only toXml() changes, which only the sheet stream calls for
    // rows; a whole worksheet (the in-memory Workbook) still renders through render().
    filter: /[\\/]node_modules[\\/]exceljs[\\/]lib[\\/]xlsx[\\/]xform[\\/]sheet[\\/]row-xform\.js$/,
    replace: [
      [
        "const CellXform = require('./cell-xform');\n",
        "const CellXform = require('./cell-xform');\n" +
          "const XmlStream = require('../../../utils/xml-stream');\n" +
          "const {ValueType} = require('../../../doc/enums');\n" +
          '\n' +
          "// An attribute value or text as XmlStream writes it (a number's text needs no escaping).\n" +
          "const xmlText = v => (typeof v === 'number' ? String(v) : utils.xmlEncode(v.toString()));\n",
      ],
      [
        '  render(xmlStream, model, options) {\n' + "    xmlStream.openNode('row');\n",
        '  toXml(model) {\n' +
          '    let xml = `<row r="${xmlText(model.number)}"`;\n' +
          '    if (model.height) xml += ` ht="${xmlText(model.height)}" customHeight="1"`;\n' +
          '    if (model.hidden) xml += \' hidden="1"\';\n' +
          '    if (model.min > 0 && model.max > 0 && model.min <= model.max) {\n' +
          '      xml += ` spans="${xmlText(`${model.min}:${model.max}`)}"`;\n' +
          '    }\n' +
          '    if (model.styleId) xml += ` s="${xmlText(model.styleId)}" customFormat="1"`;\n' +
          '    xml += \' x14ac:dyDescent="0.25"\';\n' +
          '    if (model.outlineLevel) xml += ` outlineLevel="${xmlText(model.outlineLevel)}"`;\n' +
          '    if (model.collapsed) xml += \' collapsed="1"\';\n' +
          "    let cells = '';\n" +
          '    const {cells: models} = model;\n' +
          '    for (let i = 0; i < models.length; i++) {\n' +
          '      const c = models[i];\n' +
          '      const s = c.styleId ? ` s="${xmlText(c.styleId)}"` : \'\';\n' +
          '      if (c.type === ValueType.Null) {\n' +
          '        if (c.styleId) cells += `<c r="${xmlText(c.address)}"${s}/>`;\n' +
          '      } else if (c.type === ValueType.Number && c.value !== undefined) {\n' +
          '        cells += `<c r="${xmlText(c.address)}"${s}><v>${xmlText(c.value)}</v></c>`;\n' +
          '      } else if (\n' +
          '        (c.type === ValueType.String || c.type === ValueType.RichText) &&\n' +
          '        c.ssId !== undefined\n' +
          '      ) {\n' +
          '        cells += `<c r="${xmlText(c.address)}"${s} t="s"><v>${xmlText(c.ssId)}</v></c>`;\n' +
          '      } else {\n' +
          '        const one = new XmlStream();\n' +
          '        this.map.c.render(one, c);\n' +
          '        cells += one.xml;\n' +
          '      }\n' +
          '    }\n' +
          "    return cells === '' ? `${xml}/>` : `${xml}>${cells}</row>`;\n" +
          '  }\n' +
          '\n' +
          '  render(xmlStream, model, options) {\n' +
          "    xmlStream.openNode('row');\n",
      ],
    ],
  },
  {
    // archiver loads readdir-glob (with its minimatch) for `directory()` and `glob()`, which
    // exceljs never calls: every workbook paid for loading it. Required on the first call
    // instead, the same function with the same arguments.
    filter: /[\\/]node_modules[\\/]archiver[\\/]lib[\\/]core\.js$/,
    replace: [
      [
        "var glob = require('readdir-glob');",
        "var glob = (...args) => require('readdir-glob')(...args);",
      ],
      // Every call of it: should archiver use it another way, the build stops here.
      ['glob(', 'glob(', 2],
    ],
  },
  {
    // archiver-utils (2 for archiver, 3 for zip-stream) loads glob 7 for `file.expand()`, which
    // neither archiver's zip format nor exceljs calls. Required on first use instead.
    filter:
      /[\\/]node_modules[\\/](?:zip-stream[\\/]node_modules[\\/])?archiver-utils[\\/]file\.js$/,
    replace: [
      [
        "var glob = require('glob');",
        "var glob = { sync: (...args) => require('glob').sync(...args) };",
      ],
      // The comment naming File.prototype.glob.sync and the one call.
      ['glob.', 'glob.', 2],
    ],
  },
];
