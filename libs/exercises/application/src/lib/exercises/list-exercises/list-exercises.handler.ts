import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EXERCISE_TYPES, type ExerciseList } from '@tall/exercises/contracts';
import { exerciseSummary } from '@tall/exercises/domain';
import { EXERCISE_CATALOG, type AuthoredExercise, type ExerciseCatalog } from '../../ports/exercise-catalog.port';
import { STUDENT_EXERCISE_STORE, type StudentExerciseStore } from '../../ports/student-exercises.port';
import { lastScoreOf } from '../exercise-finder';
import { ListExercisesQuery } from './list-exercises.query';

const DEFAULT_PAGE_SIZE = 20;
const LEVEL_ORDER = ['A1', 'A2', 'B1', 'B2', 'C1'];

/** By level, then type (order, match, buckets, cloze), then title. */
@QueryHandler(ListExercisesQuery)
export class ListExercisesHandler implements IQueryHandler<ListExercisesQuery> {
  constructor(
    @Inject(EXERCISE_CATALOG) private readonly catalog: ExerciseCatalog,
    @Inject(STUDENT_EXERCISE_STORE) private readonly students: StudentExerciseStore,
  ) {}

  async execute({ userId, filter }: ListExercisesQuery): Promise<ExerciseList> {
    const [published, last] = await Promise.all([this.catalog.published(), this.students.lastResults(userId)]);
    const matching = published
      .map(({ exercise }) => exercise)
      .filter((exercise) => !filter.type || exercise.type === filter.type)
      .filter((exercise) => !filter.level || exercise.level === filter.level)
      .filter((exercise) => !filter.topic || exercise.topic === filter.topic)
      .sort(byShelf);
    const page = filter.page ?? 1;
    const pageSize = filter.pageSize ?? DEFAULT_PAGE_SIZE;
    return {
      items: matching.slice((page - 1) * pageSize, page * pageSize).map((exercise) => exerciseSummary(exercise, 'authored', lastScoreOf(last.get(exercise.id)))),
      total: matching.length,
      page,
      pageSize,
    };
  }
}

function byShelf(a: AuthoredExercise['exercise'], b: AuthoredExercise['exercise']): number {
  return (
    LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) ||
    EXERCISE_TYPES.indexOf(a.type) - EXERCISE_TYPES.indexOf(b.type) ||
    a.title.localeCompare(b.title, 'nl') ||
    a.id.localeCompare(b.id)
  );
}
