import type { DictionaryTopic, DictionaryWord } from '@tall/vocabulary/domain';
import type { DictionaryContentStore, DictionaryEntryKind, EntryWriteResult, StoredEntry } from '../dictionary-content-store.port';

/**
 * The content store's contract in memory, for the handlers' specs: the same version conditions
 * and slug uniqueness as the MongoDB store. `beforeWrite` lets a spec slip a concurrent change in
 * between a handler's read and its write.
 */
export class InMemoryDictionaryContentStore implements DictionaryContentStore {
  readonly topics = new Map<string, StoredEntry<DictionaryTopic> & { editedAt?: Date }>();
  readonly words = new Map<string, StoredEntry<DictionaryWord> & { editedAt?: Date }>();
  beforeWrite: (() => void) | null = null;

  seedTopic(topic: DictionaryTopic): void {
    this.topics.set(topic.id, { value: topic, archived: false, version: 0 });
  }
  seedWord(word: DictionaryWord): void {
    this.words.set(word.id, { value: word, archived: false, version: 0 });
  }

  /** Changes a stored word's version or archived flag, as another call would have. */
  alterWord(id: string, change: Partial<Pick<StoredEntry<DictionaryWord>, 'archived' | 'version'>>): void {
    const current = this.words.get(id);
    if (!current) throw new Error(`no word ${id}`);
    this.words.set(id, { ...current, ...change });
  }

  async allTopics() {
    return [...this.topics.values()];
  }
  async allWords() {
    return [...this.words.values()];
  }
  async topic(id: string) {
    return this.topics.get(id) ?? null;
  }
  async word(id: string) {
    return this.words.get(id) ?? null;
  }
  async topicIdWithSlug(slug: string) {
    return [...this.topics.values()].find((entry) => entry.value.slug === slug)?.value.id ?? null;
  }
  async wordsIn(topicId: string) {
    return [...this.words.values()].filter((entry) => entry.value.topicId === topicId).map(({ value }) => ({ id: value.id, lemma: value.lemma, pos: value.pos, order: value.order }));
  }

  async putTopic(topic: DictionaryTopic, version: number, exists: boolean, now: Date): Promise<EntryWriteResult> {
    this.takeBeforeWrite();
    if (!this.writable(this.topics.get(topic.id), version, exists)) return 'conflict';
    if ([...this.topics.values()].some((entry) => entry.value.slug === topic.slug && entry.value.id !== topic.id)) return 'duplicate';
    this.topics.set(topic.id, { value: topic, archived: false, version, editedAt: now });
    return 'applied';
  }

  async putWord(word: DictionaryWord, version: number, exists: boolean, now: Date): Promise<EntryWriteResult> {
    this.takeBeforeWrite();
    if (!this.writable(this.words.get(word.id), version, exists)) return 'conflict';
    this.words.set(word.id, { value: word, archived: false, version, editedAt: now });
    return 'applied';
  }

  async archive(kind: DictionaryEntryKind, id: string, version: number, now: Date): Promise<EntryWriteResult> {
    this.takeBeforeWrite();
    const entries: Map<string, StoredEntry<unknown> & { editedAt?: Date }> = kind === 'topics' ? this.topics : this.words;
    const current = entries.get(id);
    if (!current || current.version >= version) return 'conflict';
    entries.set(id, { ...current, archived: true, version, editedAt: now });
    return 'applied';
  }

  private writable(current: StoredEntry<unknown> | undefined, version: number, exists: boolean): boolean {
    return exists ? current !== undefined && current.version < version : current === undefined;
  }

  private takeBeforeWrite(): void {
    const change = this.beforeWrite;
    this.beforeWrite = null;
    change?.();
  }
}
