import { Command } from '@nestjs/cqrs';
import type { ExerciseAttemptBody, ExerciseAttemptResult } from '@tall/exercises/contracts';

/** The student hands in an exercise; the server grades it, keeps the attempt and publishes `exercise.completed`. */
export class SubmitExerciseAttemptCommand extends Command<ExerciseAttemptResult> {
  constructor(
    readonly userId: string,
    readonly exerciseId: string,
    readonly body: ExerciseAttemptBody,
  ) {
    super();
  }
}
