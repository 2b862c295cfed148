import { z } from 'zod';
import { CefrLevelSchema } from '@tall/vocabulary/contracts';

/*
 * The seed dictionary: the words Tall ships with, written for the school (see the seed folder's
 * README in the vocabulary infrastructure library). One JSON file per topic, named
 * `<NN>-<slug>.json` where NN is the topic's `order` padded to two digits (`seedTopicFileName`).
 *
 * A topic file:
 *   { "slug": "family", "title": { "nl": "De familie", "en": "Family" }, "level": "A1", "order": 2, "words": [ ...SeedWord ] }
 * The order of `words` is the order in which a topic introduces them.
 *
 * A word:
 *   {
 *     "lemma": "tafel",               // dictionary form, without the article
 *     "pos": "noun",                  // see SEED_PARTS_OF_SPEECH
 *     "article": "de",                // nouns only, and required for them
 *     "plural": "tafels",             // nouns only, and required for them: null when uncountable (de melk)
 *     "pluralOnly": true,             // nouns used only in the plural (de kosten): then plural === lemma, article "de"
 *     "verb": { ...SeedVerbForms },   // verbs only, and required for them
 *     "translations": { "en": "table", "ru": "стол", "uk": "стіл" },   // en and ru always; uk, ar, tr optional
 *     "example": { "nl": "De tafel staat in de keuken.", "en": "The table is in the kitchen." }
 *   }
 *
 * Verb forms (given for regular verbs too):
 *   {
 *     "irregular": true,                    // any form outside the regular -te/-de, -t/-d pattern, or an irregular present (kan, heeft)
 *     "presentThirdSingular": "staat op",   // hij/zij ... in a main clause; a separable verb's prefix comes last
 *     "pastSingular": "stond op",
 *     "pastPlural": "stonden op",
 *     "participle": "opgestaan",
 *     "auxiliary": "zijn",                  // of the perfect: hebben, zijn, or hebben/zijn when both are used
 *     "separablePrefix": "op"               // null for verbs that do not split
 *   }
 * A form may list accepted variants with `/` (`wilde/wou`); the first is the one to teach.
 *
 * Word ids are not stored: `seedWordId(topicSlug, lemma, pos)` derives them, so (lemma, pos)
 * must be unique within a topic. Renaming a lemma, or moving a word to another topic, gives it a
 * new id (students' cards of the old one no longer count).
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

function variantsOf(form: string): string[] {
  return form.split('/').map((variant) => variant.trim());
}

export const SeedWordSchema = z
  .strictObject({
    lemma: Text.max(60),
    pos: SeedPartOfSpeechSchema,
    article: z.enum(['de', 'het']).optional(),
    plural: Text.nullable().optional(),
    pluralOnly: z.literal(true).optional(),
    verb: SeedVerbFormsSchema.optional(),
    translations: SeedTranslationsSchema,
    example: z.strictObject({ nl: Text, en: Text }),
  })
  .superRefine((word, context) => {
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
  });
export type SeedWord = z.infer<typeof SeedWordSchema>;

export const SeedTopicSchema = z
  .strictObject({
    slug: z
      .string()
      .max(40)
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    title: z.strictObject({ nl: Text, en: Text }),
    level: CefrLevelSchema,
    order: z.int().min(1).max(99),
    words: z.array(SeedWordSchema).min(1),
  })
  .superRefine((topic, context) => {
    const seen = new Set<string>();
    topic.words.forEach((word, index) => {
      const key = `${word.lemma.normalize('NFC').toLowerCase()}\u0000${word.pos}`;
      if (seen.has(key)) context.addIssue({ code: 'custom', message: `"${word.lemma}" (${word.pos}) is in the topic twice`, path: ['words', index, 'lemma'] });
      seen.add(key);
    });
  });
export type SeedTopic = z.infer<typeof SeedTopicSchema>;

/** The file a topic lives in: `02-family.json`. */
export function seedTopicFileName(topic: Pick<SeedTopic, 'order' | 'slug'>): string {
  return `${String(topic.order).padStart(2, '0')}-${topic.slug}.json`;
}

/**
 * How a card shows a separable verb in a main clause: `belt … op` for opbellen, from the stored
 * third person singular (`belt op`). Null for other words.
 */
export function separableDisplay(word: Pick<SeedWord, 'verb'>): string | null {
  const prefix = word.verb?.separablePrefix;
  if (!word.verb || !prefix) return null;
  const [present] = variantsOf(word.verb.presentThirdSingular);
  const suffix = ` ${prefix}`;
  return present.endsWith(suffix) ? `${present.slice(0, -suffix.length)} … ${prefix}` : null;
}
