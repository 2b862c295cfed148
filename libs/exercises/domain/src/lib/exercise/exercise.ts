import { z } from 'zod';
import { ExerciseLevelSchema, ItemIdSchema } from '@tall/exercises/contracts';

const Text = (max: number) => z.string().trim().min(1).max(max);
/** A sentence to build or fill in: one line of ordinary text. */
const Sentence = z.string().trim().min(3).max(200);
const Hint = z.string().trim().min(1).max(150).nullable().optional();

export const OrderItemSchema = z.strictObject({
  id: ItemIdSchema,
  /** The sentence; its words are the tokens, its closing mark (. ! ? …) stays in place. */
  sentence: Sentence,
  /** Other orders of the same words that are right too ("Morgen ga ik …" beside "Ik ga morgen …"). */
  accepted: z.array(Sentence).max(4).optional(),
  hint: Hint,
});

export const MatchItemSchema = z.strictObject({ id: ItemIdSchema, left: Text(80), right: Text(80) });

export const BucketSchema = z.strictObject({ id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a bucket id is a slug').max(30), label: Text(60) });
export const BucketItemSchema = z.strictObject({ id: ItemIdSchema, text: Text(80), bucket: z.string().max(30) });

export const ClozeBlankSchema = z.strictObject({
  /** The word(s) of the sentence the blank hides, as they stand in it. */
  answer: Text(60),
  /** Other answers accepted for the blank (a synonym, another spelling). */
  accepted: z.array(Text(60)).max(4).optional(),
});
export const ClozeItemSchema = z.strictObject({
  id: ItemIdSchema,
  sentence: Sentence,
  /** In the order they stand in the sentence. */
  blanks: z.array(ClozeBlankSchema).min(1).max(3),
  hint: Hint,
});

const Items = <T extends z.ZodType>(item: T) => z.array(item).min(3).max(12);

/** What an exercise asks, answers included; by type. */
export const ExerciseContentShapes = {
  order: { type: z.literal('order'), items: Items(OrderItemSchema) },
  match: { type: z.literal('match'), items: Items(MatchItemSchema) },
  buckets: { type: z.literal('buckets'), buckets: z.array(BucketSchema).min(2).max(4), items: Items(BucketItemSchema) },
  cloze: {
    type: z.literal('cloze'),
    items: Items(ClozeItemSchema),
    /** When set, the student picks from a word bank: every blank's answer and these other words. */
    wordBank: z.strictObject({ extra: z.array(Text(60)).max(8) }).nullable().optional(),
  },
} as const;

/** What every exercise has besides its content. */
export const ExerciseMetaShape = {
  id: z.string().max(64).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens'),
  title: Text(120),
  level: ExerciseLevelSchema,
  /** A dictionary topic slug, or null. */
  topic: z.string().max(80).nullable(),
  /** What to do, in Dutch, as the student reads it above the exercise. */
  instructions: Text(300),
};

export const ExerciseSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...ExerciseMetaShape, ...ExerciseContentShapes.order }),
  z.strictObject({ ...ExerciseMetaShape, ...ExerciseContentShapes.match }),
  z.strictObject({ ...ExerciseMetaShape, ...ExerciseContentShapes.buckets }),
  z.strictObject({ ...ExerciseMetaShape, ...ExerciseContentShapes.cloze }),
]);

/** An exercise as stored, answers included (authored by the school or generated for a student's week). */
export type Exercise = z.infer<typeof ExerciseSchema>;
export type OrderExercise = Extract<Exercise, { type: 'order' }>;
export type MatchExercise = Extract<Exercise, { type: 'match' }>;
export type BucketsExercise = Extract<Exercise, { type: 'buckets' }>;
export type ClozeExercise = Extract<Exercise, { type: 'cloze' }>;
