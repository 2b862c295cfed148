import { ExercisesError } from '@tall/exercises/application';
import { domainErrorMapper } from '@tall/platform/http';

export const ExercisesErrorMapper = domainErrorMapper(ExercisesError, {
  statuses: {
    EXERCISE_NOT_FOUND: 404,
    ANSWER_SHAPE_MISMATCH: 422,
    INVALID_ANSWER: 422,
  },
});
