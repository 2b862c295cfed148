import { z } from 'zod';
import { CefrLevelSchema } from './vocabulary-events';

/*
 * The content of the school's dictionary, as its owners write it: the seed files (vocabulary's
 * domain, `seed-format.ts`) and the admin context's editors. A word's fields and the rules they
 * obey together live here once, so an admin's edit is held to exactly the seed's rules.
 */

export const SEED_PARTS_OF_SPEECH = [
  'noun',
  'verb',
  'adjective',
  'adverb',
  'preposition',
  'pronoun',
  'conjunction',
  'numeral',
  'phrase',
  'interjection',
] as const;
export const SeedPartOfSpeechSchema = z.enum(SEED_PARTS_OF_SPEECH);
export type SeedPartOfSpeech = z.infer<typeof SeedPartOfSpeechSchema>;

export const SeedAuxiliarySchema = z.enum(['hebben', 'zijn', 'hebben/zijn']);
export type SeedAuxiliary = z.infer<typeof SeedAuxiliarySchema>;

/** Trimmed, one space between words, no empty `/` variant. */
const Text = z
  .string()
  .min(1)
  .max(200)
  .refine((text) => text === text.trim() && !/\s{2,}/.test(text), 'has spaces around it or several in a row');
const Form = Text.refine((form) => form.split('/').every((variant) => variant.trim().length > 0), 'has an empty variant');

const cyrillic = (language: string) =>
  Text.refine((text) => /\p{Script=Cyrillic}/u.test(text) && !/\p{Script=Latin}/u.test(text), `${language} is written in Cyrillic only`);

export const SeedTranslationsSchema = z.strictObject({
  en: Text,
  ru: cyrillic('Russian'),
  uk: cyrillic('Ukrainian').optional(),
  ar: Text.refine((text) => /\p{Script=Arabic}/u.test(text) && !/\p{Script=Latin}/u.test(text), 'Arabic is written in Arabic script only').optional(),
  tr: Text.refine((text) => /\p{Script=Latin}/u.test(text), 'Turkish is written in Latin script').optional(),
});
export type SeedTranslations = z.infer<typeof SeedTranslationsSchema>;

export const SeedVerbFormsSchema = z.strictObject({
  irregular: z.boolean(),
  presentThirdSingular: Form,
  pastSingular: Form,
  pastPlural: Form,
  participle: Form,
  auxiliary: SeedAuxiliarySchema,
  separablePrefix: z
    .string()
    .regex(/^[a-z]+$/)
    .nullable(),
});
export type SeedVerbForms = z.infer<typeof SeedVerbFormsSchema>;

export function variantsOf(form: string): string[] {
  return form.split('/').map((variant) => variant.trim());
}

const WORD_FIELDS = {
  lemma: Text.max(60),
  pos: SeedPartOfSpeechSchema,
  article: z.enum(['de', 'het']).optional(),
  plural: Text.nullable().optional(),
  pluralOnly: z.literal(true).optional(),
  verb: SeedVerbFormsSchema.optional(),
  translations: SeedTranslationsSchema,
  example: z.strictObject({ nl: Text, en: Text }),
};

/** The rules a word's fields obey together (nouns have an article and a plural, a separable verb's forms split, …). */
function checkWord(word: WordFields, context: z.RefinementCtx): void {
  const issue = (message: string, path: string) => context.addIssue({ code: 'custom', message, path: [path] });
  if (word.pos === 'noun') {
    if (!word.article) issue('a noun has an article', 'article');
    if (word.plural === undefined) issue('a noun has a plural (null when uncountable)', 'plural');
    if (/^(de|het|een) /i.test(word.lemma)) issue('the lemma is given without its article', 'lemma');
    if (word.pluralOnly && (word.plural !== word.lemma || word.article !== 'de')) issue('a plural-only noun has article "de" and its lemma as plural', 'pluralOnly');
  } else {
    if (word.article !== undefined) issue('only nouns have an article', 'article');
    if (word.plural !== undefined) issue('only nouns have a plural', 'plural');
    if (word.pluralOnly !== undefined) issue('only nouns are plural-only', 'pluralOnly');
  }
  if (word.pos !== 'verb') {
    if (word.verb !== undefined) issue('only verbs have verb forms', 'verb');
    return;
  }
  const verb = word.verb;
  if (!verb) return issue('a verb has its forms', 'verb');
  const finite = [verb.presentThirdSingular, verb.pastSingular, verb.pastPlural].flatMap(variantsOf);
  const prefix = verb.separablePrefix;
  if (prefix === null) {
    if ([...finite, ...variantsOf(verb.participle)].some((form) => form.includes(' '))) issue('the forms of a verb that does not split are one word each', 'verb');
    return;
  }
  if (!word.lemma.startsWith(prefix) || word.lemma.length <= prefix.length) issue('a separable verb starts with its prefix', 'lemma');
  if (!finite.every((form) => form.endsWith(` ${prefix}`))) issue('the finite forms of a separable verb end with the prefix (belt op)', 'verb');
  if (!variantsOf(verb.participle).every((form) => form.startsWith(prefix))) issue('the participle of a separable verb starts with the prefix (opgebeld)', 'verb');
}

type WordFields = z.infer<z.ZodObject<typeof WORD_FIELDS>>;

/** A dictionary word as a seed file writes it (without its topic: the file is the topic). */
export const DictionaryWordFieldsSchema = z.strictObject(WORD_FIELDS).superRefine(checkWord);
export type DictionaryWordFields = z.infer<typeof DictionaryWordFieldsSchema>;

/** A dictionary word as an admin edits it: the word and the topic it belongs to. */
export const DictionaryWordContentSchema = z.strictObject({ topicId: z.string().min(1).max(64), ...WORD_FIELDS }).superRefine(checkWord);
export type DictionaryWordContent = z.infer<typeof DictionaryWordContentSchema>;

export const TopicSlugSchema = z
  .string()
  .max(40)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** A dictionary topic as an admin edits it (its words are items of their own). */
export const DictionaryTopicContentSchema = z.strictObject({
  slug: TopicSlugSchema,
  title: z.strictObject({ nl: Text, en: Text }),
  level: CefrLevelSchema,
  order: z.int().min(1).max(99),
});
export type DictionaryTopicContent = z.infer<typeof DictionaryTopicContentSchema>;

/** Trimmed dictionary text, one space between words (what every field of a word or topic is). */
export const DictionaryTextSchema = Text;
