/**
 * The school's calendar: days and ISO weeks as they fall in Amsterdam. Plain functions with no
 * framework, so domain code of every context can use them (tag `type:kernel`).
 *
 * Days are `YYYY-MM-DD` strings and weeks `YYYY-Www`; arithmetic on them is done on UTC
 * midnights, which have no daylight-saving jumps.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const WEEK_KEY = /^(\d{4})-W(\d{2})$/;

/** The school's time zone: its days and weeks begin at midnight here. */
export const SCHOOL_TIME_ZONE = 'Europe/Amsterdam';

/** A calendar day as `YYYY-MM-DD`. */
export type Day = string;

/** An ISO-8601 week as Tall writes it, e.g. `2026-W48`. */
export type IsoWeek = string;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(instant: Date, timeZone: string): WallClock {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  return { year: parts['year'], month: parts['month'], day: parts['day'], hour: parts['hour'], minute: parts['minute'], second: parts['second'] };
}

function format(utcMidnight: number): Day {
  return new Date(utcMidnight).toISOString().slice(0, 10);
}

function parse(day: Day): number {
  if (!DAY.test(day)) throw new RangeError(`Not a day: ${day}`);
  return Date.parse(`${day}T00:00:00Z`);
}

/** The calendar date (year, month 1-12, day) of an instant as seen in a time zone. */
export function localDate(instant: Date, timeZone = SCHOOL_TIME_ZONE): { year: number; month: number; day: number } {
  const { year, month, day } = wallClock(instant, timeZone);
  return { year, month, day };
}

/** The calendar day of an instant in a time zone (Amsterdam unless told otherwise). */
export function dayOf(instant: Date, timeZone = SCHOOL_TIME_ZONE): Day {
  const { year, month, day } = wallClock(instant, timeZone);
  return format(Date.UTC(year, month - 1, day));
}

/** `day` moved by whole calendar days (negative: back). */
export function addDays(day: Day, days: number): Day {
  return format(parse(day) + days * DAY_MS);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((parse(to) - parse(from)) / DAY_MS);
}

/** The `count` days ending with `last`, oldest first. */
export function daysEndingWith(last: Day, count: number): Day[] {
  return Array.from({ length: count }, (_, index) => addDays(last, index - count + 1));
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClock(new Date(instant), timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant the local day `days` days after the day of `instant` begins (00:00 on the zone's
 * wall clock). Daylight-saving changes in Europe happen at 02:00/03:00, so midnight exists.
 */
export function startOfLocalDay(instant: Date, timeZone = SCHOOL_TIME_ZONE, days = 0): Date {
  const { year, month, day } = wallClock(instant, timeZone);
  const midnightAsUtc = Date.UTC(year, month - 1, day + days);
  // Two rounds: the offset at the guess may differ from the one at the answer across a DST change.
  let guess = midnightAsUtc - offsetAt(midnightAsUtc, timeZone);
  guess = midnightAsUtc - offsetAt(guess, timeZone);
  return new Date(guess);
}

function weekOfUtcMidnight(utcMidnight: number): IsoWeek {
  const isoWeekday = ((new Date(utcMidnight).getUTCDay() + 6) % 7) + 1; // Monday 1 .. Sunday 7
  const thursday = new Date(utcMidnight + (4 - isoWeekday) * DAY_MS);
  const weekYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / WEEK_MS) + 1;
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

/**
 * ISO-8601 week of a calendar day: weeks start on Monday and week 1 holds the year's first
 * Thursday, so the week-year differs from the calendar year around New Year (2027-01-01 is in
 * 2026-W53).
 */
export function isoWeekOfDay(day: Day): IsoWeek {
  return weekOfUtcMidnight(parse(day));
}

/** ISO week of an instant in a time zone: Sunday 23:30 UTC is already Monday in Amsterdam. */
export function isoWeekOf(instant: Date, timeZone = SCHOOL_TIME_ZONE): IsoWeek {
  return isoWeekOfDay(dayOf(instant, timeZone));
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
  return weekOfUtcMidnight(isoWeekMonday(week) + count * WEEK_MS);
}

/** Whole weeks from `from` to `to` (negative when `to` is earlier). */
export function weeksBetween(from: IsoWeek, to: IsoWeek): number {
  return Math.round((isoWeekMonday(to) - isoWeekMonday(from)) / WEEK_MS);
}

export function compareWeeks(a: IsoWeek, b: IsoWeek): number {
  return isoWeekMonday(a) - isoWeekMonday(b);
}
