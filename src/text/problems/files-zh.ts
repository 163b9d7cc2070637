import type { FamilyWords } from '../problems.js';
import type {
  ContentKind,
  EncodingName,
  EncodingReading,
  FileProblems,
  RefusedKind,
} from './files.js';

const ENCODINGS: Record<EncodingName, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GB18030（GBK）',
  big5: 'Big5（繁体中文）',
  shift_jis: 'Shift_JIS（日文）',
};
const reads = (r: EncodingReading) => `按 ${ENCODINGS[r.encoding]} 读是「${r.sample}」`;
const UTF8 = '请把评分表另存为 UTF-8（Excel 里选“CSV UTF-8（逗号分隔）”）后再试';

const SAVE = '另存为 .xlsx（Excel 工作簿）或 CSV';
const SAVE_AS = `请用 Excel 或 WPS 打开，${SAVE}`;
/** What the file is, as a sentence's second half ("它是…"). */
const WHAT: Record<ContentKind, string> = {
  xlsx: '它是 Excel 工作簿（.xlsx）',
  zip: '它是压缩包或别的 Office 文档',
  'old-workbook': '它是旧版工作簿（.xls 或 WPS 的 .et）',
  encrypted: '它是设了密码的工作簿，pcv 打不开',
  pdf: '它是 PDF 文件',
  text: '它是文本（CSV 文件？）',
};
const FIX: Record<ContentKind, string> = {
  xlsx: '请把扩展名改成 .xlsx',
  zip: SAVE_AS,
  'old-workbook': SAVE_AS,
  encrypted: '请去掉密码（Excel：文件 > 信息 > 保护工作簿；WPS：文件 > 文档加密）后重新保存',
  pdf: '请向评委要评分表原件（.xlsx 或 CSV）',
  text: '请把扩展名改成 .csv',
};
const REFUSED: Record<RefusedKind, string> = {
  xls: `这是旧版 Excel 工作簿，pcv 读不了：${SAVE_AS}`,
  et: `这是 WPS 表格文件（.et），pcv 读不了：请用 WPS 打开，${SAVE}`,
  'excel-other': `这是 pcv 读不了的一种 Excel 文件（带宏的、二进制的或模板工作簿）：${SAVE_AS}`,
  ods: `这是 OpenDocument 表格（.ods），pcv 读不了：请用 LibreOffice 或 WPS 打开，${SAVE}`,
  numbers:
    '这是 Apple Numbers 文件，pcv 读不了：请在 Numbers 里选“文件 > 导出为 > Excel”（或 CSV）',
  document: `这是文字文档，不是表格：请把里面的评分表复制到 Excel 或 WPS 里，${SAVE}`,
  pdf: '这是 PDF 文件，pcv 读不出里面的分数：请向评委要评分表原件（.xlsx 或 CSV），或把分数填进空白评分表（pcv template）',
  picture: '这是图片，pcv 读不出里面的分数：请把分数填进空白评分表（pcv template）',
  archive: '这是压缩包：请解压，把里面的评分表直接放进这个文件夹',
};
const UNKNOWN = `pcv 只读存成 .xlsx、.csv、.tsv 或 .txt 的评分表，这个文件都不是：请${SAVE}，或把它移出评分表文件夹`;
const ROLES = { roster: '项目名单', assignments: '评委分工表', rubric: '评分细则' };
const n = (x: number) => x.toLocaleString('en');
const file = (ext: string) => (ext === '' ? '这个没有扩展名的文件' : `这个 ${ext} 文件`);

export function filesZh(): FamilyWords<FileProblems> {
  return {
    'utf16-no-bom': () =>
      '这个文件看来是 UTF-16 编码，pcv 读不了；请在 Excel 里另存为“CSV UTF-8（逗号分隔）”（或 CSV）后再试',
    'encoding-invalid': () =>
      `这个文件既不是 UTF-8 也不是 GB18030/GBK 编码的文本，有读不出的内容；${UTF8}`,
    'encoding-chosen': (p) =>
      `已按 ${ENCODINGS[p.chosen]} 编码读取：按 ${ENCODINGS[p.rule]} 读，文字会是「${p.sample}」；请核对项目名称等文字，或把评分表另存为 UTF-8，以免读错`,
    'encoding-unknown': (p) =>
      `pcv 判断不出这个文件用的是哪种编码：怎么读都不像正常的文字（最接近的：${reads(p.closest)}）；${UTF8}`,
    'encoding-ambiguous': (p) =>
      `pcv 判断不出这个文件用的是哪种编码：${reads(p.first)}，${reads(p.second)}；${UTF8}`,
    'bom-invalid': (p) =>
      `这个文件开头标明是 ${p.label.toUpperCase()} 编码，内容却不是有效的 ${p.label.toUpperCase()} 文本`,
    'nul-byte': () =>
      '这个文件里有空字节（NUL），不是 CSV 评分表：可能是别种文件，或用了意想不到的编码保存',
    'text-lost': (p) =>
      `这一行有「${p.text}」，是以前转换编码时原来的文字丢了留下的；请重新输入那里的文字，或改用最初保存的评分表`,
    'file-empty': () => '文件是空的',
    'file-too-large': (p) => `文件有${p.mb} MB，超过了 pcv 能读的${p.maxMb} MB；这真的是评分表吗？`,
    'quote-unclosed-line': () =>
      '这一行有一格以引号（"）开头，却一直没有结束的引号——后面的内容都会挤进这一格',
    'quote-trailing-text': () => '有一格在结束的引号后面还有文字；请给整格加上引号，或去掉引号',
    'quote-unclosed': () => '有一格以引号（"）开头，却一直没有结束的引号',
    'csv-malformed': (p) => `CSV 格式有误：${p.detail}`,
    'limit-rows': (p) => `超过${n(p.max)}行；每份评分表 pcv 最多读这么多行`,
    'limit-columns': (p) => `有${n(p.columns)}列；每份评分表 pcv 最多读${n(p.max)}列`,
    'limit-cell': (p) => `第${p.cell}格有${n(p.chars)}个字；每格 pcv 最多读${n(p.max)}个字`,
    'content-not-xlsx': (p) => `${file(p.ext)}不是 Excel 工作簿：${WHAT[p.kind]}；${FIX[p.kind]}`,
    'content-not-text': (p) => `${file(p.ext)}不是文本：${WHAT[p.kind]}；${FIX[p.kind]}`,
    'xlsx-too-large': (p) => `工作簿超过${p.mb} MB；评分表用不了这么大`,
    'xlsx-not-zip': () => '这个 .xlsx 文件不是 Excel 工作簿；请重新另存为 .xlsx 或 CSV',
    'xlsx-too-many-parts': (p) => `工作簿由${p.count}个部分组成，评分表用不了这么多`,
    'xlsx-damaged': (p) =>
      `工作簿已损坏（${p.directory === 'none' ? '文件不完整' : '文件结构有误'}），读不出来；请在 Excel 或 WPS 里重新保存`,
    'xlsx-inflates': (p) => `工作簿解压后会超过${p.mb} MB，不予读取`,
    'xlsx-unreadable': (p) => `工作簿读不出来（${p.detail}）；请在 Excel 或 WPS 里重新保存`,
    'xlsx-no-worksheet': () => '工作簿里没有工作表',
    'xlsx-all-hidden': () => '工作簿里的工作表都隐藏了；请取消隐藏评分表（右键 > 取消隐藏）后保存',
    'xlsx-first-sheet': (p) =>
      `第一个可见的工作表「${p.sheet}」没有项目编号列，工作表「${p.other}」${p.hidden ? '（已隐藏）' : ''}却有：请${p.hidden ? '先取消隐藏，再' : ''}把「${p.other}」拖到最左边，然后保存；或删掉其他工作表`,
    'xlsx-hidden-worksheets': (p) =>
      `工作表${p.hidden.map((s) => `「${s}」`).join('、')}隐藏了；读的是第一个可见的工作表「${p.sheet}」`,
    'formula-not-calculated': () =>
      '公式没有算出结果——请在 Excel/WPS 里打开并保存这个文件，或直接填数值',
    'cell-percent': (p) =>
      `${p.ref}设成了百分比格式（${p.shown}）：这一格实际是${p.value}，不是${p.shown.slice(0, -1)}；请把这一格设成数字格式（常规或数值），再重新填分数`,
    'cell-date': (p) =>
      `${p.ref}设成了日期格式（${p.shown}）：这一格实际是数字${p.value}；请把这一格设成数字格式（常规或数值），再核对分数`,
    'lock-file': (p) =>
      `${p.app === 'excel' ? 'Excel 或 WPS' : 'LibreOffice'} 正打开着${p.file}；这个临时锁定文件已跳过（请先保存并关闭评分表，否则最新的修改不会算进这次统计）`,
    'system-file': () => '系统文件，已跳过',
    'hidden-file': () => '隐藏文件，已跳过',
    'hidden-folder': () => '隐藏文件夹或系统文件夹，已跳过',
    subfolder: () =>
      '评分表文件夹里的子文件夹：pcv 只读直接放在评分表文件夹里的评分表；请把这个子文件夹里的评分表移上一层（或把子文件夹移走）',
    'review-file': (p) => `文件名和评审的${ROLES[p.role]}一样，不当作评分表读`,
    'file-refused': (p) => REFUSED[p.kind],
    'file-unknown': (p) =>
      p.csv !== undefined ? `${UNKNOWN}（如果它是 CSV 评分表，请改名为 ${p.csv}）` : UNKNOWN,
    'file-xlsx-no-extension': (p) => `这是一个没有 .xlsx 扩展名的 Excel 工作簿：请改名为 ${p.xlsx}`,
    'input-missing': (p) => `${p.file}：没有这个文件`,
    'input-denied': (p) => `${p.file}：没有读取权限`,
    'input-folder': (p) => `${p.file}：这是文件夹，不是文件`,
    'input-unreadable': (p) => `${p.file}：读不出来（${p.code}）`,
    'no-scores-folder': (p) =>
      `${p.folder}：评审文件夹里没有 scores/ 文件夹；请把每位评委的评分表放进去`,
    'no-pattern-match': (p) => `${p.pattern}：没有文件符合这个写法`,
    'no-such-input': (p) => `${p.input}：没有这个文件或文件夹`,
    'no-sheets': (p) =>
      `${p.folder !== undefined ? `${p.folder} 里` : ''}没有找到评分表；每位评委应有一份 .xlsx 或 .csv`,
    'no-rubric': (p) =>
      `找不到评分细则：在 ${p.folder} 里找过 ${p.names}；请在评审文件夹里运行 pcv，或写明文件夹，或用 --rubric 指定文件`,
    'no-rubric-file': (p) => `${p.file}：没有这个评分细则文件`,
    'no-roster-file': (p) => `${p.file}：没有这个项目名单文件`,
  };
}
