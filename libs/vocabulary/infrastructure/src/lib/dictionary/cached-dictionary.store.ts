import type { DictionaryStore } from '@tall/vocabulary/application';
import type { CefrLevel } from '@tall/vocabulary/contracts';
import type { DictionaryTopic, DictionaryWord } from '@tall/vocabulary/domain';

/** Where the cache reads the whole dictionary from (MongoDictionaryStore). */
export interface DictionarySource {
  topics(): Promise<DictionaryTopic[]>;
  allWords(): Promise<DictionaryWord[]>;
}

export interface CachedDictionaryOptions {
  /** How long a snapshot is served before it is read again (in the background). */
  maxAgeMs?: number;
  clock?: () => number;
}

interface Snapshot {
  loadedAt: number;
  /** In level, then topic order (then id). */
  topics: readonly DictionaryTopic[];
  topicsById: ReadonlyMap<string, DictionaryTopic>;
  words: ReadonlyMap<string, DictionaryWord>;
  /** Per topic, in the order it introduces them (then id). */
  wordsByTopic: ReadonlyMap<string, readonly DictionaryWord[]>;
  /** Every word by id: the spread over all topics that distractors are drawn from. */
  wordsById: readonly DictionaryWord[];
}

/**
 * The dictionary, held in memory. Every thematic answer, session and progress refresh reads
 * words and topics, which change only when the seed is loaded (and, later, when an admin
 * publishes): a few hundred kilobytes, read in two queries and answered from memory after that,
 * instead of three to five queries per request.
 *
 * A snapshot is served for `maxAgeMs` (30 s); an older one is still served while a fresh one is
 * read in the background, so another instance's change shows within about that time, and
 * `invalidate()` (after a seed load here) makes the next read wait for a fresh one. A failed read
 * leaves the old snapshot in place and is tried again on the next request; without any snapshot
 * the error reaches the caller, as a direct read would.
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
      const [topics, words] = await Promise.all([this.source.topics(), this.source.allWords()]);
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

function buildSnapshot(topicList: DictionaryTopic[], wordList: DictionaryWord[], loadedAt: number): Snapshot {
  // The order MongoDictionaryStore.topics() sorts in: level (A1 < A2 < B1 …), order, id.
  const topics = [...topicList].map(deepFreeze).sort((a, b) => compare(a.level, b.level) || a.order - b.order || compare(a.id, b.id));
  const wordsById = Object.freeze([...wordList].map(deepFreeze).sort((a, b) => compare(a.id, b.id)));
  const wordsByTopic = new Map<string, DictionaryWord[]>();
  for (const word of wordsById) wordsByTopic.set(word.topicId, [...(wordsByTopic.get(word.topicId) ?? []), word]);
  for (const words of wordsByTopic.values()) words.sort((a, b) => a.order - b.order || compare(a.id, b.id));
  return {
    loadedAt,
    topics,
    topicsById: new Map(topics.map((topic) => [topic.id, topic])),
    words: new Map(wordsById.map((word) => [word.id, word])),
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
