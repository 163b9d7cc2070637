import { createRequire } from 'node:module';

/**
 * Chinese working days, from the State Council's yearly holiday schedule (国务院办公厅关于部分节假日
 * 安排的通知) as packaged by `chinese-days`: its dist/chinese-days.json maps each public holiday
 * (`holidays`) and each make-up working day on a weekend (`workdays`, 调休上班) to its festival.
 * pcv types no calendar of its own; a new year's schedule arrives with a package update.
 */
interface Calendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  firstYear: number;
  lastYear: number;
}

let calendar: Calendar | undefined;

function loadCalendar(): Calendar {
  if (calendar) return calendar;
  // A JSON file of the package, read through require so it works on every Node 20 (import
  // attributes for JSON came later in the 20 line).
  const require = createRequire(import.meta.url);
  const data = require('chinese-days/dist/chinese-days.json') as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  const years = Object.keys(data.holidays).map((d) => Number(d.slice(0, 4)));
  calendar = {
    holidays: new Set(Object.keys(data.holidays)),
    workdays: new Set(Object.keys(data.workdays)),
    firstYear: Math.min(...years),
    lastYear: Math.max(...years),
  };
  return calendar;
}

export type WorkdaysResult =
  | { ok: true; to: string }
  /** `year` is where the period runs past the calendar; the rubric check says so (notice-calendar). */
  | { ok: false; year: number; firstYear: number; lastYear: number };

/**
 * The notice period of `count` working days counted from the day after `start` (YYYY-MM-DD):
 * weekends and public holidays are skipped, make-up working days count. `to` is the period's last
 * working day.
 */
export function workdayPeriod(start: string, count: number): WorkdaysResult {
  const cal = loadCalendar();
  const outside = (year: number): WorkdaysResult => ({
    ok: false,
    year,
    firstYear: cal.firstYear,
    lastYear: cal.lastYear,
  });
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  for (let found = 0; found < count;) {
    day.setUTCDate(day.getUTCDate() + 1);
    const iso = day.toISOString().slice(0, 10);
    const year = day.getUTCFullYear();
    if (year < cal.firstYear || year > cal.lastYear) {
      return outside(year);
    }
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    const working = cal.workdays.has(iso) || (!weekend && !cal.holidays.has(iso));
    if (!working) continue;
    found++;
    if (found === count) return { ok: true, to: iso };
  }
  // count >= 1 is validated by the rubric schema.
  throw new Error(`workdayPeriod(): count ${count} must be >= 1`);
}
