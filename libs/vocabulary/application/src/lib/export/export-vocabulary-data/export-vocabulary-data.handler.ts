import { Inject } from '@nestjs/common';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { UserDataSection } from '@tall/platform/call-contracts';
import { VOCABULARY_MODULE } from '@tall/vocabulary/contracts';
import { ExportLearningDataQuery } from '../../learning/export-learning-data/export-learning-data.query';
import { THEMATIC_STORE, type ThematicStore } from '../../thematic/thematic-store.port';
import { ExportVocabularyDataQuery } from './export-vocabulary-data.query';

@QueryHandler(ExportVocabularyDataQuery)
export class ExportVocabularyDataHandler implements IQueryHandler<ExportVocabularyDataQuery> {
  constructor(
    @Inject(THEMATIC_STORE) private readonly thematic: ThematicStore,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  async execute({ userId }: ExportVocabularyDataQuery): Promise<UserDataSection> {
    const [thematic, learning] = await Promise.all([this.thematic.exportUser(userId), this.queries.execute(new ExportLearningDataQuery(userId))]);
    const holdsThematic = thematic.cards.length + thematic.reviews.length + thematic.progress.length > 0;
    const holdsLearning = Object.values(learning).some((value) => (Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined));
    return {
      context: VOCABULARY_MODULE.name,
      data: {
        thematicCards: {
          cards: thematic.cards.map((card) => ({ ...card, dueAt: card.dueAt.toISOString() })),
          reviews: thematic.reviews.map((review) => ({
            reviewId: review.reviewId,
            wordId: review.wordId,
            topicId: review.topicId,
            mode: review.mode,
            correct: review.correct,
            fromBox: review.fromBox ?? null,
            box: review.box ?? null,
            answeredAt: review.answeredAt.toISOString(),
            durationMs: review.durationMs,
          })),
          topics: thematic.progress.map(({ topicId, wordCount, seen, learning: inProgress, mastered, topicMastered }) => ({
            topicId,
            wordCount,
            seen,
            learning: inProgress,
            mastered,
            topicMastered,
          })),
        },
        learningCards: learning,
      },
      purposes: [
        'Scheduling your thematic and learning cards (which words to show you, and when)',
        'Showing you, and your teachers through the progress record, how your vocabulary grows',
      ],
      retention: 'Until your account is erased; then your cards, reviews and personal words are deleted at once.',
      recipients: ['You', 'Your teachers and the school’s administrators, as counts and scores in the progress record (never the words you typed)'],
      ...(holdsThematic || holdsLearning ? {} : { statement: 'The vocabulary context holds nothing about you yet.' }),
    };
  }
}
