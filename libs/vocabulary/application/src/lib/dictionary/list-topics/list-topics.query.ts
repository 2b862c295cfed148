import { Query } from '@nestjs/cqrs';
import type { Principal } from '@tall/platform/identity';
import type { TopicListQuery, TopicSummary } from '@tall/vocabulary/contracts';

/** The dictionary's topics with their word counts, and a student's own figures on each. */
export class ListTopicsQuery extends Query<TopicSummary[]> {
  constructor(
    readonly principal: Principal,
    readonly filter: TopicListQuery,
  ) {
    super();
  }
}
