// A deterministic partial-panel review for the benchmark (judge groups, issue 13): each project
// scored by `perProject` judges drawn at random, each judge with a leniency of its own, and an
// assignments.csv saying who scores what. Same seed, same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CRITERIA, THRESHOLD, TRIM, prng } from './generate.mjs';

const pad = (n, width) => String(n).padStart(width, '0');

/** spec: { judges, projects, perProject, seed }. Returns { dir, judges, projects, pairs }. */
export function generateGroupsReview(dir, spec) {
  const rand = prng(spec.seed);
  mkdirSync(path.join(dir, 'scores'), { recursive: true });
  const criteria = CRITERIA.map(
    (c) => `  - id: ${c.id}\n    label: ${c.label}\n    max: ${c.max}\n    step: 0.5\n`,
  ).join('');
  writeFileSync(
    path.join(dir, 'rubric.yaml'),
    `title: 分组评审基准测试\nlang: zh\nthreshold: ${THRESHOLD}\n` +
      `aggregate: trimmed-mean\ntrim: ${TRIM}\ncriteria:\n${criteria}`,
  );
  const pw = String(spec.projects).length + 1;
  const jw = String(spec.judges).length;
  const judges = Array.from({ length: spec.judges }, (_, j) => ({
    id: `judge-${pad(j + 1, jw)}`,
    // Leniency of up to ±6 points of 100.
    bias: (rand() - 0.5) * 0.12,
    rows: [],
  }));
  const roster = ['id,name'];
  const assignments = ['judge,project'];
  for (let i = 1; i <= spec.projects; i++) {
    const id = `P${pad(i, pw)}`;
    roster.push(`${id},项目${i}`);
    const quality = 0.5 + 0.45 * (rand() + rand()) * 0.5;
    const chosen = new Set();
    while (chosen.size < spec.perProject) chosen.add(Math.floor(rand() * spec.judges));
    for (const j of [...chosen].sort((a, b) => a - b)) {
      const judge = judges[j];
      assignments.push(`${judge.id},${id}`);
      const scores = CRITERIA.map((c) => {
        const share = Math.min(1, Math.max(0, quality + judge.bias + (rand() + rand() - 1) * 0.08));
        return String(Math.round(share * c.max * 2) / 2);
      });
      judge.rows.push([id, ...scores].join(','));
    }
  }
  writeFileSync(path.join(dir, 'projects.csv'), roster.join('\n') + '\n');
  writeFileSync(path.join(dir, 'assignments.csv'), assignments.join('\n') + '\n');
  const header = ['project', ...CRITERIA.map((c) => c.id)].join(',');
  for (const judge of judges) {
    writeFileSync(
      path.join(dir, 'scores', `${judge.id}.csv`),
      [header, ...judge.rows].join('\n') + '\n',
    );
  }
  return {
    dir,
    judges: spec.judges,
    projects: spec.projects,
    pairs: spec.projects * spec.perProject,
  };
}
