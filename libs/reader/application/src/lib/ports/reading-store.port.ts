import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { GivenAnswer, QuestionResult, WordState } from '@tall/reader/domain';

/** Where a student is in a text, and how long they have read it. */
export interface ReadingProgress {
  userId: string;
  textId: string;
  paragraph: number;
  sentence: number;
  /** Paragraphs of the text version last read. */
  paragraphs: number;
  readingSeconds: number;
  finished: boolean;
  openedAt: Date | null;
  /** When the last `text.progressed` event went out. */
  progressReportedAt: Date | null;
  updatedAt: Date;
  /** Optimistic concurrency: bumped by every write. */
  revision: number;
}

export interface SavedWordRecord {
  savedId: string;
  userId: string;
  textId: string;
  key: string;
  lemma: string;
  wordId: string | null;
  translation: string | null;
  article: 'de' | 'het' | null;
  context: string | null;
  savedAt: Date;
}

export interface TestAttempt {
  id: string;
  userId: string;
  textId: string;
  textVersion: number;
  answers: Array<{ questionId: string; answer: GivenAnswer }>;
  results: QuestionResult[];
  score: number;
  maxScore: number;
  at: Date;
}

/** A student's reading data (the students' database): word states, positions, saved words, test attempts. */
export interface ReadingStore {
  /** States the student chose, by state key; only the keys asked for (all when `keys` is omitted). */
  statesOf(userId: string, keys?: readonly string[]): Promise<Map<string, WordState>>;
  setState(userId: string, key: string, state: WordState, at: Date): Promise<void>;

  progressOf(userId: string, textIds?: readonly string[]): Promise<Map<string, ReadingProgress>>;
  /**
   * Writes the progress if its revision is still `expectedRevision` (0: none stored yet), with the
   * events in the same document. False when another write came first.
   */
  saveProgress(progress: ReadingProgress, expectedRevision: number, events: EventEnvelope[]): Promise<boolean>;
  /** Forgets where the student was in a text (their own text was deleted). */
  dropProgress(userId: string, textId: string): Promise<void>;

  /** Stores a save with its event; when the student saved the same word before, returns that one and stores nothing. */
  saveWord(word: SavedWordRecord, event: EventEnvelope): Promise<{ word: SavedWordRecord; created: boolean }>;
  savedKeysOf(userId: string, keys?: readonly string[]): Promise<Set<string>>;

  addAttempt(attempt: TestAttempt, event: EventEnvelope): Promise<void>;
  /** Newest first. */
  attemptsOf(userId: string, textId: string): Promise<TestAttempt[]>;

  /** Everything about a student, for the GDPR export. */
  exportOf(userId: string): Promise<{
    states: Array<{ key: string; state: WordState; updatedAt: Date }>;
    progress: ReadingProgress[];
    savedWords: SavedWordRecord[];
    attempts: TestAttempt[];
  }>;
  /** Erases a student's reading data (not their own texts: OwnTextStore). */
  erase(userId: string): Promise<void>;
}

export const READING_STORE = Symbol('READING_STORE');
