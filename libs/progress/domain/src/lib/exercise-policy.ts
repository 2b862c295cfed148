import type { ExerciseAttempts } from '@tall/progress/contracts';
import { averageTestScore, newestAttemptsFirst } from './reading-policy';

/** One exercise attempt, as the exercises context graded it. */
export interface ExerciseAttemptState {
  attemptId: string;
  exerciseId: string;
  exerciseType: string;
  level: string;
  source: string;
  score: number;
  maxScore: number;
  at: Date;
}

/** Attempts shown in a record, newest first. */
export const RECENT_EXERCISE_ATTEMPTS = 10;

/**
 * A student's exercises: every attempt counts (a retaken exercise once per attempt), done are the
 * distinct exercises handed in, and the average is the mean of the attempts' percentages, each
 * attempt weighing the same whatever its number of items (as the reader's tests).
 */
export function exerciseAttempts(attempts: readonly ExerciseAttemptState[]): ExerciseAttempts {
  return {
    attempts: attempts.length,
    exercisesDone: new Set(attempts.map((attempt) => attempt.exerciseId)).size,
    averageScore: averageTestScore(attempts),
    recent: newestAttemptsFirst(attempts)
      .slice(0, RECENT_EXERCISE_ATTEMPTS)
      .map((attempt) => ({
        attemptId: attempt.attemptId,
        exerciseId: attempt.exerciseId,
        type: attempt.exerciseType,
        level: attempt.level,
        source: attempt.source,
        score: attempt.score,
        maxScore: attempt.maxScore,
        at: attempt.at.toISOString(),
      })),
  };
}
