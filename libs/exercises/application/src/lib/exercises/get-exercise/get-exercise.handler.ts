import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PublicExercise } from '@tall/exercises/contracts';
import { publicExercise } from '@tall/exercises/domain';
import { STUDENT_EXERCISE_STORE, type StudentExerciseStore } from '../../ports/student-exercises.port';
import { ExerciseFinder, lastScoreOf } from '../exercise-finder';
import { GetExerciseQuery } from './get-exercise.query';

@QueryHandler(GetExerciseQuery)
export class GetExerciseHandler implements IQueryHandler<GetExerciseQuery> {
  constructor(
    @Inject(ExerciseFinder) private readonly finder: ExerciseFinder,
    @Inject(STUDENT_EXERCISE_STORE) private readonly students: StudentExerciseStore,
  ) {}

  async execute({ userId, exerciseId }: GetExerciseQuery): Promise<PublicExercise> {
    const [found, last] = await Promise.all([this.finder.find(userId, exerciseId), this.students.lastResults(userId)]);
    return publicExercise(found.exercise, { source: found.source, salt: found.salt, lastScore: lastScoreOf(last.get(found.exercise.id)) });
  }
}
