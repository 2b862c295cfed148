import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { UserDataSection } from '@tall/platform/call-contracts';
import { STUDENT_EXERCISE_STORE, type StudentExerciseStore } from '../../ports/student-exercises.port';
import { WEEKLY_SET_STORE, type WeeklySetStore } from '../../ports/weekly-set-store.port';
import { ExportExercisesDataQuery } from './export-exercises-data.query';

@QueryHandler(ExportExercisesDataQuery)
export class ExportExercisesDataHandler implements IQueryHandler<ExportExercisesDataQuery> {
  constructor(
    @Inject(STUDENT_EXERCISE_STORE) private readonly students: StudentExerciseStore,
    @Inject(WEEKLY_SET_STORE) private readonly sets: WeeklySetStore,
  ) {}

  async execute({ userId }: ExportExercisesDataQuery): Promise<UserDataSection> {
    const [attempts, sets] = await Promise.all([this.students.attemptsOf(userId), this.sets.listOf(userId)]);
    return {
      context: 'exercises',
      data: {
        attempts: attempts.map((attempt) => ({ ...attempt, at: attempt.at.toISOString() })),
        weeklySets: sets.map((set) => ({ week: set.week, weekStart: set.weekStart, level: set.level, basis: set.basis, createdAt: set.createdAt.toISOString(), exercises: set.exercises })),
      },
      purposes: [
        'Grading your exercises and showing your results to you and your teachers',
        'Making your weekly exercises from the words you are learning and the sentences you saved them with',
      ],
      retention: 'Until your account is erased',
      recipients: ['You', 'Your teachers (exercise scores, through the progress record)'],
    };
  }
}
