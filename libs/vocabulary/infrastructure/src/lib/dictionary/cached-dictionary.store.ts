import type { DictionaryStore, StoredEntry } from '@tall/vocabulary/application';
import type { CefrLevel } from '@tall/vocabulary/contracts';
import type { DictionaryTopic, DictionaryWord } from '@tall/vocabulary/domain';

/** Where the cache reads the whole dictionary from, archived entries marked (MongoDictionaryContentStore). */
export interface DictionarySource {
  allTopics(): Promise<Array<Pick<StoredEntry<DictionaryTopic>, 'value' | 'archived'>>>;
  allWords(): Promise<Array<Pick<StoredEntry<DictionaryWord>, 'value' | 'archived'>>>;
}

export interface CachedDictionaryOptions {
  /** How long a snapshot is served before it is read again (in the background). */
  maxAgeMs?: number;
  clock?: () => number;
}

interface Snapshot {
  loadedAt: number;
  /** Topics not archived, in level, then topic order (then id). */
  topics: readonly DictionaryTopic[];
  topicsById: ReadonlyMap<string, DictionaryTopic>;
  /** Every word, archived ones too: cards and sessions that hold one keep being answered. */
  words: ReadonlyMap<string, DictionaryWord>;
  /** Live words (not archived, in a topic not archived) per topic, in the order it introduces them (then id). */
  wordsByTopic: ReadonlyMap<string, readonly DictionaryWord[]>;
  /** Every live word by id: the spread over all topics that distractors are drawn from. */
  wordsById: readonly DictionaryWord[];
}

/**
 * The dictionary, held in memory. Every thematic answer, session and progress refresh reads
 * words and topics, which change only when the seed is loaded or an admin publishes or archives
 * an entry: a few hundred kilobytes, read in two queries and answered from memory after that,
 * instead of three to five queries per request.
 *
 * Archived topics and words are left out of every list (topics, a topic's words, counts, every
 * word, distractors), and so are the words of an archived topic; `words(ids)` still finds them,
 * so a card or session that holds one is answered with its content.
 *
 * A snapshot is served for `maxAgeMs` (30 s); an older one is still served while a fresh one is
 * read in the background, so another instance's change shows within about that time.
 * `invalidate()` (after a seed load or an admin's change here) makes the next read wait for a
 * fresh one; `refresh()` (another process's change, told by `content.updated`) reads a fresh one
 * while the old one is still served. A read that started before either is never kept, so a
 * change is not lost to a read already under way. A failed read leaves the old snapshot in place
 * and is tried again on the next request; without any snapshot the error reaches the caller, as a
 * direct read would.
 *
 * Topics and words are frozen: they are shared between requests.
 */
export class CachedDictionaryStore implements DictionaryStore {
  private snapshot: Snapshot | null = null;
  private loading: Promise<Snapshot> | null = null;
  /** Bumped by invalidate(): a read that started before it does not become the snapshot. */
  private generation = 0;
  private readonly maxAgeMs: number;
  private readonly clock: () => number;

  constructor(
    private readonly source: DictionarySource,
    options: CachedDictionaryOptions = {},
  ) {
    this.maxAgeMs = options.maxAgeMs ?? 30_000;
    this.clock = options.clock ?? Date.now;
  }

  /** The next read waits for a fresh snapshot (after the dictionary changed here). */
  invalidate(): void {
    this.generation++;
    this.snapshot = null;
    this.loading = null;
  }

  /**
   * Reads the dictionary again and serves it once read; until then the current snapshot is. A
   * read already under way may predate the change, so a new one starts even then.
   */
  async refresh(): Promise<void> {
    this.generation++;
    this.loading = null;
    await this.load();
  }

  async topics(filter: { level?: CefrLevel } = {}): Promise<DictionaryTopic[]> {
    const { topics } = await this.current();
    return filter.level ? topics.filter((topic) => topic.level === filter.level) : [...topics];
  }

  async topic(id: string): Promise<DictionaryTopic | null> {
    return (await this.current()).topicsById.get(id) ?? null;
  }

  async wordCounts(): Promise<Map<string, number>> {
    const { wordsByTopic } = await this.current();
    return new Map([...wordsByTopic].map(([topicId, words]) => [topicId, words.length]));
  }

  async wordCount(topicId: string): Promise<number> {
    return (await this.current()).wordsByTopic.get(topicId)?.length ?? 0;
  }

  async wordsOf(topicId: string): Promise<DictionaryWord[]> {
    return [...((await this.current()).wordsByTopic.get(topicId) ?? [])];
  }

  async words(ids: readonly string[]): Promise<DictionaryWord[]> {
    if (ids.length === 0) return [];
    const { words } = await this.current();
    return [...new Set(ids)].flatMap((id) => words.get(id) ?? []);
  }

  /** The snapshot's own array (frozen): the same one until the dictionary is read again. */
  async allWords(): Promise<readonly DictionaryWord[]> {
    return (await this.current()).wordsById;
  }

  async wordsOutside(topicId: string, limit: number): Promise<DictionaryWord[]> {
    const result: DictionaryWord[] = [];
    for (const word of (await this.current()).wordsById) {
      if (result.length >= limit) break;
      if (word.topicId !== topicId) result.push(word);
    }
    return result;
  }

  private async current(): Promise<Snapshot> {
    const snapshot = this.snapshot;
    if (snapshot && this.clock() - snapshot.loadedAt < this.maxAgeMs) return snapshot;
    const loading = this.load();
    if (!snapshot) return loading;
    loading.catch(() => undefined); // served the old snapshot; the next request tries again
    return snapshot;
  }

  private load(): Promise<Snapshot> {
    if (this.loading) return this.loading;
    const generation = this.generation;
    const loading = (async () => {
      const [topics, words] = await Promise.all([this.source.allTopics(), this.source.allWords()]);
      const snapshot = buildSnapshot(topics, words, this.clock());
      if (generation === this.generation) this.snapshot = snapshot;
      return snapshot;
    })();
    this.loading = loading;
    const clear = () => {
      if (this.loading === loading) this.loading = null;
    };
    loading.then(clear, clear);
    return loading;
  }
}

type Entry<T> = Pick<StoredEntry<T>, 'value' | 'archived'>;

function buildSnapshot(topicList: Array<Entry<DictionaryTopic>>, wordList: Array<Entry<DictionaryWord>>, loadedAt: number): Snapshot {
  // The order MongoDictionaryStore.topics() sorts in: level (A1 < A2 < B1 …), order, id.
  const topics = topicList
    .filter((entry) => !entry.archived)
    .map((entry) => deepFreeze(entry.value))
    .sort((a, b) => compare(a.level, b.level) || a.order - b.order || compare(a.id, b.id));
  const topicsById = new Map(topics.map((topic) => [topic.id, topic]));
  const allWords = wordList.map((entry) => ({ word: deepFreeze(entry.value), live: !entry.archived && topicsById.has(entry.value.topicId) }));
  const wordsById = Object.freeze(
    allWords
      .filter((entry) => entry.live)
      .map((entry) => entry.word)
      .sort((a, b) => compare(a.id, b.id)),
  );
  const wordsByTopic = new Map<string, DictionaryWord[]>();
  for (const word of wordsById) wordsByTopic.set(word.topicId, [...(wordsByTopic.get(word.topicId) ?? []), word]);
  for (const words of wordsByTopic.values()) words.sort((a, b) => a.order - b.order || compare(a.id, b.id));
  return {
    loadedAt,
    topics,
    topicsById,
    words: new Map(allWords.map(({ word }) => [word.id, word])),
    wordsByTopic,
    wordsById,
  };
}

/** Code-point order, as MongoDB sorts strings. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
