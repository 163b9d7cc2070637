/**
 * Header and key normalisation shared by the rubric, the roster and the sheets: full-width forms
 * to ASCII (NFKC), case and surrounding/duplicate spaces ignored.
 */
export function normalizeHeader(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Paper forms print the maximum beside the criterion: `路演展示（20分）`, `Roadshow (max 20)`.
 * The parenthesised part is dropped before matching when it holds a number.
 */
export function stripMaxAnnotation(normalized: string): string {
  return normalized.replace(/\s*\([^()]*\d[^()]*\)\s*$/, '').trim();
}

/**
 * Columns every sheet may have besides the criteria, with their accepted headers: English,
 * simplified Chinese, and traditional Chinese (a Big5 sheet from Hong Kong, Macao or Taiwan says
 * 項目編號). Criteria are matched by the rubric's id, label and `aliases`, so a traditional label
 * such as 服務方案 is accepted by adding it to that criterion's aliases.
 */
export const SHEET_FIELDS = {
  project: ['project', 'id', 'project id', '项目编号', '编号', '項目編號', '編號'],
  name: ['name', 'project name', '项目名称', '名称', '項目名稱', '名稱'],
  comment: ['comment', 'comments', '备注', '评语', '備註', '評語'],
  judge: ['judge', '评委', '評委'],
  recused: ['recused', '回避', '迴避'],
  total: ['total', '总分', '合计', '總分', '合計'],
  no: ['no', 'no.', '#', '序号', '序號'],
} as const;

export type SheetField = keyof typeof SHEET_FIELDS;

/** The roster's columns, in the same three spellings as the sheets'. */
export const ROSTER_FIELDS = {
  id: ['id', 'project', 'project id', '项目编号', '编号', '項目編號', '編號'],
  name: ['name', 'project name', '项目名称', '名称', '項目名稱', '名稱'],
  organization: [
    'organization',
    'organisation',
    'applicant',
    '申报单位',
    '单位',
    '申報單位',
    '單位',
  ],
  category: ['category', '类别', '类型', '類別', '類型'],
  amount: ['amount', 'requested', '申请金额', '金额', '申請金額', '金額'],
  group: ['group', '分组', '组别', '分組', '組別'],
} as const;

export type RosterField = keyof typeof ROSTER_FIELDS;

/** Edit distance, for "did you mean" hints on misspelt headers. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      const left = prev[j - 1] ?? 0;
      prev[j] = Math.min(up + 1, left + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}

/** The closest candidate when it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = Math.max(1, Math.floor(Math.max(word.length, 3) / 3));
  return bestDistance <= limit ? best : undefined;
}

/**
 * A header row's cells mapped to the fields they name (blank cells skipped). An unknown header is
 * handed to `unknown` with the closest known one as a hint, a second column for a field to
 * `duplicate`; the roster and assignments.csv decide how serious each is.
 */
export function mapColumns<F extends string>(
  cells: readonly string[],
  known: ReadonlyMap<string, F>,
  unknown: (cell: string, hint: string | undefined) => void,
  duplicate: (cell: string, field: F) => void,
): Map<F, number> {
  const columns = new Map<F, number>();
  cells.forEach((cell, index) => {
    const key = normalizeHeader(cell);
    if (key === '') return;
    const field = known.get(key);
    if (field === undefined) unknown(cell, closest(key, known.keys()));
    else if (columns.has(field)) duplicate(cell, field);
    else columns.set(field, index);
  });
  return columns;
}
