import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ExerciseCompleted, type ExerciseAttemptResult } from '@tall/exercises/contracts';
import { AnswerRejectedError, gradeExercise, type GradedAttempt } from '@tall/exercises/domain';
import { createEvent } from '@tall/platform/event-contracts';
import { RequestContext } from '@tall/platform/observability';
import { ExerciseFinder } from '../../exercises/exercise-finder';
import { ExercisesError } from '../../exercises-error';
import { EXERCISES_CLOCK, type ExercisesClock } from '../../ports/practice-words.port';
import { STUDENT_EXERCISE_STORE, type ExerciseAttempt, type StudentExerciseStore } from '../../ports/student-exercises.port';
import { SubmitExerciseAttemptCommand } from './submit-attempt.command';

/**
 * Unanswered items count as wrong. An answer of the wrong shape for the exercise's type is
 * ANSWER_SHAPE_MISMATCH, one for an item it lacks (or twice, or made of what the item does not
 * offer) INVALID_ANSWER: both 422, and nothing is kept.
 */
@CommandHandler(SubmitExerciseAttemptCommand)
export class SubmitExerciseAttemptHandler implements ICommandHandler<SubmitExerciseAttemptCommand> {
  constructor(
    @Inject(ExerciseFinder) private readonly finder: ExerciseFinder,
    @Inject(STUDENT_EXERCISE_STORE) private readonly students: StudentExerciseStore,
    @Inject(EXERCISES_CLOCK) private readonly clock: ExercisesClock,
  ) {}

  async execute({ userId, exerciseId, body }: SubmitExerciseAttemptCommand): Promise<ExerciseAttemptResult> {
    const { exercise, source, weekStart } = await this.finder.find(userId, exerciseId);
    let graded: GradedAttempt;
    try {
      graded = gradeExercise(exercise, body.answers);
    } catch (error) {
      if (error instanceof AnswerRejectedError) throw new ExercisesError(error.code, error.message);
      throw error;
    }
    const at = this.clock();
    const attempt: ExerciseAttempt = { id: randomUUID(), userId, exerciseId: exercise.id, source, weekStart, type: exercise.type, level: exercise.level, answers: body.answers, ...graded, at };
    const event = createEvent(
      ExerciseCompleted,
      {
        userId,
        attemptId: attempt.id,
        exerciseId: exercise.id,
        type: exercise.type,
        level: exercise.level,
        source,
        ...(weekStart ? { weekStart } : {}),
        score: graded.score,
        maxScore: graded.maxScore,
        at: at.toISOString(),
      },
      // Keyed by the student, so one student's results stay in order.
      { key: userId, correlationId: RequestContext.correlationId(), actorId: userId, occurredAt: at },
    );
    await this.students.addAttempt(attempt, event);
    return { id: attempt.id, score: graded.score, maxScore: graded.maxScore, results: graded.results, at: at.toISOString() };
  }
}
