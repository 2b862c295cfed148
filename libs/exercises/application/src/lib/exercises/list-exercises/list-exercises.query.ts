import { Query } from '@nestjs/cqrs';
import type { ExerciseList, ExerciseListQuery } from '@tall/exercises/contracts';

/** The school's published exercises, filtered and paged, each with the student's latest score. */
export class ListExercisesQuery extends Query<ExerciseList> {
  constructor(
    readonly userId: string,
    readonly filter: ExerciseListQuery,
  ) {
    super();
  }
}
