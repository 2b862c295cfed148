import { Query } from '@nestjs/cqrs';
import type { TodayQueue } from '@tall/vocabulary/contracts';

/** Today's queue: due cards of this week's active cohorts, earliest due first. */
export class GetTodayQueueQuery extends Query<TodayQueue> {
  constructor(
    readonly userId: string,
    readonly limit = 50,
  ) {
    super();
  }
}
