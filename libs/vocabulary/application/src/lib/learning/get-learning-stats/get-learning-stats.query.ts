import { Query } from '@nestjs/cqrs';
import type { LearningStats } from '@tall/vocabulary/contracts';

/** Cards per FSRS state, due and reviewed today, retention over the last 30 days. */
export class GetLearningStatsQuery extends Query<LearningStats> {
  constructor(readonly userId: string) {
    super();
  }
}
