import type { DictionaryTopic, DictionaryWord } from '@tall/vocabulary/domain';
import type { DictionaryStore } from '../dictionary-store.port';
import { GetLevelWordsHandler } from './get-level-words.handler';
import { GetLevelWordsQuery } from './get-level-words.query';

const kitchen: DictionaryTopic = { id: 't-kitchen', slug: 'kitchen', title: { nl: 'De keuken', en: 'The kitchen' }, level: 'A1', order: 1 };
const work: DictionaryTopic = { id: 't-work', slug: 'work', title: { nl: 'Werk', en: 'Work' }, level: 'A2', order: 1 };
const word = (id: string, topicId: string, fields: Partial<DictionaryWord>): DictionaryWord => ({
  id,
  topicId,
  order: 1,
  lemma: id,
  pos: 'noun',
  article: null,
  plural: null,
  pluralOnly: false,
  verb: null,
  translations: { en: id },
  example: { nl: `Een zin met ${id}.`, en: `A sentence with ${id}.` },
  ...fields,
});
const tafel = word('w-tafel', kitchen.id, { lemma: 'tafel', article: 'de', translations: { en: 'table', uk: 'стіл' }, example: { nl: 'De tafel staat in de keuken.', en: 'The table is in the kitchen.' } });
const pan = word('w-pan', kitchen.id, { lemma: 'pan', article: 'de', translations: { en: 'pan' } });
const collega = word('w-collega', work.id, { lemma: 'collega', article: 'de' });

function dictionary(): DictionaryStore {
  const topics = [kitchen, work];
  const words = [tafel, pan, collega];
  return {
    topics: async (filter?: { level?: string }) => topics.filter((topic) => !filter?.level || topic.level === filter.level),
    wordsOf: async (topicId: string) => words.filter((candidate) => candidate.topicId === topicId),
  } as Partial<DictionaryStore> as DictionaryStore;
}

describe('GetLevelWordsHandler', () => {
  it("gives the words of the level's topics with article, example and the asked translation (English when missing)", async () => {
    const handler = new GetLevelWordsHandler(dictionary());
    expect(await handler.execute(new GetLevelWordsQuery('A1', 'uk'))).toEqual({
      words: [
        { wordId: 'w-tafel', lemma: 'tafel', article: 'de', translation: 'стіл', example: 'De tafel staat in de keuken.', level: 'A1' },
        { wordId: 'w-pan', lemma: 'pan', article: 'de', translation: 'pan', example: 'Een zin met w-pan.', level: 'A1' },
      ],
    });
    expect((await handler.execute(new GetLevelWordsQuery('A2'))).words.map((found) => found.lemma)).toEqual(['collega']);
    expect(await handler.execute(new GetLevelWordsQuery('B2'))).toEqual({ words: [] });
  });
});
