import { Command } from '@nestjs/cqrs';
import type { JobRunView } from '@tall/system/contracts';

/** Run this week's cohort rotation now (operations); without `force` a week that already succeeded is not run again. */
export class RunWeeklyJobCommand extends Command<JobRunView> {
  constructor(readonly force: boolean) {
    super();
  }
}
