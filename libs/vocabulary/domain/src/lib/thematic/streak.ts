import { addDays } from '@tall/platform/calendar';

/**
 * Days in a row with at least one review, ending today, or yesterday while today has none yet
 * (a streak is not lost before the day is over). `days` are local day keys (`2026-11-22`).
 */
export function streakOf(days: Iterable<string>, today: string): number {
  const reviewed = new Set(days);
  let cursor = reviewed.has(today) ? today : addDays(today, -1);
  let streak = 0;
  while (reviewed.has(cursor)) {
    streak++;
    cursor = addDays(cursor, -1);
  }
  return streak;
}
