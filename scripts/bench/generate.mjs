// Deterministic synthetic review folders for the benchmark: rubric.yaml, projects.csv (Chinese
// names) and scores/ with one wide sheet per judge (one row per project, one column per
// criterion). Everything comes from a seeded PRNG, so the same spec gives the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeGb18030 } from './gb18030.mjs';

/** The rubric of every synthetic review: 4 criteria, max 20/20/40/20, step 0.5. */
export const CRITERIA = [
  { id: 'roadshow', label: '路演展示', max: 20, weight: 20 },
  { id: 'qualification', label: '组织资质', max: 20, weight: 20 },
  { id: 'service_plan', label: '服务方案', max: 40, weight: 40 },
  { id: 'management', label: '项目管理', max: 20, weight: 20 },
];
export const THRESHOLD = 60;
export const TRIM = 1;

/** sfc32: small, fast, well distributed, and seeded (Math.random is never used). */
export function prng(seed) {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  return next;
}

const PLACES = ['环山', '文登', '米山', '龙山', '天福', '埠口', '大水泊', '宋村', '高村', '界石'];
const PLACES2 = ['葛家', '侯家', '泽头', '小观', '汪疃', '张家产', '经济开发区', '南海新区'];
const THEMES = [
  '银龄暖心',
  '邻里守望',
  '绿色家园',
  '红色物业',
  '四点半课堂',
  '心灵驿站',
  '和美家庭',
  '美丽楼院',
  '七彩假期',
  '爱心助残',
  '阳光成长',
  '幸福小院',
  '巾帼创业',
  '乐龄学堂',
  '书香社区',
  '平安守护',
  '健康同行',
  '暖心食堂',
  '青春志愿',
  '文明实践',
];
const TARGETS = [
  '老年人',
  '青少年',
  '困境儿童',
  '残障人士',
  '新市民',
  '退役军人',
  '独居老人',
  '留守妇女',
  '社区居民',
  '流动儿童',
];
const KINDS = [
  '助餐服务',
  '关爱成长计划',
  '能力提升服务',
  '互助行动',
  '志愿服务',
  '心理支持服务',
  '环境整治',
  '文化融合活动',
  '就业支持服务',
  '康复训练',
];
const SUFFIXES = ['项目', '计划', '行动', '工程'];
const GOALS = [
  '居民自治能力提升',
  '社区治理创新',
  '邻里互助网络建设',
  '志愿者队伍培育',
  '公共空间改造',
];
const ORGS = ['康馨', '善邻', '绿源', '益民', '同心', '阳光', '博爱', '众和', '启航', '惠民'];
const CATEGORIES = ['社会组织', '社区', '志愿团队'];
const COMMENTS = [
  '',
  '',
  '',
  '方案完整，建议细化预算',
  '服务对象明确',
  '需加强志愿者管理',
  '亮点突出',
];

const pick = (rand, list) => list[Math.floor(rand() * list.length)];

function projectName(rand, long) {
  const place = pick(rand, PLACES);
  const theme = pick(rand, THEMES);
  const target = pick(rand, TARGETS);
  const kind = pick(rand, KINDS);
  const suffix = pick(rand, SUFFIXES);
  if (!long) return `${place}${theme}·${target}${kind}${suffix}`;
  // Long names as applicants write them (30-45 characters), a few with an ASCII comma that
  // forces CSV quoting.
  const sep = rand() < 0.04 ? ',' : '——';
  return `党建引领“${theme}”${sep}${place}${pick(rand, PLACES2)}${target}${kind}与${pick(rand, GOALS)}${suffix}`;
}

function csvCell(text) {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function yamlString(text) {
  return JSON.stringify(text);
}

function rubricYaml({ title, listAll }) {
  const criteria = CRITERIA.map(
    (c) =>
      `  - id: ${c.id}\n    label: ${c.label}\n    max: ${c.max}\n    weight: ${c.weight}\n    step: 0.5\n`,
  ).join('');
  return (
    `title: ${yamlString(title)}\n` +
    `organizer: 文登区民政局\n` +
    `date: 2024-06-14\n` +
    `lang: zh\n` +
    `threshold: ${THRESHOLD}\n` +
    `aggregate: trimmed-mean\n` +
    `trim: ${TRIM}\n` +
    `decimals: 2\n` +
    `criteria:\n${criteria}` +
    `announcement:\n` +
    `  intro: "经专家评委综合评审，现将评审结果予以公示。"\n` +
    `  noticeDays: 5\n` +
    `  contact: "联系电话：0631-0000000"\n` +
    `  listAll: ${listAll ? 'true' : 'false'}\n`
  );
}

const pad = (n, width) => String(n).padStart(width, '0');

/**
 * Writes a review folder and returns what it holds.
 * spec: { judges, projects, seed, title, longNames, gbJudges: judge numbers (1-based) whose
 * sheet is GB18030 with Chinese headers, comments, listAll, recusalRate }.
 */
export function generateReview(dir, spec) {
  const rand = prng(spec.seed);
  const width = String(spec.projects).length + 1;
  mkdirSync(path.join(dir, 'scores'), { recursive: true });
  writeFileSync(path.join(dir, 'rubric.yaml'), rubricYaml(spec));

  const projects = [];
  const roster = ['id,name,organization,category,amount'];
  for (let i = 1; i <= spec.projects; i++) {
    const id = `P${pad(i, width)}`;
    const name = projectName(rand, spec.longNames);
    // Project quality: most between 0.5 and 0.95 of the maximum, so about three in four pass.
    const quality = 0.5 + 0.45 * (rand() + rand()) * 0.5;
    projects.push({ id, name, quality });
    const org = `文登区${pick(rand, ORGS)}社会工作服务中心`;
    const amount = 10000 + 1000 * Math.floor(rand() * 91);
    roster.push([id, csvCell(name), org, pick(rand, CATEGORIES), amount].join(','));
  }
  writeFileSync(path.join(dir, 'projects.csv'), '\ufeff' + roster.join('\r\n') + '\r\n');

  const sheets = [];
  let cells = 0;
  let recusals = 0;
  for (let j = 1; j <= spec.judges; j++) {
    const judge = `judge-${pad(j, 2)}`;
    const bias = (rand() - 0.5) * 0.12;
    const gb = spec.gbJudges?.includes(j) ?? false;
    const header = gb
      ? ['项目编号', '项目名称', ...CRITERIA.map((c) => c.label)]
      : ['project', 'name', ...CRITERIA.map((c) => c.id)];
    if (spec.comments) header.push(gb ? '评语' : 'comment');
    const lines = [header.join(',')];
    for (const p of projects) {
      const row = [p.id, csvCell(p.name)];
      if (rand() < (spec.recusalRate ?? 0)) {
        row.push('recused', '', '', '');
        recusals++;
      } else {
        for (const c of CRITERIA) {
          const noise = (rand() + rand() - 1) * 0.12;
          const share = Math.min(1, Math.max(0, p.quality + bias + noise));
          row.push(String(Math.round(share * c.max * 2) / 2));
        }
      }
      cells += CRITERIA.length;
      if (spec.comments) row.push(csvCell(pick(rand, COMMENTS)));
      lines.push(row.join(','));
    }
    const text = lines.join('\r\n') + '\r\n';
    const file = path.join(dir, 'scores', `${judge}.csv`);
    if (gb) writeFileSync(file, encodeGb18030(text));
    else writeFileSync(file, '\ufeff' + text);
    sheets.push({ file, encoding: gb ? 'gb18030' : 'utf-8-sig' });
  }
  return { dir, sheets, cells, recusals, projects: spec.projects, judges: spec.judges };
}
