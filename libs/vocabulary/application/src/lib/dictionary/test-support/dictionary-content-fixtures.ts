import type { DictionaryTopicContent, DictionaryWordContent } from '@tall/vocabulary/contracts';
import type { DictionaryTopic, DictionaryWord } from '@tall/vocabulary/domain';

export const kitchen: DictionaryTopic = { id: 't_kitchen', slug: 'kitchen', title: { nl: 'De keuken', en: 'The kitchen' }, level: 'A1', order: 1 };
export const school: DictionaryTopic = { id: 't_school', slug: 'school', title: { nl: 'School', en: 'School' }, level: 'A1', order: 2 };

export function storedWord(id: string, topicId: string, order: number, lemma: string): DictionaryWord {
  return {
    id,
    topicId,
    order,
    lemma,
    pos: 'noun',
    article: 'de',
    plural: `${lemma}s`,
    pluralOnly: false,
    verb: null,
    translations: { en: lemma, ru: 'слово' },
    example: { nl: `De ${lemma} is hier.`, en: `The ${lemma} is here.` },
  };
}

export function wordContent(topicId: string, lemma: string, fields: Partial<DictionaryWordContent> = {}): DictionaryWordContent {
  return {
    topicId,
    lemma,
    pos: 'noun',
    article: 'de',
    plural: `${lemma}s`,
    translations: { en: lemma, ru: 'слово' },
    example: { nl: `De ${lemma} is hier.`, en: `The ${lemma} is here.` },
    ...fields,
  } as DictionaryWordContent;
}

export function topicContent(slug: string, fields: Partial<DictionaryTopicContent> = {}): DictionaryTopicContent {
  return { slug, title: { nl: slug, en: slug }, level: 'A2', order: 5, ...fields };
}
