import { Command } from '@nestjs/cqrs';

/** Erases a student's attempts and weekly sets (their account was erased). */
export class EraseExercisesDataCommand extends Command<void> {
  constructor(readonly userId: string) {
    super();
  }
}
