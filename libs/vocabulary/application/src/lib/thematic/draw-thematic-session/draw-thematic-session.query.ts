import { Query } from '@nestjs/cqrs';
import type { ThematicSession, ThematicSessionQuery } from '@tall/vocabulary/contracts';

/** A session of one topic for a student: cards with prompts, never the answers. */
export class DrawThematicSessionQuery extends Query<ThematicSession> {
  constructor(
    readonly userId: string,
    readonly topicId: string,
    readonly options: ThematicSessionQuery,
  ) {
    super();
  }
}
