import type { DictionaryTopicContent, DictionaryWordContent } from '@tall/vocabulary/contracts';
import type { Article, DictionaryTopic, DictionaryWord } from '@tall/vocabulary/domain';

/*
 * A topic's or word's content as the admin context edits it (the contracts' content schemas) and
 * as the dictionary stores it (the seed loader's shape: `null`/`false` where a word has no such
 * field). Both ways, so what is listed parses and what is published reads like a seed word.
 */

export function topicOfContent(id: string, content: DictionaryTopicContent): DictionaryTopic {
  return { id, slug: content.slug, title: { nl: content.title.nl, en: content.title.en }, level: content.level, order: content.order };
}

export function contentOfTopic(topic: DictionaryTopic): DictionaryTopicContent {
  return { slug: topic.slug, title: { nl: topic.title.nl, en: topic.title.en }, level: topic.level, order: topic.order };
}

export function wordOfContent(id: string, order: number, content: DictionaryWordContent): DictionaryWord {
  return {
    id,
    topicId: content.topicId,
    order,
    lemma: content.lemma,
    pos: content.pos,
    article: content.article ?? null,
    plural: content.plural ?? null,
    pluralOnly: content.pluralOnly ?? false,
    verb: content.verb ? { ...content.verb } : null,
    translations: { ...content.translations },
    example: { nl: content.example.nl, en: content.example.en },
  };
}

/** Nouns only carry `article` and `plural`, `pluralOnly` only when true, verbs only `verb`: the content schema's optional fields. */
export function contentOfWord(word: DictionaryWord): DictionaryWordContent {
  const noun = word.pos === 'noun';
  return {
    topicId: word.topicId,
    lemma: word.lemma,
    pos: word.pos as DictionaryWordContent['pos'],
    ...(noun ? { article: (word.article ?? undefined) as Article | undefined, plural: word.plural ?? null } : {}),
    ...(noun && word.pluralOnly ? { pluralOnly: true as const } : {}),
    ...(word.pos === 'verb' && word.verb ? { verb: { ...word.verb, auxiliary: word.verb.auxiliary as NonNullable<DictionaryWordContent['verb']>['auxiliary'] } } : {}),
    translations: { ...word.translations } as DictionaryWordContent['translations'],
    example: { nl: word.example.nl, en: word.example.en },
  };
}

/** Two words of a topic are the same entry when lemma (any case, NFC) and part of speech match, as in the seed. */
export function sameLemma(a: Pick<DictionaryWord, 'lemma' | 'pos'>, b: Pick<DictionaryWord, 'lemma' | 'pos'>): boolean {
  return a.pos === b.pos && a.lemma.normalize('NFC').toLowerCase() === b.lemma.normalize('NFC').toLowerCase();
}
