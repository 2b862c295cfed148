import { ListDictionaryContent } from '@tall/vocabulary/contracts';
import type { DictionaryWord } from '@tall/vocabulary/domain';
import { kitchen, school, storedWord } from '../test-support/dictionary-content-fixtures';
import { InMemoryDictionaryContentStore } from '../test-support/in-memory-dictionary-content.store';
import { ListDictionaryContentHandler } from './list-dictionary-content.handler';

const opbellen: DictionaryWord = {
  ...storedWord('w_opbellen', kitchen.id, 2, 'opbellen'),
  pos: 'verb',
  article: null,
  plural: null,
  verb: { irregular: false, presentThirdSingular: 'belt op', pastSingular: 'belde op', pastPlural: 'belden op', participle: 'opgebeld', auxiliary: 'hebben', separablePrefix: 'op' },
};
const lekker: DictionaryWord = { ...storedWord('w_lekker', kitchen.id, 3, 'lekker'), pos: 'adjective', article: null, plural: null };
const kosten: DictionaryWord = { ...storedWord('w_kosten', school.id, 1, 'kosten'), plural: 'kosten', pluralOnly: true };
const melk: DictionaryWord = { ...storedWord('w_melk', kitchen.id, 4, 'melk'), plural: null };

describe('ListDictionaryContentHandler', () => {
  it('lists topics then words in id order, in the content schema’s shape, with archived and version', async () => {
    const store = new InMemoryDictionaryContentStore();
    store.seedTopic(school);
    store.seedTopic(kitchen);
    [melk, opbellen, kosten, lekker, storedWord('w_tafel', kitchen.id, 1, 'tafel')].forEach((word) => store.seedWord(word));
    store.words.set('w_lekker', { value: lekker, archived: true, version: 3 });

    const listed = await new ListDictionaryContentHandler(store).execute();

    expect(ListDictionaryContent.output.parse(listed)).toEqual(listed);
    expect(listed.entries.map((entry) => entry.id)).toEqual(['t_kitchen', 't_school', 'w_kosten', 'w_lekker', 'w_melk', 'w_opbellen', 'w_tafel']);
    const byId = new Map(listed.entries.map((entry) => [entry.id, entry]));
    expect(byId.get('t_kitchen')).toEqual({ kind: 'topics', id: 't_kitchen', content: { slug: 'kitchen', title: kitchen.title, level: 'A1', order: 1 }, archived: false, version: 0 });
    expect(byId.get('w_lekker')).toEqual({
      kind: 'words',
      id: 'w_lekker',
      content: { topicId: kitchen.id, lemma: 'lekker', pos: 'adjective', translations: lekker.translations, example: lekker.example },
      archived: true,
      version: 3,
    });
    expect(byId.get('w_opbellen')?.content).toEqual({ topicId: kitchen.id, lemma: 'opbellen', pos: 'verb', verb: opbellen.verb, translations: opbellen.translations, example: opbellen.example });
    expect(byId.get('w_kosten')?.content).toMatchObject({ article: 'de', plural: 'kosten', pluralOnly: true });
    expect(byId.get('w_melk')?.content).toMatchObject({ article: 'de', plural: null });
    expect(byId.get('w_melk')?.content).not.toHaveProperty('pluralOnly');
  });
});
