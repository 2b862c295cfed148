import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PracticeCard } from '@tall/vocabulary/contracts';
import { LEARNING_STORE, type LearningStore } from '../learning-store.port';
import { GetPracticeCardsQuery } from './get-practice-cards.query';

/** The student's cards not removed, newest first, as far as `limit`: the word, its sentence and when it was added. */
@QueryHandler(GetPracticeCardsQuery)
export class GetPracticeCardsHandler implements IQueryHandler<GetPracticeCardsQuery> {
  constructor(@Inject(LEARNING_STORE) private readonly store: LearningStore) {}

  async execute({ userId, limit }: GetPracticeCardsQuery): Promise<{ cards: PracticeCard[] }> {
    const { items } = await this.store.listCards(userId, { skip: 0, limit });
    return {
      cards: items.map((card) => ({
        userWordId: card.id,
        lemma: card.lemma,
        article: card.article,
        translation: card.translation,
        context: card.context,
        wordId: card.wordId,
        addedAt: card.addedAt.toISOString(),
      })),
    };
  }
}
