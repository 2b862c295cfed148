import { CronTime } from 'cron';

const MINUTE_MS = 60_000;
// Far enough back for yearly schedules.
const MAX_LOOKBACK_MS = 400 * 24 * 60 * MINUTE_MS;

/**
 * The last time at or before `now` the schedule fired (or should have): the run a start-up
 * catch-up is owed. Searches backwards in growing windows because cron only steps forward.
 */
export function previousOccurrence(cron: string, timeZone: string, now: Date): Date | null {
  const schedule = new CronTime(cron, timeZone);
  for (let window = MINUTE_MS; window <= MAX_LOOKBACK_MS * 2; window *= 2) {
    let cursor = new Date(now.getTime() - Math.min(window, MAX_LOOKBACK_MS));
    let last: Date | null = null;
    for (;;) {
      const next = schedule.getNextDateFrom(cursor, timeZone).toJSDate();
      if (next.getTime() > now.getTime()) break;
      last = next;
      cursor = next;
    }
    if (last) return last;
    if (window >= MAX_LOOKBACK_MS) return null;
  }
  return null;
}

export function nextOccurrence(cron: string, timeZone: string, after: Date): Date {
  return new CronTime(cron, timeZone).getNextDateFrom(after, timeZone).toJSDate();
}

export function cronProblem(cron: string): string | undefined {
  const { valid, error } = CronTime.validateCronExpression(cron);
  return valid ? undefined : (error?.message ?? 'invalid cron expression');
}
