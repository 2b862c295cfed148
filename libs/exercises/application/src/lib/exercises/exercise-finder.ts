import { Inject, Injectable } from '@nestjs/common';
import type { ExerciseSource } from '@tall/exercises/contracts';
import { isWeeklyExerciseId, parseWeeklyExerciseId, type Exercise } from '@tall/exercises/domain';
import { exercisesErrors } from '../exercises-error';
import { EXERCISE_CATALOG, type ExerciseCatalog } from '../ports/exercise-catalog.port';
import { WEEKLY_SET_STORE, type WeeklySetStore } from '../ports/weekly-set-store.port';

/** An exercise a student may open, with where it comes from. */
export interface FoundExercise {
  exercise: Exercise;
  source: ExerciseSource;
  /** The Monday of a weekly exercise's week; null for an authored one. */
  weekStart: string | null;
  /** What its public view is shuffled by. */
  salt: string;
}

/**
 * Finds an exercise for a student: an authored one by its slug, or a weekly one in the student's
 * own set of its week. Another student's weekly exercise is not in the caller's set, so it is
 * not found, exactly as an id that never existed.
 */
@Injectable()
export class ExerciseFinder {
  constructor(
    @Inject(EXERCISE_CATALOG) private readonly catalog: ExerciseCatalog,
    @Inject(WEEKLY_SET_STORE) private readonly sets: WeeklySetStore,
  ) {}

  async find(userId: string, id: string): Promise<FoundExercise> {
    if (isWeeklyExerciseId(id)) {
      const weekly = parseWeeklyExerciseId(id);
      const set = weekly ? await this.sets.get(userId, weekly.week) : null;
      const exercise = set?.exercises.find((candidate) => candidate.id === id);
      if (!set || !exercise) throw exercisesErrors.exerciseNotFound();
      return { exercise, source: 'weekly', weekStart: set.weekStart, salt: exercise.id };
    }
    const authored = await this.catalog.get(id);
    if (!authored) throw exercisesErrors.exerciseNotFound();
    return { exercise: authored.exercise, source: 'authored', weekStart: null, salt: `${id}:${authored.version}` };
  }
}

/** A latest result as the API shows it. */
export function lastScoreOf(result: { score: number; maxScore: number; at: Date } | undefined) {
  return result ? { score: result.score, maxScore: result.maxScore, at: result.at.toISOString() } : null;
}
