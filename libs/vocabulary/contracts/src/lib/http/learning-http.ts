import { z } from 'zod';
import { typedText } from '@tall/platform/text';
import { FsrsStateSchema, IsoWeekSchema } from '../vocabulary-events';

const Id = z.string().min(1).max(64);
const ArticleSchema = z.enum(['de', 'het']);
const DayKeySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Query strings arrive as text. */
const queryInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const LearningWordSourceSchema = z.enum(['dictionary', 'own', 'reader']);
export type LearningWordSource = z.infer<typeof LearningWordSourceSchema>;

/** `GET /api/v1/vocabulary/my-words?q=&page=&pageSize=`: newest first. */
export const MyWordsQuerySchema = z.strictObject({
  /** Part of the Dutch word or of the translation, any case. */
  q: typedText({ max: 80 }).optional(),
  page: queryInt(1, 10_000).optional(),
  pageSize: queryInt(1, 100).optional(),
});
export type MyWordsQuery = z.infer<typeof MyWordsQuerySchema>;

/** `POST /api/v1/vocabulary/my-words` with a dictionary word. */
const AddDictionaryWordBodySchema = z.strictObject({
  wordId: Id,
  /** ISO 639-1 code of the dictionary translation to learn with, e.g. `en`, `uk`, `ar`; default `en`. */
  language: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code').optional(),
});

/** `POST /api/v1/vocabulary/my-words` with an own word. */
const AddOwnWordBodySchema = z.strictObject({
  lemma: typedText({ min: 1, max: 80 }),
  translation: typedText({ min: 1, max: 200 }),
  article: ArticleSchema.nullable().optional(),
  note: typedText({ max: 500 }).optional(),
});

/**
 * `POST /api/v1/vocabulary/my-words`: exactly one of `{wordId, language?}` (a dictionary word) or
 * `{lemma, translation, article?, note?}` (an own word); documented as `oneOf`.
 */
export const AddMyWordBodySchema = z
  .xor([AddDictionaryWordBodySchema, AddOwnWordBodySchema], {
    error: 'Send either {wordId, language?} for a dictionary word, or {lemma, translation, article?, note?} for an own word',
  })
  .describe('Either {wordId, language?} for a dictionary word, or {lemma, translation, article?, note?} for an own word');
export type AddMyWordBody = z.infer<typeof AddMyWordBodySchema>;

export const MyWordParamsSchema = z.strictObject({ id: Id });

export const MyWordSchema = z.object({
  /** The `userWordId` of reviews and events. */
  id: Id,
  lemma: z.string(),
  article: ArticleSchema.nullable(),
  /** Null for a word saved while reading without a translation. */
  translation: z.string().nullable(),
  note: z.string().nullable(),
  /** The sentence a word saved while reading was met in. */
  context: z.string().nullable(),
  source: LearningWordSourceSchema,
  wordId: Id.nullable(),
  /** The ISO week (Europe/Amsterdam) the word was added in: its cohort. */
  cohortWeek: IsoWeekSchema,
  addedAt: z.iso.datetime(),
  state: FsrsStateSchema,
  dueAt: z.iso.datetime(),
  reps: z.int().min(0),
  lapses: z.int().min(0),
  lastReviewedAt: z.iso.datetime().nullable(),
});
export type MyWord = z.infer<typeof MyWordSchema>;

export const MyWordListSchema = z.object({
  items: z.array(MyWordSchema),
  total: z.int().min(0),
  page: z.int().min(1),
  pageSize: z.int().min(1),
});
export type MyWordList = z.infer<typeof MyWordListSchema>;

/** `GET /api/v1/vocabulary/my-words/today?limit=` */
export const TodayQueueQuerySchema = z.strictObject({ limit: queryInt(1, 200).optional() });
export type TodayQueueQuery = z.infer<typeof TodayQueueQuerySchema>;

export const TodayCardSchema = z.object({
  userWordId: Id,
  /** The flip card: the Dutch side (with its article) and the other side; both are shown, the student rates themselves. */
  prompt: z.object({ front: z.string(), back: z.string() }),
  lemma: z.string(),
  article: ArticleSchema.nullable(),
  translation: z.string().nullable(),
  note: z.string().nullable(),
  context: z.string().nullable(),
  cohortWeek: IsoWeekSchema,
  state: FsrsStateSchema,
  dueAt: z.iso.datetime(),
});
export type TodayCard = z.infer<typeof TodayCardSchema>;

export const TodayQueueSchema = z.object({
  /** The local day (Europe/Amsterdam) the queue is for. */
  day: DayKeySchema,
  week: IsoWeekSchema,
  /** The cohorts whose cards are in the queue: the active set of the week. */
  activeCohorts: z.array(IsoWeekSchema),
  /**
   * Cards due today in FSRS order: earliest due first (cards in their short learning steps
   * come once their step is over; new cards are due from when they were added).
   */
  items: z.array(TodayCardSchema),
  /** All cards due today, of which `items` are the first `limit`. */
  total: z.int().min(0),
});
export type TodayQueue = z.infer<typeof TodayQueueSchema>;

export const ScheduleCohortSchema = z.object({
  week: IsoWeekSchema,
  size: z.int().min(0),
  /** Weeks since the cohort was created when it is active this week (0 = this week's new cohort), else null. */
  position: z.int().min(0).nullable(),
  activeThisWeek: z.boolean(),
  /** The next week it comes back in, null once it has retired. */
  nextActiveWeek: IsoWeekSchema.nullable(),
  /** Every week it is active in (its own and the cycle's). */
  activeWeeks: z.array(IsoWeekSchema),
  dueToday: z.int().min(0),
});

/** `GET /api/v1/vocabulary/my-schedule` */
export const MyScheduleSchema = z.object({
  timeZone: z.string(),
  day: DayKeySchema,
  week: IsoWeekSchema,
  /** Weeks after creation a cohort is active again, e.g. [1, 2, 4, 8]. */
  cycleWeeks: z.array(z.int().min(1)),
  /** The week of this student's last weekly rotation, null before their first. */
  rotatedWeek: IsoWeekSchema.nullable(),
  activeCohorts: z.array(IsoWeekSchema),
  /** The student's cohorts, newest first. */
  cohorts: z.array(ScheduleCohortSchema),
  /** The next eight weeks: which cohorts come back, with how many cards. */
  upcoming: z.array(z.object({ week: IsoWeekSchema, cohorts: z.array(IsoWeekSchema), cards: z.int().min(0) })),
  dueToday: z.int().min(0),
  doneToday: z.int().min(0),
});
export type MySchedule = z.infer<typeof MyScheduleSchema>;

/** `GET /api/v1/vocabulary/my-words/stats` */
export const LearningStatsSchema = z.object({
  day: DayKeySchema,
  cards: z.object({
    total: z.int().min(0),
    new: z.int().min(0),
    learning: z.int().min(0),
    review: z.int().min(0),
    relearning: z.int().min(0),
  }),
  /** Cards of the active set due today. */
  dueToday: z.int().min(0),
  /** Reviews answered today (local day). */
  reviewedToday: z.int().min(0),
  /**
   * The last 30 days: reviews of cards that were in the review state (a real test of memory),
   * how many were not rated `again`, and that share (null without such reviews).
   */
  retention30d: z.object({ reviews: z.int().min(0), remembered: z.int().min(0), rate: z.number().min(0).max(1).nullable() }),
});
export type LearningStats = z.infer<typeof LearningStatsSchema>;
