import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { MAX_BATCH_REVIEWS, type ReviewBatchItem, type ThematicReviewBody } from '@tall/vocabulary/contracts';
import { VocabularyError, vocabularyErrors } from '@tall/vocabulary/domain';
import { ReviewLearningCardCommand } from '../../learning/review-learning-card/review-learning-card.command';
import { ThematicReviews } from '../../thematic/thematic-reviews';
import { SyncReviewBatchCommand, type ReviewBatchItemOutcome, type ReviewBatchOutcome } from './sync-review-batch.command';

/**
 * Offline sync: items are applied in `answeredAt` order (thematic items together, learning items
 * one by one through their own command; the two kinds touch different cards, so their relative
 * order does not matter). Each item is idempotent by its review id: a replayed batch is
 * acknowledged item by item as duplicates and changes nothing. One bad item is refused on its
 * own; the others still apply.
 */
@CommandHandler(SyncReviewBatchCommand)
export class SyncReviewBatchHandler implements ICommandHandler<SyncReviewBatchCommand> {
  constructor(
    @Inject(ThematicReviews) private readonly thematic: ThematicReviews,
    @Inject(CommandBus) private readonly commands: CommandBus,
  ) {}

  async execute({ userId, batch, lang }: SyncReviewBatchCommand): Promise<ReviewBatchOutcome> {
    if (batch.reviews.length > MAX_BATCH_REVIEWS) throw vocabularyErrors.batchTooLarge(MAX_BATCH_REVIEWS, batch.reviews.length);
    const results: ReviewBatchItemOutcome[] = new Array(batch.reviews.length);
    const order = batch.reviews.map((item, index) => ({ item, index })).sort((a, b) => Date.parse(a.item.answeredAt) - Date.parse(b.item.answeredAt));

    const thematic = order.filter(({ item }) => item.kind === 'thematic') as Array<{ item: Extract<ReviewBatchItem, { kind: 'thematic' }>; index: number }>;
    const outcomes = await this.thematic.apply(
      userId,
      thematic.map(({ item }) => withoutKind(item) as ThematicReviewBody),
      lang,
    );
    thematic.forEach(({ item, index }, position) => {
      const outcome = outcomes[position];
      results[index] =
        outcome.status === 'rejected'
          ? { reviewId: item.reviewId, kind: 'thematic', status: 'rejected', error: outcome.error }
          : { reviewId: item.reviewId, kind: 'thematic', status: outcome.status, result: outcome.result };
    });

    for (const { item, index } of order) {
      if (item.kind !== 'learning') continue;
      try {
        const result = await this.commands.execute(new ReviewLearningCardCommand(userId, withoutKind(item)));
        results[index] = { reviewId: item.reviewId, kind: 'learning', status: result.duplicate ? 'duplicate' : 'applied', result };
      } catch (error) {
        // A refusal of this item (unknown word, another student's word, bad input); anything
        // else (a store or the dictionary down) fails the batch, which the device sends again.
        if (!(error instanceof VocabularyError) || error.code === 'SERVICE_UNAVAILABLE') throw error;
        results[index] = { reviewId: item.reviewId, kind: 'learning', status: 'rejected', error };
      }
    }
    return { results };
  }
}

function withoutKind<T extends { kind: string }>(item: T): Omit<T, 'kind'> {
  const { kind: _kind, ...rest } = item;
  return rest;
}
