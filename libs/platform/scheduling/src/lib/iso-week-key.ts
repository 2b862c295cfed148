const DAY_MS = 24 * 60 * 60 * 1000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (year, month 1-12, day) of an instant as seen in a time zone. */
export function localDate(date: Date, timeZone: string): { year: number; month: number; day: number } {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(date).map((part) => [part.type, part.value]));
  return { year: Number(parts['year']), month: Number(parts['month']), day: Number(parts['day']) };
}

/** The calendar day of an instant in a time zone, as `2026-11-22`: the period of a daily job. */
export function dayKey(date: Date, timeZone = 'Europe/Amsterdam'): string {
  const { year, month, day } = localDate(date, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * ISO-8601 week of an instant in a time zone, as `2026-W48`. Weeks start on Monday and week 1
 * is the one holding the year's first Thursday, so the week-year differs from the calendar
 * year around New Year (2027-01-01 is in 2026-W53). The time zone decides the date: Sunday
 * 23:30 UTC is already Monday in Amsterdam.
 */
export function isoWeekKey(date: Date, timeZone = 'Europe/Amsterdam'): string {
  const { year, month, day } = localDate(date, timeZone);
  // Calendar arithmetic on a UTC midnight, which has no daylight-saving jumps.
  const local = Date.UTC(year, month - 1, day);
  const isoWeekday = ((new Date(local).getUTCDay() + 6) % 7) + 1; // Monday 1 .. Sunday 7
  const thursday = new Date(local + (4 - isoWeekday) * DAY_MS);
  const weekYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / DAY_MS / 7) + 1;
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}
