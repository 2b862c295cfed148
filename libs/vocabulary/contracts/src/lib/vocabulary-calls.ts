import { z } from 'zod';
import { defineRemoteCall, UserIdSchema } from '@tall/platform/call-contracts';
import { CefrLevelSchema } from './vocabulary-events';

const Id = z.string().min(1).max(64);
const Article = z.enum(['de', 'het']);

/** A dictionary word as a text's reader needs it: to recognise its forms and to gloss it. */
export const LexiconWordSchema = z.strictObject({
  id: Id,
  lemma: z.string(),
  pos: z.string(),
  /** The level of the word's topic. */
  level: CefrLevelSchema,
  topicSlug: z.string(),
  article: Article.nullable(),
  plural: z.string().nullable(),
  verb: z
    .strictObject({
      irregular: z.boolean(),
      presentThirdSingular: z.string(),
      pastSingular: z.string(),
      pastPlural: z.string(),
      participle: z.string(),
      separablePrefix: z.string().nullable(),
    })
    .nullable(),
  /** By ISO 639-1 language code; English always. */
  translations: z.record(z.string(), z.string()),
});
export type LexiconWord = z.infer<typeof LexiconWordSchema>;

/**
 * The whole dictionary for recognising words in texts (about a thousand words). `version` changes
 * whenever a word or topic does, so a caller may keep the answer until the version moves.
 */
export const GetReaderLexicon = defineRemoteCall({
  name: 'vocabulary.getReaderLexicon',
  module: 'vocabulary',
  description: "Every dictionary word with its forms, topic level and translations, and the dictionary's version.",
  input: z.strictObject({ knownVersion: z.string().max(128).optional() }),
  output: z.strictObject({
    version: z.string(),
    /** Null when `knownVersion` is still current: the caller's copy is up to date. */
    words: z.array(LexiconWordSchema).nullable(),
  }),
});

/** A word of a student's personal dictionary (their learning cards), as a reader glosses it. */
export const UserWordSchema = z.strictObject({
  userWordId: Id,
  lemma: z.string(),
  article: Article.nullable(),
  translation: z.string().nullable(),
  /** The dictionary word, when the card came from the dictionary. */
  wordId: Id.nullable(),
});
export type UserWord = z.infer<typeof UserWordSchema>;

/** The words a student is learning (not removed), for recognising them in texts. */
export const GetUserWords = defineRemoteCall({
  name: 'vocabulary.getUserWords',
  module: 'vocabulary',
  description: "The words of one student's personal dictionary (learning cards not removed), with their translations.",
  input: z.strictObject({ userId: UserIdSchema }),
  output: z.strictObject({ words: z.array(UserWordSchema) }),
});

/** A learning card as exercises practise it: the word, its article and translation, the sentence it was saved with, and when. */
export const PracticeCardSchema = z.strictObject({
  userWordId: Id,
  lemma: z.string(),
  article: Article.nullable(),
  translation: z.string().nullable(),
  /** The sentence the student met or noted the word in. */
  context: z.string().nullable(),
  /** The dictionary word, when the card came from the dictionary. */
  wordId: Id.nullable(),
  addedAt: z.iso.datetime(),
});
export type PracticeCard = z.infer<typeof PracticeCardSchema>;

/** A student's newest learning cards, for the weekly exercises made from them. */
export const GetPracticeCards = defineRemoteCall({
  name: 'vocabulary.getPracticeCards',
  module: 'vocabulary',
  description: "One student's newest learning cards (not removed), with their sentences and when they were added, newest first.",
  input: z.strictObject({ userId: UserIdSchema, limit: z.int().min(1).max(100).optional() }),
  output: z.strictObject({ cards: z.array(PracticeCardSchema) }),
});

/** A dictionary word of a level with its example sentence: what a student without words of their own practises. */
export const LevelWordSchema = z.strictObject({
  wordId: Id,
  lemma: z.string(),
  article: Article.nullable(),
  /** In the language asked for when the dictionary has it, else English. */
  translation: z.string(),
  /** The dictionary's Dutch example sentence. */
  example: z.string(),
  level: CefrLevelSchema,
});
export type LevelWord = z.infer<typeof LevelWordSchema>;

/** The dictionary's words of one level (its topics of that level), for exercises. */
export const GetLevelWords = defineRemoteCall({
  name: 'vocabulary.getLevelWords',
  module: 'vocabulary',
  description: "Every dictionary word of the topics of one level, with its article, translation and example sentence.",
  input: z.strictObject({ level: CefrLevelSchema, language: z.string().regex(/^[a-z]{2}$/).optional() }),
  output: z.strictObject({ words: z.array(LevelWordSchema) }),
});
