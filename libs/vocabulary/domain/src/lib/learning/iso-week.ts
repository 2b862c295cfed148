const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;
const WEEK_KEY = /^(\d{4})-W(\d{2})$/;

/** An ISO-8601 week as Tall writes it, e.g. `2026-W48` (see isoWeekKey of the scheduling platform lib). */
export type IsoWeek = string;

/** Monday 00:00 UTC of an ISO week: a calendar anchor for arithmetic, not an instant in any time zone. */
export function isoWeekMonday(week: IsoWeek): number {
  const match = WEEK_KEY.exec(week);
  if (!match) throw new RangeError(`${JSON.stringify(week)} is not an ISO week like 2026-W48`);
  const year = Number(match[1]);
  const number = Number(match[2]);
  if (number < 1 || number > weeksInYear(year)) throw new RangeError(`${week}: ${year} has no week ${number}`);
  return mondayOfWeekOne(year) + (number - 1) * WEEK_MS;
}

export function isIsoWeek(value: string): boolean {
  try {
    isoWeekMonday(value);
    return true;
  } catch {
    return false;
  }
}

/** The week `count` weeks after `week` (before it when negative); crosses years, 53-week years included. */
export function addWeeks(week: IsoWeek, count: number): IsoWeek {
  if (!Number.isInteger(count)) throw new RangeError(`addWeeks: ${count} is not a whole number of weeks`);
  return weekOfUtcDate(isoWeekMonday(week) + count * WEEK_MS);
}

/** Whole weeks from `from` to `to` (negative when `to` is earlier). */
export function weeksBetween(from: IsoWeek, to: IsoWeek): number {
  return Math.round((isoWeekMonday(to) - isoWeekMonday(from)) / WEEK_MS);
}

export function compareWeeks(a: IsoWeek, b: IsoWeek): number {
  return isoWeekMonday(a) - isoWeekMonday(b);
}

function weekOfUtcDate(utcMidnight: number): IsoWeek {
  const isoWeekday = ((new Date(utcMidnight).getUTCDay() + 6) % 7) + 1;
  const thursday = new Date(utcMidnight + (4 - isoWeekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const number = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK_MS) + 1;
  return `${year}-W${String(number).padStart(2, '0')}`;
}

function mondayOfWeekOne(year: number): number {
  // 4 January is always in week 1.
  const january4 = Date.UTC(year, 0, 4);
  const isoWeekday = ((new Date(january4).getUTCDay() + 6) % 7) + 1;
  return january4 - (isoWeekday - 1) * DAY_MS;
}

function weeksInYear(year: number): number {
  return Math.round((mondayOfWeekOne(year + 1) - mondayOfWeekOne(year)) / WEEK_MS);
}
