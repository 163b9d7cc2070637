/** The files `pcv init` writes: a ready review folder to edit, in English or Chinese. */
import { JSON_SCHEMAS, jsonSchemaText } from '../core/json-schemas.js';
import type { Lang } from '../core/rubric.js';
import { messages } from '../text/index.js';

/**
 * The rubric's JSON Schema, copied into the review folder beside rubric.yaml: the first line of
 * the rubric points editors at it by a relative path, which works offline, wherever pcv is
 * installed (globally, locally or by npx, whose cache comes and goes), and after the folder is
 * copied to another machine. It is byte for byte schema/rubric.schema.json of this pcv.
 */
export const RUBRIC_SCHEMA = 'rubric.schema.json';

export function initRubricSchema(): string {
  return jsonSchemaText(JSON_SCHEMAS.find((s) => s.file === RUBRIC_SCHEMA)!);
}

export function initRubric(lang: Lang, today: string): string {
  const zh = lang === 'zh';
  const c = messages(lang).init.rubric;
  const lines = (comment: string[]) => comment.map((l) => `# ${l}`).join('\n');
  // The modeline must be the first line: yaml-language-server (VS Code's YAML extension and
  // others) reads it there and completes and checks keys against the schema.
  return `# yaml-language-server: $schema=./${RUBRIC_SCHEMA}
${lines(c.header)}

title: ${zh ? '2026年社区公益创投项目评审' : '2026 Community Public Welfare Venture Capital Review'}
organizer: ${zh ? 'XX街道办事处' : 'XX Street Office'}
date: ${today} # ${c.date}
lang: ${lang} # ${c.lang}
threshold: 60 # ${c.threshold}
aggregate: trimmed-mean # ${c.aggregate}
trim: 1 # ${c.trim}
decimals: 2 # ${c.decimals}
tieBreak: [service_plan] # ${c.tieBreak}

${lines(c.criteria)}
criteria:
  - id: roadshow
    label: ${zh ? '路演展示' : 'Roadshow presentation'}
    aliases: [${zh ? 'Roadshow presentation, 路演' : '路演展示, 路演'}]
    max: 20
    step: 0.5 # ${c.step}
  - id: qualification
    label: ${zh ? '组织资质' : 'Organisational qualifications'}
    aliases: [${zh ? 'Organisational qualifications, 资质' : '组织资质, 资质'}]
    max: 20
    step: 0.5
  - id: service_plan
    label: ${zh ? '服务方案' : 'Service plan'}
    aliases: [${zh ? 'Service plan, 方案' : '服务方案, 方案'}]
    max: 40
    step: 0.5
  - id: management
    label: ${zh ? '项目管理' : 'Project management'}
    aliases: [${zh ? 'Project management, 管理' : '项目管理, 管理'}]
    max: 20
    step: 0.5

# ${c.announcement}
announcement:
  intro: "${
    zh
      ? '根据公益创投项目评审工作安排，评审会对申报项目进行了路演评审。现将评审结果予以公示。'
      : 'The review panel heard the roadshow of every applicant project. The results are published below.'
  }"
  noticeDays: 5 # ${c.noticeDays}
  contact: "${zh ? '联系电话：0000-0000000' : 'Tel. 0000-0000000'}"
  listAll: false # ${c.listAll}
  # date: ${today} # ${c.postingDate}
  # noticeWorkdays: 5 # ${c.noticeWorkdays}
${zh ? TRACKS_ZH : TRACKS_EN}`;
}

// Tracks and funding, commented out: most reviews rank everyone together and hand out no money.
const TRACKS_EN = `
# Separate rankings by the roster's category column, and the money (see the README section
# "Tracks, quotas and funding"). Remove the # signs to use them.
# tracks:
#   - id: social
#     label: Social organisations
#     categories: [social organisation] # roster categories in this track
#     quota: 12 # optional: at most 12 pass in this track
#     budget: 300000 # optional: this track's money (every track, or funding.budget)
#   - id: community
#     label: Community centres
#     categories: [community centre]
#     threshold: 65 # optional: this track's pass mark
#     budget: 100000
# quotaTies: include # include | exclude: a tie across a quota line
# funding:
#   grant: request # request: the roster amount | tiers: by score band
#   cap: 30000 # optional: at most this much per project
#   atTheLine: stop # stop | skip | partial: the first grant that does not fit
`;

const TRACKS_ZH = `
# 分类评审与资助（见 README「Tracks, quotas and funding」）：按名册的类别分组排名、限额、资助金额。
# 需要时去掉行首的 # 号。
# tracks:
#   - id: social
#     label: 社会组织项目
#     categories: [社会组织] # 名册中属于本组的类别
#     quota: 12 # 可选：本组至多通过12个项目
#     budget: 300000 # 可选：本组资金（各组都写，或只写 funding.budget）
#   - id: community
#     label: 社区自办项目
#     categories: [社区公益服务中心]
#     threshold: 65 # 可选：本组及格线
#     budget: 100000
# quotaTies: include # include | exclude：并列跨越限额线时全部通过或全部不通过
# funding:
#   grant: request # request：按申请金额 | tiers：按分数档次
#   cap: 30000 # 可选：每个项目至多资助3万元
#   atTheLine: stop # stop | skip | partial：资金不足时停止、跳过或按比例部分资助
`;

export function initRoster(lang: Lang): string {
  // A BOM so that Excel opens the Chinese text correctly when the organiser edits the roster.
  return lang === 'zh'
    ? '\uFEFF项目编号,项目名称,申报单位,类别,申请金额\r\nP01,银龄助餐服务项目,XX社会工作服务中心,社会组织,30000\r\nP02,绿色家园垃圾分类项目,XX社区公益服务中心,社区公益服务中心,20000\r\n'
    : '\uFEFFid,name,organization,category,amount\r\nP01,Silver Age Canteen,XX Social Work Service Centre,social organisation,30000\r\nP02,Green Courtyard,XX Community Service Centre,community centre,20000\r\n';
}

export function initReadme(lang: Lang): string {
  if (lang === 'zh') {
    return `# 评审文件夹

1. 编辑 rubric.yaml：评审名称、日期、评分项、及格线、计分方法、公示文字。
2. 在 projects.csv 中列出全部申报项目（可用 Excel 编辑，另存为 CSV UTF-8）。
3. 为评委生成空白评分表：  pcv template --judges 评委A,评委B,评委C,评委D,评委E
   评分表在 templates/ 中；请评委填写后放入 scores/（每位评委一个文件）。
4. 评审当天：  pcv validate .   检查所有评分表；  pcv tally .   计算结果并生成报告（pcv-out/）。
5. 公示后：  pcv verify .   核对公示结果与评分表是否一致。

rubric.schema.json 供编辑器（如安装了 YAML 扩展的 VS Code）在编辑 rubric.yaml 时提示和检查各项设置，请与 rubric.yaml 放在同一文件夹。
`;
  }
  return `# Review folder

1. Edit rubric.yaml: title, date, criteria, pass mark, aggregation, announcement text.
2. List every applicant project in projects.csv (edit in Excel, save as CSV UTF-8).
3. Make blank score sheets for the judges:  pcv template --judges judge-a,judge-b,judge-c
   They are written to templates/; put each judge's filled-in sheet into scores/.
4. On review day:  pcv validate .  checks every sheet;  pcv tally .  computes the results and
   writes the reports into pcv-out/.
5. After publication:  pcv verify .  confirms the published results still match the sheets.

rubric.schema.json lets an editor (VS Code with the YAML extension, for one) complete and check
the keys of rubric.yaml as you type; keep it beside rubric.yaml.
`;
}
