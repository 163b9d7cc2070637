// The specs of the benchmark's three synthetic reviews, shared by run.mjs (which generates them)
// and test/bench-digests.test.ts (which pins their outputs), so the two cannot drift apart.

/** 1M score cells: 25 judges × 10,000 projects × 4 criteria, one GB18030 sheet. */
export const BIG = {
  judges: 25,
  projects: 10000,
  seed: 20240614,
  title: '全省公益创投项目评审（基准测试）',
  gbJudges: [13],
  recusalRate: 0.002,
  listAll: false,
};

/** 10,000 projects with long Chinese names and comments, every project in the announcement. */
export const REPORTS = {
  judges: 5,
  projects: 10000,
  seed: 20240615,
  title: '全市公益创投项目评审（基准测试·报告）',
  longNames: true,
  comments: true,
  recusalRate: 0.001,
  listAll: true,
};

/** Judge groups (issue 13): 300 judges, 5 of them drawn for each of 10,000 projects. */
export const GROUPS = { judges: 300, projects: 10000, perProject: 5, seed: 20261130 };
