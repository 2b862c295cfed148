import type { ExerciseLevel } from '@tall/exercises/contracts';
import type { Exercise, WeeklyBasis } from '@tall/exercises/domain';

/** A student's exercises of one ISO week, answers included: made once, from their words, and kept. */
export interface WeeklySetRecord {
  userId: string;
  week: string;
  weekStart: string;
  level: ExerciseLevel;
  basis: WeeklyBasis;
  exercises: Exercise[];
  createdAt: Date;
}

export interface WeeklySetStore {
  get(userId: string, week: string): Promise<WeeklySetRecord | null>;
  /** Stores the set unless one for the student and week is there already; answers the stored one either way. */
  insert(set: WeeklySetRecord): Promise<WeeklySetRecord>;
  /** Oldest week first. */
  listOf(userId: string): Promise<WeeklySetRecord[]>;
  erase(userId: string): Promise<void>;
}

export const WEEKLY_SET_STORE = Symbol('WEEKLY_SET_STORE');
