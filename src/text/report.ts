import type { Lang } from '../core/rubric.js';
import { FLAG_WORDS, type FlagWords } from './flags.js';
import { DATE, METHOD_NOTE, RESCALE_NOTE, type MethodFacts } from './report-method.js';
import { OFFSET_LABELS, type OffsetLabels } from './report-offset.js';
import { PDF_LABELS, type PdfLabels } from './report-pdf.js';
import { STATISTICS_WORDS, type StatisticsWords } from './report-statistics.js';
import { TEMPLATE_LABELS, type TemplateLabels } from './report-template.js';
import { TRACK_LABELS, type TrackLabels } from './report-tracks.js';
import { WORKBOOK_EXTRA, type ExtraLabels } from './report-workbook-extra.js';
import { WORKBOOK_LABELS, type WorkbookLabels } from './report-workbook.js';

/**
 * Every word the reports print (announcement PDF and HTML, feedback cards, panel.pdf, the
 * workbook, blank score sheets), as one type both languages fill: a label or a flag missing in
 * one language is a compile error, and test/text.test.ts walks both. The terminal's words are in
 * messages.ts; the two meet only where the terminal quotes a report (agreement notes, flags).
 */
export interface ReportText {
  pdf: PdfLabels;
  tracks: TrackLabels;
  /** panel.pdf's words for `normalize: offset`. */
  offset: OffsetLabels;
  statistics: StatisticsWords;
  flags: FlagWords;
  workbook: WorkbookLabels;
  workbookExtra: ExtraLabels;
  template: TemplateLabels;
  /** One sentence on how the final score was reached (render/method-facts.ts). */
  method: (facts: MethodFacts) => string;
  /** Maxima that add up to `maxSum`, not 100: totals are rescaled (a clause, no full stop). */
  rescaled: (maxSum: number) => string;
  /** A YYYY-MM-DD date as a reader writes it: 2022年6月14日, 14 June 2022. */
  date: (date: string) => string;
  typography: Typography;
}

/** How text is set in each language, where the two differ by convention rather than by words. */
export interface Typography {
  /** The document's language tag: zh-CN, so viewers pick Simplified Chinese glyphs and breaks. */
  tag: string;
  /** Chinese paragraphs open with a two-character indent; English ones are set flush. */
  indent: boolean;
  /**
   * Chinese notices keep the signature two characters in from the margin with the date centred
   * under the name; English letters align both to the right.
   */
  signature: 'center' | 'right';
  /** Between two sentences run together: a space in English, nothing after a Chinese 。. */
  sentenceGap: string;
  /** The HTML page's fonts: the reader's own Chinese font, or the system's. */
  fontStack: string;
}

const TYPOGRAPHY: Record<Lang, Typography> = {
  en: {
    tag: 'en',
    indent: false,
    signature: 'right',
    sentenceGap: ' ',
    fontStack:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  },
  zh: {
    tag: 'zh-CN',
    indent: true,
    signature: 'center',
    sentenceGap: '',
    fontStack:
      '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif',
  },
};

function catalog(lang: Lang): ReportText {
  return {
    pdf: PDF_LABELS[lang],
    tracks: TRACK_LABELS[lang],
    offset: OFFSET_LABELS[lang],
    statistics: STATISTICS_WORDS[lang],
    flags: FLAG_WORDS[lang],
    workbook: WORKBOOK_LABELS[lang],
    workbookExtra: WORKBOOK_EXTRA[lang],
    template: TEMPLATE_LABELS[lang],
    method: METHOD_NOTE[lang],
    rescaled: RESCALE_NOTE[lang],
    date: DATE[lang],
    typography: TYPOGRAPHY[lang],
  };
}

const REPORT: Record<Lang, ReportText> = { en: catalog('en'), zh: catalog('zh') };

/** The report words of one language. */
export function reportText(lang: Lang): ReportText {
  return REPORT[lang];
}
