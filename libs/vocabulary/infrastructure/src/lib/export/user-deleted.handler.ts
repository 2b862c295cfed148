import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { EventHandler } from '@tall/platform/events';
import { RequestContext } from '@tall/platform/observability';
import { ProfileTopics, UserDeleted } from '@tall/profile/contracts';
import { VocabularyDataService } from '@tall/vocabulary/application';

/** An account was erased: delete the student's thematic and learning cards, reviews and words. Deleting twice is harmless. */
@Injectable()
export class VocabularyUserDeletedHandler implements EventHandler {
  readonly name = 'vocabulary.eraseOnUserDeleted';
  readonly topics = [ProfileTopics.userEvents];
  readonly types = [UserDeleted.type];

  constructor(@Inject(VocabularyDataService) private readonly data: VocabularyDataService) {}

  async handle(envelope: EventEnvelope): Promise<void> {
    if (envelope.type !== UserDeleted.type || envelope.version !== UserDeleted.version) return;
    const { userId } = UserDeleted.schema.parse(envelope.payload);
    await RequestContext.run({ correlationId: envelope.correlationId }, () => this.data.erase(userId));
  }
}
