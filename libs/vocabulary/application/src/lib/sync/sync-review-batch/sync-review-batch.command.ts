import { Command } from '@nestjs/cqrs';
import type { LearningReviewResult, ReviewBatchBody, ThematicReviewResult } from '@tall/vocabulary/contracts';
import type { VocabularyError } from '@tall/vocabulary/domain';

export type ReviewBatchItemOutcome =
  | { reviewId: string; kind: 'thematic'; status: 'applied' | 'duplicate'; result: ThematicReviewResult }
  | { reviewId: string; kind: 'learning'; status: 'applied' | 'duplicate'; result: LearningReviewResult }
  | { reviewId: string; kind: 'thematic' | 'learning'; status: 'rejected'; error: VocabularyError };

/** One outcome per item, in the request's order; a refused item carries its refusal. */
export interface ReviewBatchOutcome {
  results: ReviewBatchItemOutcome[];
}

/** The reviews a device collected offline, thematic and learning, applied in `answeredAt` order. */
export class SyncReviewBatchCommand extends Command<ReviewBatchOutcome> {
  constructor(
    readonly userId: string,
    readonly batch: ReviewBatchBody,
    /** The language of translations thematic answers are checked against. */
    readonly lang = 'en',
  ) {
    super();
  }
}
