import type { Exercise } from '@tall/exercises/domain';

/** An exercise the school wrote (the seed, later the content admin), published. */
export interface AuthoredExercise {
  exercise: Exercise;
  /** Goes up with every change; public views are shuffled per version. */
  version: number;
}

/** The published authored exercises. */
export interface ExerciseCatalog {
  published(): Promise<AuthoredExercise[]>;
  /** Null when there is none with that id, or it is not published. */
  get(id: string): Promise<AuthoredExercise | null>;
}

export const EXERCISE_CATALOG = Symbol('EXERCISE_CATALOG');
