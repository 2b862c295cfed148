import { Query } from '@nestjs/cqrs';
import type { PublicExercise } from '@tall/exercises/contracts';

/** An authored exercise, or one of the student's own weekly ones, without its answers. */
export class GetExerciseQuery extends Query<PublicExercise> {
  constructor(
    readonly userId: string,
    readonly exerciseId: string,
  ) {
    super();
  }
}
