import type { ExerciseLevel } from '@tall/exercises/contracts';
import type { PracticeWord } from '@tall/exercises/domain';

/** The words weekly sets are made of, from vocabulary's contract. */
export interface PracticeWordSource {
  /** The student's newest learning cards (not removed), newest first. */
  cards(userId: string): Promise<PracticeWord[]>;
  /** Dictionary words of a level, with their example sentences. */
  levelWords(level: ExerciseLevel): Promise<PracticeWord[]>;
}

export const PRACTICE_WORD_SOURCE = Symbol('PRACTICE_WORD_SOURCE');

/** The exercises context's clock. */
export type ExercisesClock = () => Date;
export const EXERCISES_CLOCK = Symbol('EXERCISES_CLOCK');
