import type { Rubric } from '../core/rubric.js';
import { workdayPeriod } from '../core/workdays.js';

/** A YYYY-MM-DD date (already validated) plus `days`, on the calendar only: no time zones. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)}`;
}

/** The posting date at the foot of the announcement: `announcement.date`, else the review's. */
export function postingDate(rubric: Rubric): string | undefined {
  return rubric.announcement.date ?? rubric.date;
}

/**
 * The notice period starts the day after the posting date and lasts `noticeDays` calendar days,
 * or `noticeWorkdays` Chinese working days (the rubric check has made sure the calendar covers
 * them).
 */
export function noticePeriod(rubric: Rubric): { from: string; to: string } | undefined {
  const start = postingDate(rubric);
  if (start === undefined) return undefined;
  const workdays = rubric.announcement.noticeWorkdays;
  if (workdays !== undefined) {
    const period = workdayPeriod(start, workdays);
    if (period.ok) return { from: addDays(start, 1), to: period.to };
  }
  const days = rubric.announcement.noticeDays ?? 5;
  return { from: addDays(start, 1), to: addDays(start, days) };
}
