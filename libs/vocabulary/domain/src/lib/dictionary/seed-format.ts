import { z } from 'zod';
import { CefrLevelSchema, DictionaryTextSchema as Text, DictionaryWordFieldsSchema, TopicSlugSchema, variantsOf } from '@tall/vocabulary/contracts';

export { SEED_PARTS_OF_SPEECH, SeedAuxiliarySchema, SeedPartOfSpeechSchema, SeedTranslationsSchema, SeedVerbFormsSchema } from '@tall/vocabulary/contracts';
export type { SeedAuxiliary, SeedPartOfSpeech, SeedTranslations, SeedVerbForms } from '@tall/vocabulary/contracts';

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

/** A seed word: the dictionary's word fields and their rules (`@tall/vocabulary/contracts`). */
export const SeedWordSchema = DictionaryWordFieldsSchema;
export type SeedWord = z.infer<typeof SeedWordSchema>;

export const SeedTopicSchema = z
  .strictObject({
    slug: TopicSlugSchema,
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
