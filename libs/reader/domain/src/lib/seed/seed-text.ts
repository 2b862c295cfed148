import { z } from 'zod';

/** The levels of the seed library: the programme's first three (B2 texts come from admins). */
export const SEED_TEXT_LEVELS = ['A1', 'A2', 'B1'] as const;
export type SeedTextLevel = (typeof SEED_TEXT_LEVELS)[number];

/** How long a text of each level is, in words: short enough for one sitting, long enough to read. */
export const SEED_TEXT_WORDS: Record<SeedTextLevel, { min: number; max: number }> = {
  A1: { min: 60, max: 180 },
  A2: { min: 120, max: 300 },
  B1: { min: 200, max: 450 },
};

const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens');
const Sentence = z.string().trim().min(3).max(300);
const QuestionId = z.string().regex(/^q[1-9][0-9]?$/, 'q1, q2, …');

/** A comprehension question; its answer is in the seed and never goes to a client. */
export const SeedQuestionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    id: QuestionId,
    type: z.literal('multipleChoice'),
    prompt: Sentence,
    options: z.array(z.string().trim().min(1).max(150)).min(3).max(5),
    /** Index of the right option. */
    answer: z.int().min(0),
  }),
  z.strictObject({ id: QuestionId, type: z.literal('trueFalse'), statement: Sentence, answer: z.boolean() }),
  z.strictObject({
    id: QuestionId,
    type: z.literal('shortAnswer'),
    prompt: Sentence,
    /** Every answer accepted; matched as the thematic answer check matches (case, spaces, apostrophes and a closing full stop forgiven; every letter counts). */
    answers: z.array(z.string().trim().min(1).max(80)).min(1).max(6),
  }),
  z.strictObject({
    id: QuestionId,
    type: z.literal('order'),
    prompt: Sentence,
    /** The events of the text in the order they happen; clients get them shuffled. */
    items: z.array(z.string().trim().min(3).max(150)).min(3).max(6),
  }),
]);
export type SeedQuestion = z.infer<typeof SeedQuestionSchema>;

/**
 * One text of the reader's seed library, written for Tall (`libs/reader/infrastructure/src/assets/
 * seed/texts/<nn>-<slug>.json`). `body` is plain Dutch text whose paragraphs are separated by an
 * empty line. `topic` is one of the dictionary's topic slugs, so a text reuses its topic's words.
 */
export const SeedTextSchema = z.strictObject({
  slug: Slug,
  title: z.string().trim().min(3).max(120),
  level: z.enum(SEED_TEXT_LEVELS),
  topic: Slug,
  /** `test`: a text for testing comprehension (its test is the point); default `library`, a text to read. */
  source: z.enum(['library', 'test']).optional(),
  language: z.literal('nl'),
  credit: z.string().trim().min(3).max(200),
  body: z.string().trim().min(100).max(6_000),
  test: z.strictObject({ questions: z.array(SeedQuestionSchema).min(4).max(8) }).optional(),
}).refine((text) => text.source !== 'test' || text.test !== undefined, { message: 'a test text needs its test', path: ['test'] });
export type SeedText = z.infer<typeof SeedTextSchema>;

/** The words of a text as a reader counts them (letters and digits, apostrophes and hyphens inside a word). */
export function seedTextWords(body: string): string[] {
  return body.normalize('NFC').match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** The file a seed text lives in: `<nn>-<slug>.json`. */
export function seedTextFileName(index: number, slug: string): string {
  return `${String(index).padStart(2, '0')}-${slug}.json`;
}
