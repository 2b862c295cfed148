import { z } from 'zod';
import { CefrLevelSchema } from '../vocabulary-events';

/** The most cards one thematic session may hold. */
export const THEMATIC_SESSION_MAX_SIZE = 50;

/** A language code for translations (`en`, `ru`, …); a word without that language shows English. */
export const TranslationLanguageSchema = z
  .string()
  .regex(/^[a-z]{2,3}$/, 'must be a language code such as en or ru')
  .default('en');

const Id = z.string().min(1).max(64);

/** A student's figures on a set of words (one topic, or every topic). */
export const ThematicCountsSchema = z.object({
  wordCount: z.int().min(0),
  /** Words answered at least once. */
  seen: z.int().min(0),
  /** Seen, not yet in the top boxes. */
  learning: z.int().min(0),
  /** In the top boxes. */
  mastered: z.int().min(0),
  /** mastered / wordCount, 0..1. */
  mastery: z.number().min(0).max(1),
  /** Seen words due by the end of today (Europe/Amsterdam). */
  dueToday: z.int().min(0),
  reviews: z.int().min(0),
  correctReviews: z.int().min(0),
  /** correctReviews / reviews; null before the first review. */
  accuracy: z.number().min(0).max(1).nullable(),
  /** Days in a row, ending today or yesterday, with at least one review (Europe/Amsterdam days). */
  streak: z.int().min(0),
});
export type ThematicCounts = z.infer<typeof ThematicCountsSchema>;

export const TopicStatsSchema = ThematicCountsSchema.extend({
  /** At least the mastery threshold (e.g. 90%) of the topic's words sit in the top boxes. */
  topicMastered: z.boolean(),
});
export type TopicStats = z.infer<typeof TopicStatsSchema>;

/** `GET /api/v1/vocabulary/thematic/stats` */
export const ThematicStatsSchema = z.object({
  overall: ThematicCountsSchema.extend({ topics: z.int().min(0), topicsStarted: z.int().min(0), topicsMastered: z.int().min(0) }),
  topics: z.array(TopicStatsSchema.extend({ topicId: Id, slug: z.string(), level: CefrLevelSchema })),
});
export type ThematicStats = z.infer<typeof ThematicStatsSchema>;

export const ThematicSessionModeSchema = z.enum(['recognition', 'recall', 'article', 'verb-forms', 'mixed']);
export type ThematicSessionMode = z.infer<typeof ThematicSessionModeSchema>;

/** `GET /api/v1/vocabulary/topics/:id/session?size=&mode=&lang=` */
export const ThematicSessionQuerySchema = z.strictObject({
  /** Default: the configured session size (`THEMATIC_SESSION_SIZE`). */
  size: z.coerce.number().int().min(1).max(THEMATIC_SESSION_MAX_SIZE).optional(),
  /** One drill for every card, or `mixed` (the default): the server picks per card. */
  mode: ThematicSessionModeSchema.default('mixed'),
  lang: TranslationLanguageSchema,
});
export type ThematicSessionQuery = z.infer<typeof ThematicSessionQuerySchema>;

const CardBase = {
  wordId: Id,
  /** The word's box for this student; 0 for a word they have not answered yet. */
  box: z.int().min(0),
  pos: z.string(),
};

/** A card to answer. It never carries the expected answer: the server checks it. */
export const ThematicCardSchema = z.discriminatedUnion('mode', [
  z.object({
    ...CardBase,
    mode: z.literal('recognition'),
    /** Dutch → pick its translation among four options (shuffled; the answer is the option's text). */
    prompt: z.object({ lemma: z.string(), article: z.enum(['de', 'het']).nullable(), options: z.array(z.string()).min(2).max(4) }),
  }),
  z.object({
    ...CardBase,
    mode: z.literal('recall'),
    /** Translation → type the Dutch word (with or without its article). */
    prompt: z.object({ translation: z.string() }),
  }),
  z.object({
    ...CardBase,
    mode: z.literal('article'),
    /** de or het? */
    prompt: z.object({ lemma: z.string(), translation: z.string(), options: z.array(z.enum(['de', 'het'])).length(2) }),
  }),
  z.object({
    ...CardBase,
    mode: z.literal('verb-forms'),
    /** Give the past singular, past plural and participle of this irregular verb. */
    prompt: z.object({ infinitive: z.string(), translation: z.string() }),
  }),
]);
export type ThematicCard = z.infer<typeof ThematicCardSchema>;

export const ThematicSessionSchema = z.object({
  topicId: Id,
  mode: ThematicSessionModeSchema,
  lang: z.string(),
  /** Due words first (lowest box first), then new words in the topic's order. */
  cards: z.array(ThematicCardSchema),
  /** How many of the cards are due reviews and how many are new words. */
  due: z.int().min(0),
  new: z.int().min(0),
});
export type ThematicSession = z.infer<typeof ThematicSessionSchema>;

/** `?lang=` on a review: the language of the expected translation returned. */
export const ThematicReviewQuerySchema = z.strictObject({ lang: TranslationLanguageSchema });
export type ThematicReviewQuery = z.infer<typeof ThematicReviewQuerySchema>;
