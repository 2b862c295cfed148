import { randomUUID } from 'node:crypto';
import { kitchen, school, storedWord, topicContent, wordContent } from '../test-support/dictionary-content-fixtures';
import { InMemoryDictionaryContentStore } from '../test-support/in-memory-dictionary-content.store';
import { PublishDictionaryEntryCommand } from './publish-dictionary-entry.command';
import { PublishDictionaryEntryHandler } from './publish-dictionary-entry.handler';

const now = new Date('2026-12-07T10:00:00Z');

describe('PublishDictionaryEntryHandler', () => {
  let store: InMemoryDictionaryContentStore;
  let changes: number;
  let handler: PublishDictionaryEntryHandler;

  beforeEach(() => {
    store = new InMemoryDictionaryContentStore();
    store.seedTopic(kitchen);
    store.seedTopic(school);
    store.seedWord(storedWord('w_tafel', kitchen.id, 1, 'tafel'));
    store.seedWord(storedWord('w_pan', kitchen.id, 2, 'pan'));
    store.seedWord(storedWord('w_bord', school.id, 1, 'bord'));
    changes = 0;
    handler = new PublishDictionaryEntryHandler(store, { changed: () => changes++ }, () => now);
  });

  const publishWord = (id: string, version: number, content = wordContent(kitchen.id, 'lepel')) => handler.execute(new PublishDictionaryEntryCommand({ kind: 'words', id, version, content }));
  const publishTopic = (id: string, version: number, content = topicContent('garden')) => handler.execute(new PublishDictionaryEntryCommand({ kind: 'topics', id, version, content }));

  it('creates a word under the given id at the end of its topic, edited, and tells the in-memory dictionary', async () => {
    const id = randomUUID();
    expect(await publishWord(id, 1)).toEqual({ applied: true, problem: null });
    expect(store.words.get(id)).toEqual({
      value: { id, topicId: kitchen.id, order: 3, lemma: 'lepel', pos: 'noun', article: 'de', plural: 'lepels', pluralOnly: false, verb: null, translations: { en: 'lepel', ru: 'слово' }, example: { nl: 'De lepel is hier.', en: 'The lepel is here.' } },
      archived: false,
      version: 1,
      editedAt: now,
    });
    expect(changes).toBe(1);
  });

  it('replaces a seed word keeping its id and place, and moves it to the end of another topic', async () => {
    expect(await publishWord('w_tafel', 1, wordContent(kitchen.id, 'tafel', { translations: { en: 'dining table', ru: 'стол' } }))).toEqual({ applied: true, problem: null });
    expect(store.words.get('w_tafel')?.value).toMatchObject({ order: 1, translations: { en: 'dining table' } });
    expect(await publishWord('w_tafel', 2, wordContent(school.id, 'tafel'))).toEqual({ applied: true, problem: null });
    expect(store.words.get('w_tafel')?.value).toMatchObject({ topicId: school.id, order: 2 });
  });

  it('applies a version once: the same again changes nothing, an older one is stale', async () => {
    await publishWord('w_pan', 3, wordContent(kitchen.id, 'pan', { plural: 'pannen' }));
    expect(await publishWord('w_pan', 3, wordContent(kitchen.id, 'pan', { plural: 'pans' }))).toEqual({ applied: false, problem: null });
    expect(await publishWord('w_pan', 2, wordContent(kitchen.id, 'pan', { plural: 'pans' }))).toEqual({ applied: false, problem: 'STALE_VERSION' });
    expect(store.words.get('w_pan')).toMatchObject({ version: 3, value: { plural: 'pannen' } });
    expect(changes).toBe(1);
  });

  it('refuses a word of an unknown topic, and a lemma and part of speech another word of the topic has (any case)', async () => {
    expect(await publishWord(randomUUID(), 1, wordContent('t_nowhere', 'lepel'))).toEqual({ applied: false, problem: 'TOPIC_NOT_FOUND' });
    expect(await publishWord(randomUUID(), 1, wordContent(kitchen.id, 'Tafel'))).toEqual({ applied: false, problem: 'DUPLICATE' });
    expect(await publishWord('w_bord', 1, wordContent(kitchen.id, 'pan'))).toEqual({ applied: false, problem: 'DUPLICATE' });
    // The same lemma as another part of speech, or in another topic, is another word.
    expect(await publishWord(randomUUID(), 1, wordContent(school.id, 'tafel'))).toEqual({ applied: true, problem: null });
    expect(changes).toBe(1);
  });

  it('brings an archived word back', async () => {
    store.alterWord('w_pan', { archived: true, version: 4 });
    expect(await publishWord('w_pan', 5, wordContent(kitchen.id, 'pan'))).toEqual({ applied: true, problem: null });
    expect(store.words.get('w_pan')).toMatchObject({ archived: false, version: 5 });
  });

  it('creates and edits topics; a slug another topic holds is a duplicate', async () => {
    const id = randomUUID();
    expect(await publishTopic(id, 1)).toEqual({ applied: true, problem: null });
    expect(store.topics.get(id)).toMatchObject({ value: { id, slug: 'garden', level: 'A2', order: 5 }, version: 1, archived: false });
    expect(await publishTopic(randomUUID(), 1, topicContent('kitchen'))).toEqual({ applied: false, problem: 'DUPLICATE' });
    expect(await publishTopic(kitchen.id, 1, topicContent('kitchen', { title: { nl: 'Keuken', en: 'Kitchen' } }))).toEqual({ applied: true, problem: null });
    expect(store.topics.get(kitchen.id)?.value.title).toEqual({ nl: 'Keuken', en: 'Kitchen' });
  });

  it('answers from what a concurrent call stored when it got there first', async () => {
    store.beforeWrite = () => store.alterWord('w_pan', { version: 7 });
    expect(await publishWord('w_pan', 6, wordContent(kitchen.id, 'pan'))).toEqual({ applied: false, problem: 'STALE_VERSION' });
    store.beforeWrite = () => store.alterWord('w_tafel', { version: 1 });
    expect(await publishWord('w_tafel', 2, wordContent(kitchen.id, 'tafel'))).toEqual({ applied: true, problem: null });
    expect(store.words.get('w_tafel')?.version).toBe(2);
  });
});
