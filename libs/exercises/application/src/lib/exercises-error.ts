import { DomainError } from '@tall/platform/errors';

export type ExercisesErrorCode = 'EXERCISE_NOT_FOUND' | 'ANSWER_SHAPE_MISMATCH' | 'INVALID_ANSWER';

/** Why the exercises context refuses a request; infrastructure's ExercisesErrorMapper gives each code its status. */
export class ExercisesError extends DomainError<ExercisesErrorCode> {}

export const exercisesErrors = {
  /** Also for another student's weekly exercise: whether it exists is not the caller's to know. */
  exerciseNotFound: () => new ExercisesError('EXERCISE_NOT_FOUND', 'No such exercise'),
};
