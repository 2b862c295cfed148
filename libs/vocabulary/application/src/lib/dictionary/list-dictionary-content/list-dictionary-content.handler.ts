import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DICTIONARY_CONTENT_STORE, type DictionaryContentStore } from '../dictionary-content-store.port';
import { contentOfTopic, contentOfWord } from '../dictionary-content-shape';
import { ListDictionaryContentQuery, type DictionaryContentList } from './list-dictionary-content.query';

/**
 * The whole dictionary in the admin context's shape: topics, then words, each in id order, with
 * archived ones and the last admin version applied (0 for what only the seed wrote). Read from
 * the database, not the in-memory dictionary, which leaves archived entries out of its lists.
 */
@QueryHandler(ListDictionaryContentQuery)
export class ListDictionaryContentHandler implements IQueryHandler<ListDictionaryContentQuery> {
  constructor(@Inject(DICTIONARY_CONTENT_STORE) private readonly store: DictionaryContentStore) {}

  async execute(): Promise<DictionaryContentList> {
    const [topics, words] = await Promise.all([this.store.allTopics(), this.store.allWords()]);
    const byId = <T extends { value: { id: string } }>(list: T[]) => [...list].sort((a, b) => (a.value.id < b.value.id ? -1 : a.value.id > b.value.id ? 1 : 0));
    return {
      entries: [
        ...byId(topics).map(({ value, archived, version }) => ({ kind: 'topics' as const, id: value.id, content: contentOfTopic(value), archived, version })),
        ...byId(words).map(({ value, archived, version }) => ({ kind: 'words' as const, id: value.id, content: contentOfWord(value), archived, version })),
      ],
    };
  }
}
