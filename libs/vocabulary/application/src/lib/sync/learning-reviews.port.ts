import type { LearningReviewBody, LearningReviewResult } from '@tall/vocabulary/contracts';

/**
 * What the batch sync, the export and the erasure need of the learning cards (their
 * `LearningCardsService`): a single review (idempotent by review id; refusals thrown as
 * `ApiError`s), and the student's data.
 */
export interface LearningCardsPort {
  review(userId: string, body: LearningReviewBody): Promise<LearningReviewResult>;
  exportUser(userId: string): Promise<Record<string, unknown>>;
  eraseUser(userId: string): Promise<void>;
}

export const LEARNING_CARDS = Symbol('LEARNING_CARDS');
