import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { UserWord } from '@tall/vocabulary/contracts';
import { LEARNING_STORE, type LearningStore } from '../learning-store.port';
import { GetUserWordsQuery } from './get-user-words.query';

/** The student's words not removed, newest first: the lemma, its article and translation, and the dictionary word it came from. */
@QueryHandler(GetUserWordsQuery)
export class GetUserWordsHandler implements IQueryHandler<GetUserWordsQuery> {
  constructor(@Inject(LEARNING_STORE) private readonly store: LearningStore) {}

  async execute({ userId }: GetUserWordsQuery): Promise<{ words: UserWord[] }> {
    const cards = await this.store.cardWords(userId);
    return { words: cards.map((card) => ({ userWordId: card.id, lemma: card.lemma, article: card.article, translation: card.translation, wordId: card.wordId })) };
  }
}
