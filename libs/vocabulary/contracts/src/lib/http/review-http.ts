import { z } from 'zod';
import { LearningRatingSchema, ThematicModeSchema } from '../vocabulary-events';

/** How far in the future a client clock may put `answeredAt` before the review is refused. */
export const ANSWERED_AT_MAX_SKEW_MS = 5 * 60_000;
/** The most reviews one offline sync may carry. */
export const MAX_BATCH_REVIEWS = 500;

const ReviewId = z.uuid();
const AnsweredAt = z.iso.datetime({ offset: true });
const DurationMs = z.int().min(0).max(3_600_000);

/** The answer to a thematic card: a string for recognition/recall/article, the three forms for a verb-forms card. */
export const ThematicAnswerSchema = z.union([
  z.string().max(200),
  z.strictObject({ pastSingular: z.string().max(100), pastPlural: z.string().max(100), participle: z.string().max(100) }),
]);
export type ThematicAnswer = z.infer<typeof ThematicAnswerSchema>;

/** `POST /api/v1/vocabulary/thematic/reviews` */
export const ThematicReviewBodySchema = z.strictObject({
  reviewId: ReviewId,
  wordId: z.string().min(1).max(64),
  mode: ThematicModeSchema,
  answer: ThematicAnswerSchema,
  answeredAt: AnsweredAt,
  durationMs: DurationMs,
});
export type ThematicReviewBody = z.infer<typeof ThematicReviewBodySchema>;

export const ThematicReviewResultSchema = z.object({
  correct: z.boolean(),
  /** What was expected (shown after answering): the Dutch word, the translation, the article, or the verb forms. */
  expected: z.union([z.string(), z.object({ pastSingular: z.string(), pastPlural: z.string(), participle: z.string() })]),
  box: z.int().min(1),
  dueAt: z.iso.datetime(),
  duplicate: z.boolean(),
});
export type ThematicReviewResult = z.infer<typeof ThematicReviewResultSchema>;

/** `POST /api/v1/vocabulary/my-words/reviews` */
export const LearningReviewBodySchema = z.strictObject({
  reviewId: ReviewId,
  userWordId: z.string().min(1).max(64),
  rating: LearningRatingSchema,
  answeredAt: AnsweredAt,
  durationMs: DurationMs,
});
export type LearningReviewBody = z.infer<typeof LearningReviewBodySchema>;

export const LearningReviewResultSchema = z.object({
  userWordId: z.string(),
  rating: LearningRatingSchema,
  state: z.enum(['new', 'learning', 'review', 'relearning']),
  dueAt: z.iso.datetime(),
  /** FSRS memory state after the review. */
  stability: z.number(),
  difficulty: z.number(),
  duplicate: z.boolean(),
});
export type LearningReviewResult = z.infer<typeof LearningReviewResultSchema>;

/** `POST /api/v1/vocabulary/reviews/batch`: offline sync of both kinds, applied in `answeredAt` order. */
export const ReviewBatchItemSchema = z.discriminatedUnion('kind', [
  ThematicReviewBodySchema.extend({ kind: z.literal('thematic') }),
  LearningReviewBodySchema.extend({ kind: z.literal('learning') }),
]);
export type ReviewBatchItem = z.infer<typeof ReviewBatchItemSchema>;

/** The size limit is checked by the handler (413), not the schema, so an oversized batch gets 413 rather than 400. */
export const ReviewBatchBodySchema = z.strictObject({ reviews: z.array(ReviewBatchItemSchema).min(1) });
export type ReviewBatchBody = z.infer<typeof ReviewBatchBodySchema>;

export const ReviewBatchItemResultSchema = z.object({
  reviewId: z.string(),
  kind: z.enum(['thematic', 'learning']),
  status: z.enum(['applied', 'duplicate', 'rejected']),
  /** The single review's result when applied or a duplicate. */
  result: z.union([ThematicReviewResultSchema, LearningReviewResultSchema]).optional(),
  /** Why it was rejected, as the error envelope's code/message (e.g. NOT_FOUND for another student's word). */
  error: z.object({ statusCode: z.int(), code: z.string(), message: z.string() }).optional(),
});
export const ReviewBatchResultSchema = z.object({ results: z.array(ReviewBatchItemResultSchema) });
export type ReviewBatchResult = z.infer<typeof ReviewBatchResultSchema>;
