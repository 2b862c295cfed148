import { Query } from '@nestjs/cqrs';
import type { ThematicStats } from '@tall/vocabulary/contracts';

/** A student's thematic-card figures per topic and overall. */
export class GetThematicStatsQuery extends Query<ThematicStats> {
  constructor(readonly userId: string) {
    super();
  }
}
