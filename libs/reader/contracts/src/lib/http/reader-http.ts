import { z } from 'zod';
import { typedText } from '@tall/platform/text';
import { ReaderLevelSchema, TextSourceSchema } from '../reader-events';

const Id = z.string().min(1).max(64);
const LanguageSchema = z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code');
/** Query strings arrive as text. */
const queryInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const WordStateSchema = z.enum(['new', 'learning', 'known', 'ignored']);
export type ReaderWordState = z.infer<typeof WordStateSchema>;

/** `GET /api/v1/reader/texts?source=&level=&topic=&q=&minKnown=&page=&pageSize=` */
export const TextListQuerySchema = z.strictObject({
  source: TextSourceSchema.optional(),
  level: ReaderLevelSchema.optional(),
  /** A dictionary topic slug. */
  topic: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a topic slug').max(80).optional(),
  /** Part of the title, any case. */
  q: typedText({ max: 80 }).optional(),
  /** Only texts of which the student knows at least this share of words (0–100). */
  minKnown: queryInt(0, 100).optional(),
  page: queryInt(1, 10_000).optional(),
  pageSize: queryInt(1, 100).optional(),
});
export type TextListQuery = z.infer<typeof TextListQuerySchema>;

export const ReadingPositionSchema = z.object({
  paragraph: z.int().min(0),
  sentence: z.int().min(0),
  readingSeconds: z.int().min(0),
  /** The student reached the end of the text. */
  finished: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type ReadingPosition = z.infer<typeof ReadingPositionSchema>;

export const TextSummarySchema = z.object({
  id: Id,
  title: z.string(),
  /** The library's level; an own text has none. */
  level: ReaderLevelSchema.nullable(),
  /** The dictionary topic slug; null for an own text. */
  topic: z.string().nullable(),
  source: TextSourceSchema,
  wordCount: z.int().min(0),
  /** The share of the text's words the student knows or ignores, 0–100. */
  knownPercent: z.number().min(0).max(100),
  hasTest: z.boolean(),
  /** The level by the dictionary's words; null when too few are recognised. */
  estimatedLevel: ReaderLevelSchema.nullable(),
  credit: z.string().nullable(),
  /** Where the student is in the text; null when never opened. */
  position: ReadingPositionSchema.nullable(),
  createdAt: z.iso.datetime(),
});
export type TextSummary = z.infer<typeof TextSummarySchema>;

export const TextListSchema = z.object({
  items: z.array(TextSummarySchema),
  total: z.int().min(0),
  page: z.int().min(1),
  pageSize: z.int().min(1),
});
export type TextList = z.infer<typeof TextListSchema>;

export const TextParamsSchema = z.strictObject({ id: Id });

/** `GET /api/v1/reader/texts/:id?lang=`: the language of the translations in `glosses`. */
export const ReaderTextQuerySchema = z.strictObject({
  /** ISO 639-1 code; default `en`. A language the dictionary lacks for a word falls back to English. */
  lang: LanguageSchema.optional(),
});
export type ReaderTextQuery = z.infer<typeof ReaderTextQuerySchema>;

export const ReaderTokenSchema = z.object({
  text: z.string(),
  kind: z.enum(['word', 'number', 'punctuation', 'space']),
  /** The dictionary form (lemma) of a recognised word. */
  lemma: z.string().optional(),
  /** The dictionary word it belongs to. */
  wordId: z.string().optional(),
  /** The student's own word (learning card) it belongs to. */
  userWordId: z.string().optional(),
  /** Words that go together (a separable verb and its prefix, a fixed phrase) share a group. */
  group: z.int().optional(),
  /** Words only: the student's state of the word. */
  state: WordStateSchema.optional(),
});
export type ReaderToken = z.infer<typeof ReaderTokenSchema>;

export const ReaderSentenceSchema = z.object({ tokens: z.array(ReaderTokenSchema) });
export const ReaderParagraphSchema = z.object({
  sentences: z.array(ReaderSentenceSchema),
  /** A chapter heading (imported books): shown as a heading, read as a paragraph. */
  heading: z.boolean().optional(),
});
export type ReaderParagraph = z.infer<typeof ReaderParagraphSchema>;

export const TextStatsSchema = z.object({
  tokens: z.int().min(0),
  known: z.int().min(0),
  knownPercent: z.number().min(0).max(100),
  newWords: z.int().min(0),
  estimatedLevel: ReaderLevelSchema.nullable(),
});
export type TextStats = z.infer<typeof TextStatsSchema>;

/** A word of the text the student can look up: what the dictionary or their own words say about it. */
export const ReaderGlossSchema = z.object({
  /** The key of the lookup: a dictionary word id, `own:<userWordId>`, or a function word. */
  lemma: z.string(),
  wordId: z.string().nullable(),
  userWordId: z.string().nullable(),
  pos: z.string().nullable(),
  article: z.enum(['de', 'het']).nullable(),
  plural: z.string().nullable(),
  verbForms: z
    .object({ presentThirdSingular: z.string(), pastSingular: z.string(), pastPlural: z.string(), participle: z.string(), separablePrefix: z.string().nullable() })
    .nullable(),
  /** In the student's language when the dictionary has it, else English; the own word's translation. */
  translation: z.string().nullable(),
  /** The language of `translation`. */
  translationLanguage: z.string().nullable(),
  level: ReaderLevelSchema.nullable(),
});
export type ReaderGloss = z.infer<typeof ReaderGlossSchema>;

/** `GET /api/v1/reader/texts/:id` */
export const ReaderTextSchema = TextSummarySchema.extend({
  language: z.literal('nl'),
  /** Changes when the text is edited; atomizations are cached per version. */
  version: z.int().min(1),
  paragraphs: z.array(ReaderParagraphSchema),
  stats: TextStatsSchema,
  /** Translations and forms of every recognised word of the text, by `wordId` or `own:<userWordId>`. */
  glosses: z.record(z.string(), ReaderGlossSchema),
});
export type ReaderText = z.infer<typeof ReaderTextSchema>;

/**
 * Characters of a pasted text: about 15,000 words, far more than anyone pastes, and well inside
 * the API's 1 MB body limit. A book goes as a file (up to 10 MB).
 */
export const PASTED_TEXT_MAX_CHARACTERS = 100_000;

/** `POST /api/v1/reader/texts` as JSON: a pasted text. (A file goes as multipart `file`, with an optional `title` field.) */
export const PasteTextBodySchema = z.strictObject({
  title: typedText({ min: 1, max: 200 }),
  body: z.string().min(1).max(PASTED_TEXT_MAX_CHARACTERS),
});
export type PasteTextBody = z.infer<typeof PasteTextBodySchema>;

/** A recognised word by its dictionary id, or any word by its dictionary form (the token's lemma, or the word itself). */
const ByWordId = { wordId: Id };
const ByLemma = { lemma: typedText({ min: 1, max: 80 }) };

/** `PUT /api/v1/reader/words/state`: `{wordId, state}` or `{lemma, state}` (documented as oneOf). */
export const WordStateBodySchema = z
  .xor([z.strictObject({ ...ByWordId, state: WordStateSchema }), z.strictObject({ ...ByLemma, state: WordStateSchema })], {
    error: 'Send either {wordId, state} or {lemma, state}',
  })
  .describe('Either {wordId, state} for a dictionary word, or {lemma, state} for any word');
export type WordStateBody = z.infer<typeof WordStateBodySchema>;

export const WordStateResultSchema = z.object({ key: z.string(), state: WordStateSchema });

const SaveFields = {
  /** The sentence the word was met in: the learning card's context. */
  sentence: typedText({ min: 1, max: 500 }),
  /** ISO 639-1 code of the translation to learn with; default `en`. */
  language: LanguageSchema.optional(),
};

/** `POST /api/v1/reader/texts/:id/saved-words`: `{wordId, sentence, language?}` or `{lemma, sentence, language?}` (oneOf). */
export const SaveWordBodySchema = z
  .xor([z.strictObject({ ...ByWordId, ...SaveFields }), z.strictObject({ ...ByLemma, ...SaveFields })], {
    error: 'Send either {wordId, sentence, language?} or {lemma, sentence, language?}',
  })
  .describe('Either {wordId, sentence, language?} for a dictionary word, or {lemma, sentence, language?} for any word');
export type SaveWordBody = z.infer<typeof SaveWordBodySchema>;

export const SavedWordSchema = z.object({
  savedId: z.string(),
  lemma: z.string(),
  wordId: z.string().nullable(),
  translation: z.string().nullable(),
  article: z.enum(['de', 'het']).nullable(),
  context: z.string().nullable(),
  textId: z.string(),
  /** Saved before: the learning card already exists (or is on its way). */
  alreadySaved: z.boolean(),
  savedAt: z.iso.datetime(),
});
export type SavedWord = z.infer<typeof SavedWordSchema>;

/** `PUT /api/v1/reader/texts/:id/position` */
export const PositionBodySchema = z.strictObject({
  paragraph: z.int().min(0).max(100_000),
  sentence: z.int().min(0).max(10_000),
  /** Seconds spent reading since the last report (the client counts only while the page is visible). */
  readingSeconds: z.int().min(0).max(3_600),
});
export type PositionBody = z.infer<typeof PositionBodySchema>;

export const PublicQuestionSchema = z.discriminatedUnion('type', [
  z.object({ id: z.string(), type: z.literal('multipleChoice'), prompt: z.string(), options: z.array(z.string()) }),
  z.object({ id: z.string(), type: z.literal('trueFalse'), statement: z.string() }),
  z.object({ id: z.string(), type: z.literal('shortAnswer'), prompt: z.string() }),
  z.object({ id: z.string(), type: z.literal('order'), prompt: z.string(), items: z.array(z.string()) }),
]);

export const AttemptSummarySchema = z.object({ id: z.uuid(), score: z.int().min(0), maxScore: z.int().min(1), at: z.iso.datetime() });

/** `GET /api/v1/reader/texts/:id/test` */
export const ReaderTestSchema = z.object({
  textId: z.string(),
  title: z.string(),
  questions: z.array(PublicQuestionSchema),
  /** The student's earlier attempts, newest first. */
  attempts: z.array(AttemptSummarySchema),
});
export type ReaderTest = z.infer<typeof ReaderTestSchema>;

const AnswerSchema = z.union([z.int().min(0).max(20), z.boolean(), typedText({ max: 200 }), z.array(z.string().max(150)).max(10)]);

/** `POST /api/v1/reader/texts/:id/test/attempts` */
export const AttemptBodySchema = z.strictObject({
  answers: z.array(z.strictObject({ questionId: z.string().min(1).max(8), answer: AnswerSchema })).max(20),
});
export type AttemptBody = z.infer<typeof AttemptBodySchema>;

export const AttemptResultSchema = z.object({
  id: z.uuid(),
  score: z.int().min(0),
  maxScore: z.int().min(1),
  results: z.array(z.object({ questionId: z.string(), correct: z.boolean(), expected: z.union([z.string(), z.boolean(), z.array(z.string())]) })),
  at: z.iso.datetime(),
});
export type AttemptResult = z.infer<typeof AttemptResultSchema>;
