import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '@tall/platform/http';
import {
  MAX_BATCH_REVIEWS,
  type ReviewBatchBody,
  type ReviewBatchItem,
  type ReviewBatchResult,
  type ThematicReviewBody,
} from '@tall/vocabulary/contracts';
import { ThematicReviewService } from '../thematic/thematic-review.service';
import { LEARNING_CARDS, type LearningCardsPort } from './learning-reviews.port';

type ItemResult = ReviewBatchResult['results'][number];

/**
 * Offline sync: a device sends the reviews it collected. Items are applied in `answeredAt` order
 * (thematic items through the thematic service, learning items one by one through the learning
 * cards; the two kinds touch different cards, so their relative order does not matter). Each
 * item is idempotent by its review id: a replayed batch is acknowledged item by item as
 * duplicates and changes nothing. One bad item is refused on its own; the others still apply.
 * Results come back in the request's order.
 */
@Injectable()
export class ReviewBatchService {
  constructor(
    @Inject(ThematicReviewService) private readonly thematic: ThematicReviewService,
    @Inject(LEARNING_CARDS) private readonly learning: LearningCardsPort,
  ) {}

  async sync(userId: string, body: ReviewBatchBody, lang = 'en'): Promise<ReviewBatchResult> {
    if (body.reviews.length > MAX_BATCH_REVIEWS) {
      throw new ApiError(413, 'BATCH_TOO_LARGE', `A batch holds at most ${MAX_BATCH_REVIEWS} reviews; send the rest in another batch`, {
        maxReviews: MAX_BATCH_REVIEWS,
        reviews: body.reviews.length,
      });
    }
    const results: ItemResult[] = new Array(body.reviews.length);
    const order = body.reviews.map((item, index) => ({ item, index })).sort((a, b) => Date.parse(a.item.answeredAt) - Date.parse(b.item.answeredAt));

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
          ? { reviewId: item.reviewId, kind: 'thematic', status: 'rejected', error: refusal(outcome.error) }
          : { reviewId: item.reviewId, kind: 'thematic', status: outcome.status, result: outcome.result };
    });

    for (const { item, index } of order) {
      if (item.kind !== 'learning') continue;
      try {
        const result = await this.learning.review(userId, withoutKind(item));
        results[index] = { reviewId: item.reviewId, kind: 'learning', status: result.duplicate ? 'duplicate' : 'applied', result };
      } catch (error) {
        // A refusal of this item (unknown word, another student's word, bad input); anything
        // else (a store down) fails the batch, which the device sends again.
        if (!(error instanceof ApiError) || error.getStatus() >= 500) throw error;
        results[index] = { reviewId: item.reviewId, kind: 'learning', status: 'rejected', error: refusal(error) };
      }
    }
    return { results };
  }
}

function withoutKind<T extends { kind: string }>(item: T): Omit<T, 'kind'> {
  const { kind: _kind, ...rest } = item;
  return rest;
}

function refusal(error: ApiError): { statusCode: number; code: string; message: string } {
  return { statusCode: error.getStatus(), code: error.code, message: error.message };
}
