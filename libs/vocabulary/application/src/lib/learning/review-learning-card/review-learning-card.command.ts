import { Command } from '@nestjs/cqrs';
import type { LearningReviewBody, LearningReviewResult } from '@tall/vocabulary/contracts';

/** A student's rating of a learning card (FSRS); idempotent by its review id. */
export class ReviewLearningCardCommand extends Command<LearningReviewResult> {
  constructor(
    readonly userId: string,
    readonly review: LearningReviewBody,
  ) {
    super();
  }
}
