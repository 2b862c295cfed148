import { INACTIVE_AFTER_DAYS } from '@tall/progress/contracts';
import { addDays, type Day } from '@tall/platform/calendar';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The run of consecutive active days that ends at a student's latest active day. */
export interface ActivityRun {
  endDay: Day;
  length: number;
}

/**
 * The run of consecutive days that ends at the latest of `days` (any order, duplicates allowed).
 * Depends only on the set of days, so events applied in any order give the same run.
 */
export function latestRun(days: Iterable<Day>): ActivityRun | null {
  const sorted = [...new Set(days)].sort();
  if (sorted.length === 0) return null;
  let length = 1;
  for (let index = sorted.length - 1; index > 0 && addDays(sorted[index - 1], 1) === sorted[index]; index--) length++;
  return { endDay: sorted[sorted.length - 1], length };
}

/** The streak shown today: the latest run, if it reaches today or yesterday; otherwise 0. */
export function streakOn(run: ActivityRun | null, today: Day): number {
  if (!run) return 0;
  return run.endDay >= addDays(today, -1) ? run.length : 0;
}

/** The day before which a run no longer counts as a streak (the SQL sort uses the same bound). */
export function streakCutoff(today: Day): Day {
  return addDays(today, -1);
}

/** Whole days since the last activity, or null when never active. */
export function inactiveDays(lastActiveAt: Date | null, now: Date): number | null {
  if (!lastActiveAt) return null;
  return Math.max(0, Math.floor((now.getTime() - lastActiveAt.getTime()) / DAY_MS));
}

/** Inactive: no activity for more than seven days (24-hour days), or never any. */
export function isInactive(lastActiveAt: Date | null, now: Date): boolean {
  return !lastActiveAt || now.getTime() - lastActiveAt.getTime() > INACTIVE_AFTER_DAYS * DAY_MS;
}

/** The instant before which a last activity makes a student inactive at `now`. */
export function inactiveBefore(now: Date): Date {
  return new Date(now.getTime() - INACTIVE_AFTER_DAYS * DAY_MS);
}

/** Share of correct answers, or null without answers. */
export function accuracy(correct: number, total: number): number | null {
  return total > 0 ? correct / total : null;
}
