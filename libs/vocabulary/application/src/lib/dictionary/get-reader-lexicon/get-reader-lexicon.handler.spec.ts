import type { DictionaryTopic, DictionaryWord } from '@tall/vocabulary/domain';
import type { DictionaryStore } from '../dictionary-store.port';
import { GetReaderLexiconHandler } from './get-reader-lexicon.handler';
import { GetReaderLexiconQuery } from './get-reader-lexicon.query';

const kitchen: DictionaryTopic = { id: 't-kitchen', slug: 'kitchen', title: { nl: 'De keuken', en: 'The kitchen' }, level: 'A1', order: 1 };
const work: DictionaryTopic = { id: 't-work', slug: 'work', title: { nl: 'Werk', en: 'Work' }, level: 'A2', order: 1 };
const tafel: DictionaryWord = {
  id: 'w-tafel',
  topicId: kitchen.id,
  order: 1,
  lemma: 'tafel',
  pos: 'noun',
  article: 'de',
  plural: 'tafels',
  pluralOnly: false,
  verb: null,
  translations: { ru: 'стол', en: 'table', uk: 'стіл' },
  example: { nl: 'De tafel staat in de keuken.', en: 'The table is in the kitchen.' },
};
const opbellen: DictionaryWord = {
  id: 'w-opbellen',
  topicId: work.id,
  order: 1,
  lemma: 'opbellen',
  pos: 'verb',
  article: null,
  plural: null,
  pluralOnly: false,
  verb: { irregular: false, presentThirdSingular: 'belt op', pastSingular: 'belde op', pastPlural: 'belden op', participle: 'opgebeld', auxiliary: 'hebben', separablePrefix: 'op' },
  translations: { en: 'to call (on the phone)', ru: 'звонить' },
  example: { nl: 'Ik bel je morgen op.', en: 'I will call you tomorrow.' },
};

/** The dictionary in memory; like the cached store, it answers the same word array until it is changed. */
class FakeDictionary {
  topicList: DictionaryTopic[] = [kitchen, work];
  wordList: readonly DictionaryWord[] = [opbellen, tafel];
  topicReads = 0;

  change(words: DictionaryWord[], topics = this.topicList): void {
    this.wordList = words;
    this.topicList = topics;
  }

  asPort(): DictionaryStore {
    return {
      allWords: async () => this.wordList,
      topics: async () => {
        this.topicReads++;
        return [...this.topicList];
      },
    } as Partial<DictionaryStore> as DictionaryStore;
  }
}

const lexiconOf = (dictionary: FakeDictionary, knownVersion?: string) => new GetReaderLexiconHandler(dictionary.asPort()).execute(new GetReaderLexiconQuery(knownVersion));

describe('GetReaderLexiconHandler', () => {
  it('gives every word with its topic’s level and slug, its forms without the auxiliary, and all its translations', async () => {
    const { version, words } = await lexiconOf(new FakeDictionary());
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(words).toEqual([
      {
        id: 'w-opbellen',
        lemma: 'opbellen',
        pos: 'verb',
        level: 'A2',
        topicSlug: 'work',
        article: null,
        plural: null,
        verb: { irregular: false, presentThirdSingular: 'belt op', pastSingular: 'belde op', pastPlural: 'belden op', participle: 'opgebeld', separablePrefix: 'op' },
        translations: { en: 'to call (on the phone)', ru: 'звонить' },
      },
      {
        id: 'w-tafel',
        lemma: 'tafel',
        pos: 'noun',
        level: 'A1',
        topicSlug: 'kitchen',
        article: 'de',
        plural: 'tafels',
        verb: null,
        translations: { en: 'table', ru: 'стол', uk: 'стіл' },
      },
    ]);
  });

  it('answers no words when the caller already has the current version, and all of them for any other', async () => {
    const dictionary = new FakeDictionary();
    const handler = new GetReaderLexiconHandler(dictionary.asPort());
    const first = await handler.execute(new GetReaderLexiconQuery());
    expect(await handler.execute(new GetReaderLexiconQuery(first.version))).toEqual({ version: first.version, words: null });
    expect((await handler.execute(new GetReaderLexiconQuery('0123456789abcdef'))).words).toHaveLength(2);
  });

  it('keeps its version for the same content, whatever the order the store gives it in', async () => {
    const reordered = new FakeDictionary();
    reordered.change([tafel, { ...opbellen, translations: { ru: 'звонить', en: 'to call (on the phone)' } }], [work, kitchen]);
    expect((await lexiconOf(reordered)).version).toBe((await lexiconOf(new FakeDictionary())).version);
  });

  it('moves its version when a word, a translation or a topic changes', async () => {
    const before = (await lexiconOf(new FakeDictionary())).version;
    const changes: Array<(dictionary: FakeDictionary) => void> = [
      (dictionary) => dictionary.change([opbellen, { ...tafel, plural: 'tafelen' }]),
      (dictionary) => dictionary.change([opbellen, { ...tafel, translations: { ...tafel.translations, tr: 'masa' } }]),
      (dictionary) => dictionary.change([opbellen, tafel], [kitchen, { ...work, level: 'B1' }]),
      (dictionary) => dictionary.change([opbellen, tafel], [{ ...kitchen, slug: 'keuken' }, work]),
      (dictionary) => dictionary.change([opbellen]),
    ];
    const versions = await Promise.all(
      changes.map(async (change) => {
        const dictionary = new FakeDictionary();
        change(dictionary);
        return (await lexiconOf(dictionary)).version;
      }),
    );
    expect(new Set([before, ...versions]).size).toBe(changes.length + 1);
  });

  it('builds the lexicon once per dictionary snapshot, and again when the store hands out another', async () => {
    const dictionary = new FakeDictionary();
    const handler = new GetReaderLexiconHandler(dictionary.asPort());
    const first = await handler.execute(new GetReaderLexiconQuery());
    const second = await handler.execute(new GetReaderLexiconQuery());
    expect(second.words).toBe(first.words);
    expect(dictionary.topicReads).toBe(1);
    expect(Object.isFrozen(first.words)).toBe(true);

    dictionary.change([opbellen, { ...tafel, lemma: 'tafeltje' }]);
    const changed = await handler.execute(new GetReaderLexiconQuery(first.version));
    expect(changed.version).not.toBe(first.version);
    expect(changed.words?.map((word) => word.lemma)).toEqual(['opbellen', 'tafeltje']);
    expect(dictionary.topicReads).toBe(2);
  });

  it('leaves out a word whose topic is gone', async () => {
    const dictionary = new FakeDictionary();
    dictionary.change([opbellen, tafel], [kitchen]);
    expect((await lexiconOf(dictionary)).words?.map((word) => word.id)).toEqual(['w-tafel']);
  });
});
