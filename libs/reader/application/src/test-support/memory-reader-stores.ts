import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { WordState } from '@tall/reader/domain';
import type { ReadingProgress, ReadingStore, SavedWordRecord, TestAttempt } from '../lib/ports/reading-store.port';
import type { LibraryStore, OwnTextStore, StoredText } from '../lib/ports/text-stores.port';
import { ReaderError } from '../lib/reader-error';
import type { ReadTextFile, TextFileReader } from '../lib/ports/text-file-reader.port';

/** Copies, so a handler holding a result cannot change what is stored (as with a real database). */
const copy = <T>(value: T): T => structuredClone(value);

/** The curated library in memory; an archived text is stored but never returned, as the port says. */
export class MemoryLibraryStore implements LibraryStore {
  private readonly texts = new Map<string, { text: StoredText; published: boolean }>();

  add(text: StoredText, published = true): StoredText {
    this.texts.set(text.id, { text: copy(text), published });
    return text;
  }

  async list(): Promise<StoredText[]> {
    return [...this.texts.values()].filter((entry) => entry.published).map((entry) => copy(entry.text));
  }

  async get(id: string): Promise<StoredText | null> {
    const entry = this.texts.get(id);
    return entry?.published ? copy(entry.text) : null;
  }
}

/** Students' own texts in memory, each visible through `delete` to its owner only. */
export class MemoryOwnTextStore implements OwnTextStore {
  readonly texts = new Map<string, StoredText>();

  async listOf(ownerId: string): Promise<StoredText[]> {
    return [...this.texts.values()]
      .filter((text) => text.ownerId === ownerId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map(copy);
  }

  async get(id: string): Promise<StoredText | null> {
    const text = this.texts.get(id);
    return text ? copy(text) : null;
  }

  async insert(text: StoredText): Promise<void> {
    if (!text.ownerId) throw new Error('an own text needs its owner');
    if (this.texts.has(text.id)) throw new Error(`own text ${text.id} exists`);
    this.texts.set(text.id, copy(text));
  }

  async delete(id: string, ownerId: string): Promise<boolean> {
    if (this.texts.get(id)?.ownerId !== ownerId) return false;
    return this.texts.delete(id);
  }

  async eraseOwner(ownerId: string): Promise<void> {
    for (const [id, text] of this.texts) if (text.ownerId === ownerId) this.texts.delete(id);
  }
}

interface StoredState {
  userId: string;
  key: string;
  state: WordState;
  updatedAt: Date;
}

/**
 * A student's reading data in memory, with the port's semantics: a progress write checks the
 * stored revision (0: none stored), a word saved twice returns the first save and stores no
 * second event. `events` holds every event written with a change, as the outbox would relay them.
 */
export class MemoryReadingStore implements ReadingStore {
  readonly states = new Map<string, StoredState>();
  readonly progress = new Map<string, ReadingProgress>();
  readonly saved = new Map<string, SavedWordRecord>();
  readonly attempts: TestAttempt[] = [];
  readonly events: EventEnvelope[] = [];
  /** Every progress write asked for, won or lost. */
  progressWrites = 0;
  private readonly interleaved: Array<() => void> = [];

  /** Runs `write` just before the next progress write: another request of the same student got there first. */
  beforeNextProgressWrite(write: () => void): void {
    this.interleaved.push(write);
  }

  /** Stores a position as another request would have (revision bumped), with no event. */
  writeProgressDirectly(progress: ReadingProgress): void {
    this.progress.set(`${progress.userId}:${progress.textId}`, copy(progress));
  }

  storedProgress(userId: string, textId: string): ReadingProgress | undefined {
    const found = this.progress.get(`${userId}:${textId}`);
    return found ? copy(found) : undefined;
  }

  eventsOf(type: string): EventEnvelope[] {
    return this.events.filter((event) => event.type === type);
  }

  async statesOf(userId: string, keys?: readonly string[]): Promise<Map<string, WordState>> {
    const wanted = keys ? new Set(keys) : null;
    const found = new Map<string, WordState>();
    for (const stored of this.states.values()) if (stored.userId === userId && (!wanted || wanted.has(stored.key))) found.set(stored.key, stored.state);
    return found;
  }

  async setState(userId: string, key: string, state: WordState, at: Date): Promise<void> {
    this.states.set(`${userId}:${key}`, { userId, key, state, updatedAt: at });
  }

  async progressOf(userId: string, textIds?: readonly string[]): Promise<Map<string, ReadingProgress>> {
    const found = new Map<string, ReadingProgress>();
    for (const progress of this.progress.values()) {
      if (progress.userId === userId && (!textIds || textIds.includes(progress.textId))) found.set(progress.textId, copy(progress));
    }
    return found;
  }

  async saveProgress(progress: ReadingProgress, expectedRevision: number, events: EventEnvelope[]): Promise<boolean> {
    this.progressWrites++;
    this.interleaved.shift()?.();
    const id = `${progress.userId}:${progress.textId}`;
    if ((this.progress.get(id)?.revision ?? 0) !== expectedRevision) return false;
    this.progress.set(id, copy(progress));
    this.events.push(...events);
    return true;
  }

  async dropProgress(userId: string, textId: string): Promise<void> {
    this.progress.delete(`${userId}:${textId}`);
  }

  async saveWord(word: SavedWordRecord, event: EventEnvelope): Promise<{ word: SavedWordRecord; created: boolean }> {
    const existing = this.saved.get(word.savedId);
    if (existing) return { word: copy(existing), created: false };
    this.saved.set(word.savedId, copy(word));
    this.events.push(event);
    return { word: copy(word), created: true };
  }

  async savedKeysOf(userId: string, keys?: readonly string[]): Promise<Set<string>> {
    return new Set([...this.saved.values()].filter((word) => word.userId === userId && (!keys || keys.includes(word.key))).map((word) => word.key));
  }

  async addAttempt(attempt: TestAttempt, event: EventEnvelope): Promise<void> {
    this.attempts.push(copy(attempt));
    this.events.push(event);
  }

  async attemptsOf(userId: string, textId: string): Promise<TestAttempt[]> {
    return this.attempts
      .filter((attempt) => attempt.userId === userId && attempt.textId === textId)
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .map(copy);
  }

  async exportOf(userId: string) {
    return {
      states: [...this.states.values()]
        .filter((stored) => stored.userId === userId)
        .sort((a, b) => a.key.localeCompare(b.key))
        .map(({ key, state, updatedAt }) => ({ key, state, updatedAt })),
      progress: [...(await this.progressOf(userId)).values()],
      savedWords: [...this.saved.values()].filter((word) => word.userId === userId).sort((a, b) => a.savedAt.getTime() - b.savedAt.getTime()).map(copy),
      attempts: this.attempts.filter((attempt) => attempt.userId === userId).sort((a, b) => a.at.getTime() - b.at.getTime()).map(copy),
    };
  }

  async erase(userId: string): Promise<void> {
    for (const [id, stored] of this.states) if (stored.userId === userId) this.states.delete(id);
    for (const [id, progress] of this.progress) if (progress.userId === userId) this.progress.delete(id);
    for (const [id, word] of this.saved) if (word.userId === userId) this.saved.delete(id);
    for (let index = this.attempts.length - 1; index >= 0; index--) if (this.attempts[index].userId === userId) this.attempts.splice(index, 1);
  }
}

/** Reads pasted texts as one section; a file is what `files` holds for its name, else an unsupported type. */
export class FakeTextFileReader implements TextFileReader {
  readonly files = new Map<string, ReadTextFile | ReaderError>();
  readonly read: string[] = [];

  async readFile(file: { name: string; bytes: Buffer }): Promise<ReadTextFile> {
    this.read.push(file.name);
    const result = this.files.get(file.name);
    if (!result) throw new ReaderError('UNSUPPORTED_TYPE', `${file.name}: not a text file`);
    if (result instanceof ReaderError) throw result;
    return copy(result);
  }

  readPasted(title: string, body: string): ReadTextFile {
    return { format: 'pasted', title: title.trim(), sections: [{ title: null, body }], encoding: 'utf-8' };
  }
}

/** A clock a test moves by hand. */
export class TestClock {
  constructor(public now: Date) {}

  readonly read = (): Date => new Date(this.now);

  advance(ms: number): Date {
    this.now = new Date(this.now.getTime() + ms);
    return this.now;
  }
}
