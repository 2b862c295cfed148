import type { ExerciseLevel, ExerciseSource, ExerciseType, ItemResult } from '@tall/exercises/contracts';
import type { GivenAnswer } from '@tall/exercises/domain';
import type { EventEnvelope } from '@tall/platform/event-contracts';

/** A graded attempt, kept with what the student answered. */
export interface ExerciseAttempt {
  id: string;
  userId: string;
  exerciseId: string;
  source: ExerciseSource;
  /** The Monday of a weekly exercise's week; null for an authored one. */
  weekStart: string | null;
  type: ExerciseType;
  level: ExerciseLevel;
  answers: Array<{ itemId: string; answer: GivenAnswer }>;
  results: ItemResult[];
  score: number;
  maxScore: number;
  at: Date;
}

/** A student's latest result on one exercise. */
export interface LastResult {
  score: number;
  maxScore: number;
  level: ExerciseLevel;
  at: Date;
}

/** What a student did in exercises: their attempts and latest results. */
export interface StudentExerciseStore {
  /** By exercise id. */
  lastResults(userId: string): Promise<Map<string, LastResult>>;
  /** Keeps the attempt and its event in one write. */
  addAttempt(attempt: ExerciseAttempt, event: EventEnvelope): Promise<void>;
  /** Oldest first. */
  attemptsOf(userId: string): Promise<ExerciseAttempt[]>;
  erase(userId: string): Promise<void>;
}

export const STUDENT_EXERCISE_STORE = Symbol('STUDENT_EXERCISE_STORE');
