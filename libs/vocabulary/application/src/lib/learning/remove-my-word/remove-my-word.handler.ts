import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createEvent } from '@tall/platform/event-contracts';
import { RequestContext } from '@tall/platform/observability';
import { LearningWordRemoved } from '@tall/vocabulary/contracts';
import { vocabularyErrors } from '@tall/vocabulary/domain';
import { LEARNING_CLOCK, type Clock } from '../learning-settings';
import { LEARNING_STORE, type LearningStore } from '../learning-store.port';
import { RemoveMyWordCommand } from './remove-my-word.command';

@CommandHandler(RemoveMyWordCommand)
export class RemoveMyWordHandler implements ICommandHandler<RemoveMyWordCommand> {
  constructor(
    @Inject(LEARNING_STORE) private readonly store: LearningStore,
    @Inject(LEARNING_CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ userId, userWordId }: RemoveMyWordCommand): Promise<void> {
    const card = await this.store.findCard(userId, userWordId);
    if (!card) throw vocabularyErrors.learningWordNotFound();
    const at = this.clock();
    const event = createEvent(
      LearningWordRemoved,
      { userId, userWordId: card.id, cohortWeek: card.cohortWeek, at: at.toISOString() },
      { key: userId, correlationId: RequestContext.correlationId(), actorId: userId, occurredAt: at },
    );
    if (!(await this.store.removeCard(card, at, [event]))) throw vocabularyErrors.learningWordNotFound();
    await this.store.changeCohortSize(userId, card.cohortWeek, -1, at);
  }
}
