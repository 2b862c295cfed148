import { Schema } from 'mongoose';
import type { ReviewClaim } from '@tall/vocabulary/application';
import { THEMATIC_REVIEWS } from './collections';
import { VOCABULARY_SCHEMA_OPTIONS } from './schema-options';
import { vocabularyModel } from './vocabulary-connection';

/** One per (student, review id), `_id` `<userId>:<reviewId>`: the review's claim, then its result. */
export type ThematicReviewDocument = ReviewClaim & { _id: string; appliedAt?: Date };

const schema = new Schema(
  {
    _id: String,
    userId: String,
    reviewId: String,
    wordId: String,
    topicId: String,
    mode: String,
    answeredAt: Date,
    durationMs: Number,
    day: String,
    correct: Boolean,
    /** A string, or the verb forms */
    expected: Schema.Types.Mixed,
    status: String,
    claimedAt: Date,
    fromBox: Number,
    box: Number,
    dueAt: Date,
    appliedAt: Date,
  },
  VOCABULARY_SCHEMA_OPTIONS,
);
// The _id already is (user, review id); the explicit index keeps the guarantee if ids change.
schema.index({ userId: 1, reviewId: 1 }, { unique: true, name: 'user_review_unique' });
schema.index({ userId: 1, status: 1 }, { name: 'user_status' });
schema.index({ status: 1, claimedAt: 1 }, { name: 'status_claimed' });

export const THEMATIC_REVIEW_MODEL = vocabularyModel<ThematicReviewDocument>('ThematicReview', THEMATIC_REVIEWS, schema);
