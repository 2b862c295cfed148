import { createHash } from 'node:crypto';
import { isIsoWeek, isoWeekMonday, type IsoWeek } from '@tall/platform/calendar';

/** `wk-2026-w11-3-<tag>`: the week, the exercise's place in the set, and a tag of the student. */
const WEEKLY_ID = /^wk-(\d{4})-w(\d{2})-([1-9]\d?)-([0-9a-f]{10})$/;

/**
 * The id of a student's weekly exercise. The tag ties it to the student: another student's id
 * names nothing in the caller's own set, so it answers 404 as an unknown id does.
 */
export function weeklyExerciseId(userId: string, week: IsoWeek, place: number): string {
  return `wk-${week.toLowerCase()}-${place}-${tagOf(userId, week, place)}`;
}

/** The week and place a weekly id names, or null when it is not one (an authored exercise's slug). */
export function parseWeeklyExerciseId(id: string): { week: IsoWeek; place: number } | null {
  const match = WEEKLY_ID.exec(id);
  if (!match) return null;
  const week = `${match[1]}-W${match[2]}`;
  return isIsoWeek(week) ? { week, place: Number(match[3]) } : null;
}

export function isWeeklyExerciseId(id: string): boolean {
  return id.startsWith('wk-');
}

/** The Monday of an ISO week as `YYYY-MM-DD`. */
export function weekStartOf(week: IsoWeek): string {
  return new Date(isoWeekMonday(week)).toISOString().slice(0, 10);
}

function tagOf(userId: string, week: IsoWeek, place: number): string {
  return createHash('sha256').update(`${userId}\u0000${week}\u0000${place}`).digest('hex').slice(0, 10);
}
