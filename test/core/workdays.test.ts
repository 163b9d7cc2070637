import { describe, expect, it } from 'vitest';
import { parseRubric } from '../../src/core/rubric.js';
import { workdayPeriod } from '../../src/core/workdays.js';
import { noticePeriod } from '../../src/render/notice-period.js';

describe('notice period in Chinese working days', () => {
  it('skips the 2026 National Day holiday and counts its make-up Saturday', () => {
    // 国务院办公厅关于2026年部分节假日安排的通知 (the State Council's 2026 holiday schedule), as
    // shipped in chinese-days 1.5.7 (dist/chinese-days.json): 国庆节 1-7 October off, Sunday
    // 20 September and Saturday 10 October working days.
    // Posted Wednesday 30 September; counting from 1 October:
    //   1-7 Oct holiday; Thu 8 Oct (1), Fri 9 Oct (2), Sat 10 Oct make-up day (3),
    //   Sun 11 Oct weekend, Mon 12 Oct (4), Tue 13 Oct (5).
    expect(workdayPeriod('2026-09-30', 5)).toEqual({ ok: true, to: '2026-10-13' });
  });

  it('plain weeks: five working days from a Thursday posting end the next Thursday', () => {
    // 2022-06-16 is a Thursday: Fri 17 (1), Mon 20 (2), Tue 21 (3), Wed 22 (4), Thu 23 (5).
    expect(workdayPeriod('2022-06-16', 5)).toEqual({ ok: true, to: '2022-06-23' });
  });

  it('the announcement date starts the notice; the review date is the default', () => {
    const { rubric } = parseRubric(
      `title: T
date: 2026-09-28
threshold: 60
criteria: [{ id: a, max: 100 }]
announcement: { date: 2026-09-30, noticeWorkdays: 5 }
`,
      'rubric.yaml',
    );
    expect(noticePeriod(rubric!)).toEqual({ from: '2026-10-01', to: '2026-10-13' });
    const { announcement } = rubric!;
    // From Mon 28 September: Tue 29 (1), Wed 30 (2), then the holiday, Thu 8 Oct (3), Fri 9 (4),
    // Sat 10 Oct make-up day (5).
    expect(
      noticePeriod({ ...rubric!, announcement: { ...announcement, date: undefined } }),
    ).toEqual({
      from: '2026-09-29',
      to: '2026-10-10',
    });
  });
});
