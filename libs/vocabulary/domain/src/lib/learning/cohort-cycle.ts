import { addWeeks, compareWeeks, weeksBetween, type IsoWeek } from '@tall/platform/calendar';

/**
 * Weeks after its creation in which a cohort is active again, e.g. `[1, 2, 4, 8]`: a cohort
 * created in week W is active in W itself and in W+1, W+2, W+4 and W+8, then retires.
 */
export type CohortCycle = readonly number[];

export const DEFAULT_COHORT_CYCLE: CohortCycle = Object.freeze([1, 2, 4, 8]);
/** Two years: a cohort coming back later than that is a configuration mistake. */
export const MAX_CYCLE_WEEK = 104;

/** The problem with a cycle, or null when it is valid: whole weeks 1..104, strictly increasing. */
export function cohortCycleProblem(weeks: readonly number[]): string | null {
  for (const [index, week] of weeks.entries()) {
    if (!Number.isInteger(week) || week < 1 || week > MAX_CYCLE_WEEK) return `${week} is not a whole number of weeks from 1 to ${MAX_CYCLE_WEEK}`;
    if (index > 0 && week <= weeks[index - 1]) return `weeks must be strictly increasing (${weeks[index - 1]}, then ${week})`;
  }
  return null;
}

export function cohortCycle(weeks: readonly number[]): CohortCycle {
  const problem = cohortCycleProblem(weeks);
  if (problem) throw new RangeError(`Invalid cohort cycle: ${problem}`);
  return Object.freeze([...weeks]);
}

/** Weeks since creation at which a cohort is active: its own week (0), then the cycle. */
function offsets(cycle: CohortCycle): number[] {
  return [0, ...cycle];
}

/** The cohorts active in `week`, newest first: the week's own new cohort, then the older ones due back. */
export function activeCohortWeeks(week: IsoWeek, cycle: CohortCycle): IsoWeek[] {
  return offsets(cycle).map((offset) => addWeeks(week, -offset));
}

/** Weeks since the cohort's creation when it is active in `week` (0 for its own week), else null. */
export function cyclePosition(cohortWeek: IsoWeek, week: IsoWeek, cycle: CohortCycle): number | null {
  const age = weeksBetween(cohortWeek, week);
  return offsets(cycle).includes(age) ? age : null;
}

export function isCohortActive(cohortWeek: IsoWeek, week: IsoWeek, cycle: CohortCycle): boolean {
  return cyclePosition(cohortWeek, week, cycle) !== null;
}

/** Every week the cohort is active in, in order. */
export function activeWeeksOf(cohortWeek: IsoWeek, cycle: CohortCycle): IsoWeek[] {
  return offsets(cycle).map((offset) => addWeeks(cohortWeek, offset));
}

/** The first week after `week` in which the cohort is active, or null when it has retired by then. */
export function nextActiveWeek(cohortWeek: IsoWeek, week: IsoWeek, cycle: CohortCycle): IsoWeek | null {
  return activeWeeksOf(cohortWeek, cycle).find((active) => compareWeeks(active, week) > 0) ?? null;
}

/** A student's cohort sizes: cards per cohort week. */
export type CohortSizes = Readonly<Record<IsoWeek, number>>;

export interface WeekRotation {
  week: IsoWeek;
  /** The student's non-empty cohorts active this week, newest first. */
  activeCohorts: IsoWeek[];
  activeCards: number;
  /** Cards of the week's own cohort (usually 0 on Monday morning: words are added during the week). */
  newCohortCards: number;
}

/** The active set of one student for a week, from their cohort sizes alone (no card is read). */
export function rotateWeek(week: IsoWeek, sizes: CohortSizes, cycle: CohortCycle): WeekRotation {
  const activeCohorts = activeCohortWeeks(week, cycle).filter((cohort) => (sizes[cohort] ?? 0) > 0);
  return {
    week,
    activeCohorts,
    activeCards: activeCohorts.reduce((sum, cohort) => sum + (sizes[cohort] ?? 0), 0),
    newCohortCards: Math.max(0, sizes[week] ?? 0),
  };
}

export interface PlannedWeek {
  week: IsoWeek;
  /** The student's non-empty cohorts active that week, newest first. */
  cohorts: IsoWeek[];
  cards: number;
}

/** The next `count` weeks after `week`: which of the student's existing cohorts come back when. */
export function upcomingWeeks(week: IsoWeek, count: number, sizes: CohortSizes, cycle: CohortCycle): PlannedWeek[] {
  return Array.from({ length: count }, (_, index) => {
    const { week: planned, activeCohorts, activeCards } = rotateWeek(addWeeks(week, index + 1), sizes, cycle);
    return { week: planned, cohorts: activeCohorts, cards: activeCards };
  });
}
