import { z } from 'zod';
import { typedText } from '@tall/platform/text';
import { ExerciseLevelSchema, ExerciseSourceSchema, ExerciseTypeSchema } from '../exercise-events';

/**
 * An authored exercise's slug, or a weekly one's id (`wk-<week>-<n>-<tag>`). Checked for length
 * only, as the reader checks text ids: an id that names nothing is 404 (and a pattern here made the
 * contract fuzzer drop most of the requests it generated).
 */
export const ExerciseIdSchema = z.string().min(1).max(64);
/** Items are numbered i1, i2, … within their exercise. */
export const ItemIdSchema = z.string().regex(/^i[1-9][0-9]?$/, 'i1, i2, …');
/** Query strings arrive as text. */
const queryInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** `GET /api/v1/exercises?type=&level=&topic=&page=&pageSize=`: the school's published exercises. */
export const ExerciseListQuerySchema = z.strictObject({
  type: ExerciseTypeSchema.optional(),
  level: ExerciseLevelSchema.optional(),
  /** A dictionary topic slug. */
  topic: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a topic slug').max(80).optional(),
  page: queryInt(1, 10_000).optional(),
  pageSize: queryInt(1, 100).optional(),
});
export type ExerciseListQuery = z.infer<typeof ExerciseListQuerySchema>;

export const ExerciseParamsSchema = z.strictObject({ id: ExerciseIdSchema });

export const LastScoreSchema = z.object({ score: z.int().min(0), maxScore: z.int().min(1), at: z.iso.datetime() });
export type LastScore = z.infer<typeof LastScoreSchema>;

export const ExerciseSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  type: ExerciseTypeSchema,
  level: ExerciseLevelSchema,
  /** The dictionary topic slug; null when it has none. */
  topic: z.string().nullable(),
  source: ExerciseSourceSchema,
  itemCount: z.int().min(1),
  /** The student's latest attempt; null when never tried. */
  lastScore: LastScoreSchema.nullable(),
});
export type ExerciseSummary = z.infer<typeof ExerciseSummarySchema>;

export const ExerciseListSchema = z.object({
  items: z.array(ExerciseSummarySchema),
  total: z.int().min(0),
  page: z.int().min(1),
  pageSize: z.int().min(1),
});
export type ExerciseList = z.infer<typeof ExerciseListSchema>;

const Hint = z.string().nullable().describe('A translation or a clue; null when there is none');
const Common = { ...ExerciseSummarySchema.shape, instructions: z.string() };

/** Put the words of each sentence in order; the sentence's closing mark (`ending`) stays in place. */
export const PublicOrderExerciseSchema = z.object({
  ...Common,
  type: z.literal('order'),
  items: z.array(z.object({ id: z.string(), tokens: z.array(z.string()), ending: z.string(), hint: Hint })),
});
/** Match each item on the left to one of the options on the right (each option fits one item). */
export const PublicMatchExerciseSchema = z.object({
  ...Common,
  type: z.literal('match'),
  items: z.array(z.object({ id: z.string(), text: z.string() })),
  options: z.array(z.string()),
});
/** Sort each item into one of the buckets. */
export const PublicBucketsExerciseSchema = z.object({
  ...Common,
  type: z.literal('buckets'),
  buckets: z.array(z.object({ id: z.string(), label: z.string() })),
  items: z.array(z.object({ id: z.string(), text: z.string() })),
});
/** Fill in the blanks: a sentence's `parts` with a blank between each two; the word bank, when there is one, holds every answer and a few others. */
export const PublicClozeExerciseSchema = z.object({
  ...Common,
  type: z.literal('cloze'),
  items: z.array(z.object({ id: z.string(), parts: z.array(z.string()).min(2), hint: Hint })),
  wordBank: z.array(z.string()).nullable(),
});

/** `GET /api/v1/exercises/:id`: an exercise as a student gets it, without its answers. */
export const PublicExerciseSchema = z.discriminatedUnion('type', [PublicOrderExerciseSchema, PublicMatchExerciseSchema, PublicBucketsExerciseSchema, PublicClozeExerciseSchema]);
export type PublicExercise = z.infer<typeof PublicExerciseSchema>;

/** `GET /api/v1/exercises/weekly`: the student's set for the current week, made once from their week's words. */
export const WeeklySetSchema = z.object({
  /** The ISO week, e.g. `2026-W11`, and its Monday in the school's calendar. */
  week: z.string(),
  weekStart: z.iso.date(),
  /** What the set was made from: the learning cards added this week, the words the student is learning, or the dictionary at their level. */
  basis: z.enum(['week', 'learning', 'dictionary']),
  items: z.array(PublicExerciseSchema),
});
export type WeeklySet = z.infer<typeof WeeklySetSchema>;

/**
 * The answer to one item, by exercise type: `order` the tokens in the order chosen; `match` the
 * option chosen; `buckets` the bucket's id; `cloze` the text typed (or picked) for each blank.
 */
export const ExerciseAnswerSchemas = {
  order: z.array(z.string()).min(1),
  match: z.string(),
  buckets: z.string(),
  cloze: z.array(z.string()).min(1),
} as const;

const AnswerSchema = z.union([typedText({ max: 200 }), z.array(typedText({ max: 100 })).max(40)]);

/** `POST /api/v1/exercises/:id/attempts` */
export const ExerciseAttemptBodySchema = z.strictObject({
  /** An item the exercise lacks is INVALID_ANSWER (422). */
  answers: z.array(z.strictObject({ itemId: z.string().min(1).max(8), answer: AnswerSchema })).max(60),
});
export type ExerciseAttemptBody = z.infer<typeof ExerciseAttemptBodySchema>;

export const ItemResultSchema = z.object({
  itemId: z.string(),
  correct: z.boolean(),
  /** The right answer: the sentence (order), the option (match), the bucket's id (buckets), the blanks' words (cloze). */
  expected: z.union([z.string(), z.array(z.string())]),
});
export type ItemResult = z.infer<typeof ItemResultSchema>;

export const ExerciseAttemptResultSchema = z.object({
  id: z.uuid(),
  score: z.int().min(0),
  maxScore: z.int().min(1),
  results: z.array(ItemResultSchema),
  at: z.iso.datetime(),
});
export type ExerciseAttemptResult = z.infer<typeof ExerciseAttemptResultSchema>;
