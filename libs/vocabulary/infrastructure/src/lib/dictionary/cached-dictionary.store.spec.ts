import type { DictionaryTopic, DictionaryWord } from '@tall/vocabulary/domain';
import { CachedDictionaryStore, type DictionarySource } from './cached-dictionary.store';

const topic = (id: string, level: DictionaryTopic['level'], order: number): DictionaryTopic => ({ id, slug: id, title: { nl: id, en: id }, level, order }) as DictionaryTopic;
const word = (id: string, topicId: string, order: number): DictionaryWord =>
  ({ id, topicId, order, lemma: id, pos: 'noun', article: 'de', plural: null, pluralOnly: false, verb: null, translations: { en: id }, example: null }) as unknown as DictionaryWord;

/** A dictionary source that counts its reads and can be changed or made to fail. */
class FakeSource implements DictionarySource {
  reads = 0;
  failing = false;
  topicList = [topic('t-b', 'A2', 1), topic('t-a', 'A1', 2), topic('t-c', 'A1', 1)];
  wordList = [word('w-3', 't-a', 2), word('w-1', 't-a', 1), word('w-2', 't-c', 1)];
  archived = new Set<string>();
  private gate: Promise<void> = Promise.resolve();
  private openGate: () => void = () => undefined;

  hold(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }
  release(): void {
    this.openGate();
  }
  // Each read sees the dictionary as it was when the read started.
  async allTopics() {
    this.reads++;
    const entries = this.topicList.map((item) => ({ value: { ...item }, archived: this.archived.has(item.id) }));
    await this.gate;
    if (this.failing) throw new Error('the database is down');
    return entries;
  }
  async allWords() {
    const entries = this.wordList.map((item) => ({ value: { ...item }, archived: this.archived.has(item.id) }));
    await this.gate;
    if (this.failing) throw new Error('the database is down');
    return entries;
  }
}

describe('CachedDictionaryStore', () => {
  let now: number;
  let source: FakeSource;
  let store: CachedDictionaryStore;

  beforeEach(() => {
    now = 1_000_000;
    source = new FakeSource();
    store = new CachedDictionaryStore(source, { maxAgeMs: 30_000, clock: () => now });
  });

  it('answers from one read of the source, in the database’s orders', async () => {
    expect((await store.topics()).map((item) => item.id)).toEqual(['t-c', 't-a', 't-b']);
    expect((await store.topics({ level: 'A1' })).map((item) => item.id)).toEqual(['t-c', 't-a']);
    expect((await store.wordsOf('t-a')).map((item) => item.id)).toEqual(['w-1', 'w-3']);
    expect(await store.wordCounts()).toEqual(new Map([['t-a', 2], ['t-c', 1]]));
    expect(await store.wordCount('t-b')).toBe(0);
    expect((await store.words(['w-2', 'w-2', 'nope'])).map((item) => item.id)).toEqual(['w-2']);
    expect((await store.wordsOutside('t-a', 5)).map((item) => item.id)).toEqual(['w-2']);
    expect(source.reads).toBe(1);
  });

  it('reads concurrent first requests once', async () => {
    source.hold();
    const answers = Promise.all([store.topic('t-a'), store.wordCount('t-a'), store.words(['w-1'])]);
    source.release();
    expect((await answers).map((answer) => answer !== null)).toEqual([true, true, true]);
    expect(source.reads).toBe(1);
  });

  it('serves an old snapshot while it reads a fresh one, then the fresh one', async () => {
    await store.topics();
    source.topicList = [...source.topicList, topic('t-d', 'B1', 1)];
    now += 30_001;
    source.hold();
    expect((await store.topics()).map((item) => item.id)).not.toContain('t-d');
    source.release();
    await new Promise((resolve) => setImmediate(resolve));
    expect((await store.topics()).map((item) => item.id)).toContain('t-d');
    expect(source.reads).toBe(2);
  });

  it('waits for a fresh snapshot after invalidate()', async () => {
    await store.wordsOf('t-a');
    source.wordList = [...source.wordList, word('w-4', 't-a', 3)];
    store.invalidate();
    expect((await store.wordsOf('t-a')).map((item) => item.id)).toEqual(['w-1', 'w-3', 'w-4']);
  });

  it('does not keep a read that started before invalidate()', async () => {
    source.hold();
    const early = store.topics();
    store.invalidate();
    source.topicList = [topic('t-z', 'B2', 1)];
    source.release();
    await early;
    expect((await store.topics()).map((item) => item.id)).toEqual(['t-z']);
  });

  it('keeps the old snapshot when a refresh fails, and fails without one', async () => {
    source.failing = true;
    await expect(store.topics()).rejects.toThrow('the database is down');
    source.failing = false;
    await store.topics();
    source.failing = true;
    now += 60_000;
    expect((await store.topics()).length).toBe(3);
    await new Promise((resolve) => setImmediate(resolve));
    expect((await store.topics()).length).toBe(3);
  });

  it('hands out the same frozen array of every word until it reads the dictionary again', async () => {
    const first = await store.allWords();
    expect(first.map((item) => item.id)).toEqual(['w-1', 'w-2', 'w-3']);
    expect(Object.isFrozen(first)).toBe(true);
    expect(await store.allWords()).toBe(first);
    store.invalidate();
    expect(await store.allWords()).not.toBe(first);
  });

  it('hands out frozen words, so no request can change another’s', async () => {
    const [first] = await store.words(['w-1']);
    expect(() => {
      (first.translations as Record<string, string>)['en'] = 'changed';
    }).toThrow(TypeError);
  });

  it('leaves archived topics and words, and the words of archived topics, out of every list, but finds them by id', async () => {
    source.wordList = [...source.wordList, word('w-4', 't-a', 3), word('w-5', 't-b', 1)];
    source.archived = new Set(['w-3', 't-b']);
    expect((await store.topics()).map((item) => item.id)).toEqual(['t-c', 't-a']);
    expect(await store.topic('t-b')).toBeNull();
    expect((await store.wordsOf('t-a')).map((item) => item.id)).toEqual(['w-1', 'w-4']);
    expect(await store.wordsOf('t-b')).toEqual([]);
    expect(await store.wordCounts()).toEqual(new Map([['t-a', 2], ['t-c', 1]]));
    expect((await store.allWords()).map((item) => item.id)).toEqual(['w-1', 'w-2', 'w-4']);
    expect((await store.wordsOutside('t-c', 10)).map((item) => item.id)).toEqual(['w-1', 'w-4']);
    expect((await store.words(['w-3', 'w-5'])).map((item) => item.id)).toEqual(['w-3', 'w-5']);
  });

  it('refresh() serves the old snapshot until the fresh one is read, then the fresh one', async () => {
    await store.topics();
    source.archived = new Set(['t-a']);
    source.hold();
    const refreshed = store.refresh();
    expect((await store.topics()).map((item) => item.id)).toContain('t-a');
    source.release();
    await refreshed;
    expect((await store.topics()).map((item) => item.id)).toEqual(['t-c', 't-b']);
  });

  it('does not lose a refresh asked for while a read is under way: that read may predate the change', async () => {
    await store.topics();
    now += 30_001;
    source.hold();
    await store.topics(); // served the old snapshot, and started a read in the background, before the change below
    source.topicList = [...source.topicList, topic('t-d', 'B1', 1)];
    const refreshed = store.refresh();
    source.release();
    await refreshed;
    expect((await store.topics()).map((item) => item.id)).toContain('t-d');
    expect(source.reads).toBe(3);
  });
});
