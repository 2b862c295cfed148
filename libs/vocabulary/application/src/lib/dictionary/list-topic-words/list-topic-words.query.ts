import { Query } from '@nestjs/cqrs';
import type { Principal } from '@tall/platform/identity';
import type { DictionaryWordView } from '@tall/vocabulary/contracts';

/** A topic's words in its order, with a student's own card on each. */
export class ListTopicWordsQuery extends Query<DictionaryWordView[]> {
  constructor(
    readonly principal: Principal,
    readonly topicId: string,
  ) {
    super();
  }
}
