import { Command } from '@nestjs/cqrs';
import type { WeeklySet } from '@tall/exercises/contracts';

/** The student's exercises for the current week: made from their words the first time they ask in the week, then kept. */
export class OpenWeeklySetCommand extends Command<WeeklySet> {
  constructor(readonly userId: string) {
    super();
  }
}
