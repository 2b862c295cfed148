import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { LEARNING_STORE, type LearningStore } from '../learning-store.port';
import { toMyWord } from '../my-word-view';
import { ExportLearningDataQuery } from './export-learning-data.query';

@QueryHandler(ExportLearningDataQuery)
export class ExportLearningDataHandler implements IQueryHandler<ExportLearningDataQuery> {
  constructor(@Inject(LEARNING_STORE) private readonly store: LearningStore) {}

  async execute({ userId }: ExportLearningDataQuery): Promise<Record<string, unknown>> {
    const { cards, removed, reviews, student, weeks } = await this.store.userData(userId);
    return {
      words: cards.map((card) => ({
        ...toMyWord(card),
        savedFromText: card.textId,
        stability: card.memory.stability,
        difficulty: card.memory.difficulty,
      })),
      removedWords: removed.map((card) => ({ id: card.id, cohortWeek: card.cohortWeek, removedAt: card.removedAt.toISOString() })),
      reviews: reviews
        .filter((review) => review.applied)
        .map((review) => ({
          reviewId: review.reviewId,
          userWordId: review.userWordId,
          rating: review.rating,
          answeredAt: review.answeredAt?.toISOString() ?? null,
          durationMs: review.durationMs,
          stateBefore: review.stateBefore,
          stateAfter: review.outcome?.state ?? null,
          dueAfter: review.outcome?.dueAt ?? null,
        })),
      cohortSizes: student ? student.cohorts : null,
      weeklyActiveSets: weeks.map((week) => ({ ...week, rotatedAt: week.rotatedAt.toISOString() })),
    };
  }
}
