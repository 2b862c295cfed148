import { Query } from '@nestjs/cqrs';
import type { MySchedule } from '@tall/vocabulary/contracts';

/** The student's weeks and cohorts: which are active, when each comes back, sizes, due and done today. */
export class GetMyScheduleQuery extends Query<MySchedule> {
  constructor(readonly userId: string) {
    super();
  }
}
