import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pcv } from '../helpers.js';
import { reviewFolder } from '../review-folder.js';

/** Text as Big5 bytes, from a table made by decoding every Big5 code with Node's own decoder. */
function big5(text: string): Buffer {
  const decoder = new TextDecoder('big5', { fatal: true });
  const table = new Map<string, number[]>();
  for (let lead = 0xa1; lead <= 0xf9; lead++) {
    for (const trail of [...range(0x40, 0x7e), ...range(0xa1, 0xfe)]) {
      try {
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (!table.has(ch)) table.set(ch, [lead, trail]);
      } catch {
        // not a Big5 code
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else bytes.push(...table.get(ch)!);
  }
  return Buffer.from(bytes);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

describe('a Big5 sheet with traditional Chinese headers', () => {
  it('is read: 項目編號, 項目名稱, 備註 and 迴避 are known, criteria match their aliases', async () => {
    const dir = reviewFolder({
      'rubric.yaml': `title: T
threshold: 60
aggregate: mean
criteria:
  - { id: plan, label: 服务方案, aliases: [服務方案], max: 60 }
  - { id: org, label: 组织资质, aliases: [組織資質], max: 40 }
`,
      'scores/a.csv': 'project,plan,org\nE1,50,30\nE2,40,35\n',
    });
    // Traditional headers, in Big5 as Excel in Hong Kong or Taiwan saves them.
    writeFileSync(
      path.join(dir, 'scores', 'b.csv'),
      big5(
        '項目編號,項目名稱,服務方案,組織資質,迴避,備註\nE1,銀齡助餐服務,40,30,,很好\nE2,綠色家園,,,是,\n',
      ),
    );
    const out = path.join(dir, 'out');
    const r = await pcv(['tally', dir, '--out', out, '--format', 'json']);
    expect(r.stderr).toContain('read as Big5');
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as {
      projects: { id: string; final: number; scores: Record<string, { comment?: string }> }[];
    };
    // E1: a 50 + 30 = 80, b 40 + 30 = 70, mean 75. E2: a 40 + 35 = 75, b recused.
    expect(json.projects.map((p) => [p.id, p.final])).toEqual([
      ['E1', 75],
      ['E2', 75],
    ]);
    expect(json.projects[0]!.scores.b!.comment).toBe('很好');
  });
});
