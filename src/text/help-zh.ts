import type { Command } from 'commander';

/**
 * `pcv --help` and commander's own words in Chinese. cli.ts declares every command in English; when
 * the terminal speaks Chinese it hands the built program here, which swaps each description for
 * its translation (keyed by the English, so cli.ts stays one declaration) and translates the
 * headings, the example lines and commander's error messages on their way out.
 * test/help-zh.test.ts fails when a line of any command's help is left in English.
 */

/** Descriptions of commands, options and arguments, by their English text. */
const DESCRIPTIONS: Record<string, string> = {
  "Tally judges' score sheets into exact, ranked results and reports for a review round.":
    '把评委的评分表汇总成准确的最终得分、排名和评审报告。',
  'output the version number': '显示版本号',
  'display help for command': '显示帮助',
  'review folder, score sheets, folders of sheets or glob patterns (default: .)':
    '评审文件夹、评分表、放评分表的文件夹或通配符（默认：当前文件夹）',
  'rubric file (default: rubric.yaml|yml|json in the review folder)':
    '评分细则文件（默认：评审文件夹里的 rubric.yaml、rubric.yml 或 rubric.json）',
  'project roster (default: projects.csv in the review folder)':
    '项目名单（默认：评审文件夹里的 projects.csv）',
  'which judge scores which project (default: assignments.csv in the review folder)':
    '哪位评委评哪些项目（默认：评审文件夹里的 assignments.csv）',
  "pass mark on the 0-100 scale (overrides the rubric's)":
    '及格线，0到100分（代替评分细则里的及格线）',
  'how judges are combined': '各评委的总分怎样合成最终得分',
  'trimmed mean: drop this many highest and lowest totals': '去掉几个最高分和几个最低分再平均',
  'decimal places of final scores (0-6)': '最终得分保留几位小数（0到6）',
  "rescale each judge's totals before aggregating": '合成前先按各评委打分的松紧调整其总分',
  'language of reports': '报告和提示用的语言',
  'print only errors': '只显示错误',
  'no colour in terminal output': '终端输出不用颜色',
  'show stack traces of internal errors': '程序内部出错时显示详细出错位置（供开发人员查看）',
  'validate the sheets, compute the results, print a summary and write reports':
    '检查评分表，计算结果，显示汇总表并写出报告',
  'output folder for reports (default: pcv-out in the review folder)':
    '报告写到哪个文件夹（默认：评审文件夹里的 pcv-out）',
  'reports to write: comma list of xlsx, pdf, json, cards, panel, html':
    '要写出的报告，用逗号分隔：xlsx、pdf、json、cards、panel、html',
  'print the results JSON on stdout and nothing else there':
    '标准输出只打印结果 JSON，其他内容都不打印在那里',
  "font file for the PDF reports (overrides the rubric's font)":
    'PDF 报告用的字体文件（代替评分细则里的字体）',
  'check every sheet, the roster and the rubric; write nothing':
    '检查每份评分表、项目名单和评分细则，不写出任何文件',
  'create a ready review folder: rubric.yaml, projects.csv, scores/, README.md':
    '新建一个拿来就能用的评审文件夹：rubric.yaml、projects.csv、scores/、README.md',
  'folder to create or fill (default: .)': '要新建或补齐的文件夹（默认：当前文件夹）',
  'overwrite existing files': '覆盖已有的文件',
  "language of the example files (default: the system's, else en)":
    '示例文件的语言（默认：跟随系统语言，否则为英文）',
  'blank score sheets for each judge from the rubric and roster (.xlsx with cell validation, or CSV)':
    '按评分细则和项目名单，给每位评委生成空白评分表（带输入检查的 .xlsx，或 CSV）',
  'review folder (default: .)': '评审文件夹（默认：当前文件夹）',
  'comma list of judges; each gets <judge>.xlsx': '评委名单，用逗号分隔；每位评委一份 <评委>.xlsx',
  'file with one judge per line': '评委名单文件，每行一位评委',
  'xlsx or csv': 'xlsx 或 csv',
  'output folder (default: <dir>/templates)': '输出文件夹（默认：<dir>/templates）',
  'rubric file (default: in the review folder)': '评分细则文件（默认：评审文件夹里的）',
  "judge,project pairs: each sheet lists only its judge's projects (default: assignments.csv in the review folder)":
    '评委与项目的对应表：每份评分表只列该评委负责的项目（默认：评审文件夹里的 assignments.csv）',
  "language of the sheets (default: the rubric's)": '评分表的语言（默认：与评分细则相同）',
  'overwrite existing templates': '覆盖已有的空白评分表',
  're-tally the inputs named in a published results.json and confirm it still matches':
    '按已公布的 results.json 里记下的文件重新计算，核对结果是否还一致',
  'the published results (default: <dir>/pcv-out/results.json)':
    '已公布的结果（默认：<dir>/pcv-out/results.json）',
  'also check the fingerprint printed on the announcement': '同时核对公示上印的校验码',
  'print only differences': '只显示不一致的地方',
};

/** The lines cli.ts adds after the options (examples, exit codes), by their English text. */
const LINES: Record<string, string> = {
  'Examples:': '示例：',
  'Example:': '示例：',
  '  pcv tally review-2022/                    tally a review folder, reports into pcv-out/':
    '  pcv tally review-2022/                    汇总一个评审文件夹，报告写到 pcv-out/',
  '  pcv tally scores/*.csv                    inside the review folder: these sheets only':
    '  pcv tally scores/*.csv                    在评审文件夹里：只汇总这几份评分表',
  '  pcv tally review-2022/ --json > out.json  results JSON on stdout, everything else on stderr':
    '  pcv tally review-2022/ --json > out.json  结果 JSON 写到标准输出，其余提示写到标准错误',
  '  pcv validate review-2022/                 check every sheet, write nothing':
    '  pcv validate review-2022/                 检查每份评分表，不写出任何文件',
  '  pcv validate scores/judge-a.csv           check one sheet as it arrives (panel checks skipped)':
    '  pcv validate scores/judge-a.csv           收到一份评分表就检查一份（需要全部评分表的检查先跳过）',
  'Exit codes: 0 done; 1 the inputs have problems (listed as FILE:LINE:COLUMN: message,':
    '退出码：0 完成；1 输入文件有问题（逐条列出，格式为 文件:行:列: 问题，',
  'nothing written); 2 usage error, missing or unreadable file, or another failure.':
    '不写出任何文件）；2 命令用法有误、文件不存在或读不了，或其他故障。',
  'Exit codes: 0 verified; 1 differences found (each listed); 2 results.json missing or unreadable.':
    '退出码：0 核对一致；1 发现不一致（逐条列出）；2 results.json 不存在或读不了。',
};

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

/** commander's error messages (commander 14), most specific first. */
const ERRORS: [RegExp, string][] = [
  [
    /^error: option '(.+?)' argument '(.*?)' is invalid\. Allowed choices are (.+)\.$/m,
    "错误：选项 '$1' 不能取 '$2'，只能是 $3。",
  ],
  [/^error: option '(.+?)' argument missing$/m, "错误：选项 '$1' 后面缺少值"],
  [/^error: unknown option '(.+?)'$/m, "错误：没有选项 '$1'"],
  [/^error: unknown command '(.+?)'$/m, "错误：没有命令 '$1'"],
  [/^error: missing required argument '(.+?)'$/m, "错误：缺少参数 '$1'"],
  [
    /^error: too many arguments(?: for '.+?')?\. Expected (\d+) arguments? but got (\d+)\.$/m,
    '错误：参数太多，最多 $1 个，实际给了 $2 个。',
  ],
  [/^\(Did you mean one of (.+)\?\)$/m, '（是不是要用其中一个：$1？）'],
  [/^\(Did you mean (.+)\?\)$/m, '（是不是要用 $1？）'],
  [/^\(run pcv --help for usage\)$/m, '（运行 pcv --help 查看用法）'],
  [/^error: /m, '错误：'],
];

export function translateError(text: string): string {
  return ERRORS.reduce((s, [re, zh]) => s.replace(re, zh), text);
}

export function translateHelpLines(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      (LINES[line] ?? line)
        .replace(/\(choices: /g, '(可选：')
        .replace(/default: ?/g, '默认：')
        .replace(/\[options\]/g, '[选项]')
        .replace(/\[command\]/g, '[命令]'),
    )
    .join('\n');
}

/** Every description, heading and message of the program and its commands, in Chinese. */
export function speakChinese(program: Command): void {
  for (const cmd of [program, ...program.commands]) {
    cmd.description(DESCRIPTIONS[cmd.description()] ?? cmd.description());
    for (const option of cmd.options)
      option.description = DESCRIPTIONS[option.description] ?? option.description;
    for (const argument of cmd.registeredArguments)
      argument.description = DESCRIPTIONS[argument.description] ?? argument.description;
    cmd.helpOption('-h, --help', DESCRIPTIONS['display help for command']);
    cmd.configureHelp({ ...cmd.configureHelp(), styleTitle: (s) => TITLES[s] ?? s });
    const output = cmd.configureOutput();
    cmd.configureOutput({
      writeOut: (s) => output.writeOut?.(translateHelpLines(s)),
      writeErr: (s) => output.writeErr?.(translateError(translateHelpLines(s))),
    });
  }
  if (program.commands.length > 0) program.helpCommand('help [command]', '显示某个命令的帮助');
}
