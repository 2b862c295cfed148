import { kitchen, storedWord } from '../test-support/dictionary-content-fixtures';
import { InMemoryDictionaryContentStore } from '../test-support/in-memory-dictionary-content.store';
import { ArchiveDictionaryEntryCommand } from './archive-dictionary-entry.command';
import { ArchiveDictionaryEntryHandler } from './archive-dictionary-entry.handler';

const now = new Date('2026-12-07T10:00:00Z');

describe('ArchiveDictionaryEntryHandler', () => {
  let store: InMemoryDictionaryContentStore;
  let changes: number;
  let handler: ArchiveDictionaryEntryHandler;

  beforeEach(() => {
    store = new InMemoryDictionaryContentStore();
    store.seedTopic(kitchen);
    store.seedWord(storedWord('w_tafel', kitchen.id, 1, 'tafel'));
    changes = 0;
    handler = new ArchiveDictionaryEntryHandler(store, { changed: () => changes++ }, () => now);
  });

  const archive = (kind: 'topics' | 'words', id: string, version: number) => handler.execute(new ArchiveDictionaryEntryCommand({ kind, id, version }));

  it('archives a word or a topic at the version, marked edited, and tells the in-memory dictionary', async () => {
    expect(await archive('words', 'w_tafel', 2)).toEqual({ applied: true, problem: null });
    expect(store.words.get('w_tafel')).toMatchObject({ archived: true, version: 2, editedAt: now });
    expect(await archive('topics', kitchen.id, 1)).toEqual({ applied: true, problem: null });
    expect(store.topics.get(kitchen.id)).toMatchObject({ archived: true, version: 1 });
    expect(changes).toBe(2);
  });

  it('is idempotent per version, refuses an older one and an unknown id', async () => {
    await archive('words', 'w_tafel', 2);
    expect(await archive('words', 'w_tafel', 2)).toEqual({ applied: false, problem: null });
    expect(await archive('words', 'w_tafel', 1)).toEqual({ applied: false, problem: 'STALE_VERSION' });
    expect(await archive('words', 'w_nowhere', 1)).toEqual({ applied: false, problem: 'NOT_FOUND' });
    expect(await archive('topics', 'w_tafel', 1)).toEqual({ applied: false, problem: 'NOT_FOUND' });
    expect(changes).toBe(1);
  });

  it('answers from what a concurrent call stored when it got there first', async () => {
    store.beforeWrite = () => store.alterWord('w_tafel', { version: 3 });
    expect(await archive('words', 'w_tafel', 3)).toEqual({ applied: false, problem: null });
    expect(store.words.get('w_tafel')?.archived).toBe(false);
  });
});
