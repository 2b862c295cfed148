import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { STUDENT_EXERCISE_STORE, type StudentExerciseStore } from '../../ports/student-exercises.port';
import { WEEKLY_SET_STORE, type WeeklySetStore } from '../../ports/weekly-set-store.port';
import { EraseExercisesDataCommand } from './erase-exercises-data.command';

/** Idempotent: erasing twice finds nothing the second time. */
@CommandHandler(EraseExercisesDataCommand)
export class EraseExercisesDataHandler implements ICommandHandler<EraseExercisesDataCommand> {
  constructor(
    @Inject(STUDENT_EXERCISE_STORE) private readonly students: StudentExerciseStore,
    @Inject(WEEKLY_SET_STORE) private readonly sets: WeeklySetStore,
  ) {}

  async execute({ userId }: EraseExercisesDataCommand): Promise<void> {
    await Promise.all([this.students.erase(userId), this.sets.erase(userId)]);
  }
}
