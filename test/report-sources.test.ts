import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/*
 * Every word a report prints comes from src/text (the ReportText catalog): the analytics core
 * emits codes and values, and render code looks words up. So neither holds a Chinese string
 * literal, nor decides anything by comparing a language with 'zh' or 'en'. Comments may hold
 * Chinese (they explain, e.g., what a 公示 is); only literals in the code count.
 */

const CJK = /[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/;
const SRC = path.join(ROOT, 'src');

/** core/analytics*.ts and every file under render/ (the workbook's too). */
function scannedFiles(): string[] {
  const core = readdirSync(path.join(SRC, 'core'))
    .filter((f) => /^analytics.*\.ts$/.test(f))
    .map((f) => `core/${f}`);
  return [...core, ...tsFiles('render')].sort();
}

function tsFiles(dir: string): string[] {
  return readdirSync(path.join(SRC, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? tsFiles(`${dir}/${e.name}`)
      : e.name.endsWith('.ts')
        ? [`${dir}/${e.name}`]
        : [],
  );
}

/** Deliberate exceptions, "file: literal", each with its reason. None today. */
const EXCEPTIONS: Record<string, string> = {};

/** Chinese literals and language comparisons in one source text, as "file:line: text". */
function findings(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    if (EXCEPTIONS[`${file}: ${what}`] === undefined) found.push(`${file}:${line}: ${what}`);
  };
  const isLang = (node: ts.Node) =>
    (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
    (node.text === 'zh' || node.text === 'en');
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      if (CJK.test(node.text)) at(node, node.text);
    }
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      const equality =
        op === ts.SyntaxKind.EqualsEqualsEqualsToken ||
        op === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
        op === ts.SyntaxKind.EqualsEqualsToken ||
        op === ts.SyntaxKind.ExclamationEqualsToken;
      if (equality && (isLang(node.left) || isLang(node.right))) at(node, node.getText(source));
    }
    // `case 'zh':` is the same branch written as a switch.
    if (ts.isCaseClause(node) && isLang(node.expression)) at(node, node.getText(source));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('report text lives in src/text', () => {
  const files = scannedFiles();

  it('scans the analytics core and every renderer', () => {
    expect(files).toContain('core/analytics-robustness.ts');
    expect(files).toContain('render/workbook/flags.ts');
    expect(files.length).toBeGreaterThan(30);
  });

  it('core/analytics*.ts and render/**/*.ts hold no Chinese literal and no language branch', () => {
    const all = files.flatMap((f) => findings(f, readFileSync(path.join(SRC, f), 'utf8')));
    expect(all).toEqual([]);
  });

  it('the scan finds what it looks for', () => {
    // Each construct it must catch, and the ones it must let pass (a comment, an id).
    const sample = [
      "const a = lang === 'zh' ? 2 : 0;",
      "if ('en' !== rubric.lang) f();",
      "switch (lang) { case 'zh': break; }",
      "const b = '通过';",
      'const c = `第${n}名`;',
      '// 公示: a comment may say what a thing is called',
      "const d = 'zh-CN-not-a-branch';",
    ].join('\n');
    expect(findings('sample.ts', sample)).toEqual([
      "sample.ts:1: lang === 'zh'",
      "sample.ts:2: 'en' !== rubric.lang",
      "sample.ts:3: case 'zh': break;",
      'sample.ts:4: 通过',
      'sample.ts:5: 第',
      'sample.ts:5: 名',
    ]);
  });
});
