import { Schema } from 'mongoose';
import type { ReviewRecord } from '@tall/vocabulary/application';
import type { LearningRating } from '@tall/vocabulary/contracts';
import type { LearningCardStateName } from '@tall/vocabulary/domain';
import { LEARNING_COLLECTIONS } from './collections';
import { VOCABULARY_SCHEMA_OPTIONS } from './schema-options';
import { vocabularyModel } from './vocabulary-connection';

/** One per review id (`_id`): claimed first, completed once applied to the card. */
export interface LearningReviewDocument {
  _id: string;
  userId: string;
  userWordId: string;
  applied: boolean;
  claimedAt: Date;
  outcome?: ReviewRecord['outcome'];
  cohortWeek?: string;
  rating?: LearningRating;
  stateBefore?: LearningCardStateName;
  answeredAt?: Date;
  durationMs?: number;
  appliedAt?: Date;
}

const schema = new Schema(
  {
    _id: String,
    userId: String,
    userWordId: String,
    applied: Boolean,
    claimedAt: Date,
    /** ReviewOutcome; its `dueAt` is an ISO string */
    outcome: Schema.Types.Mixed,
    cohortWeek: String,
    rating: String,
    stateBefore: String,
    answeredAt: Date,
    durationMs: Number,
    appliedAt: Date,
  },
  VOCABULARY_SCHEMA_OPTIONS,
);
schema.index({ userId: 1, answeredAt: 1 }, { name: 'user_answered' });

export const LEARNING_REVIEW_MODEL = vocabularyModel<LearningReviewDocument>('LearningReview', LEARNING_COLLECTIONS.reviews, schema);
