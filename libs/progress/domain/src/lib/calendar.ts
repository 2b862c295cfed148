const DAY_MS = 24 * 60 * 60 * 1000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** A calendar day as `YYYY-MM-DD`. */
export type Day = string;

function partsIn(instant: Date, timeZone: string): { year: number; month: number; day: number } {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return { year: Number(parts['year']), month: Number(parts['month']), day: Number(parts['day']) };
}

function format(utcMidnight: number): Day {
  return new Date(utcMidnight).toISOString().slice(0, 10);
}

function parse(day: Day): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`Not a day: ${day}`);
  return Date.parse(`${day}T00:00:00Z`);
}

/** The calendar day of an instant in a time zone (Europe/Amsterdam for the school). */
export function dayOf(instant: Date, timeZone: string): Day {
  const { year, month, day } = partsIn(instant, timeZone);
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

/**
 * ISO-8601 week of a calendar day, `2026-W48`: weeks start on Monday; week 1 holds the year's
 * first Thursday, so the week-year differs from the calendar year around New Year.
 */
export function isoWeekOfDay(day: Day): string {
  const midnight = parse(day);
  const isoWeekday = ((new Date(midnight).getUTCDay() + 6) % 7) + 1;
  const thursday = new Date(midnight + (4 - isoWeekday) * DAY_MS);
  const weekYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / DAY_MS / 7) + 1;
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

/** ISO week of an instant in a time zone. */
export function isoWeekOf(instant: Date, timeZone: string): string {
  return isoWeekOfDay(dayOf(instant, timeZone));
}

/** The `count` days ending with `last`, oldest first. */
export function daysEndingWith(last: Day, count: number): Day[] {
  return Array.from({ length: count }, (_, index) => addDays(last, index - count + 1));
}
