import { Schema } from 'mongoose';
import { outboxSchemaFields, type OutboxFields } from '@tall/platform/events';
import { readerModel } from './reader-connections';

const Mixed = Schema.Types.Mixed;

/** A library or test text (database `reader`). Seeded texts keep the seed's hash; an admin's edit sets `editedAt`, and the seed never overwrites it. */
export interface LibraryTextDocument extends OutboxFields {
  _id: string;
  title: string;
  level: string;
  topic: string;
  source: 'library' | 'test';
  language: 'nl';
  credit: string;
  sections: Array<{ title: string | null; body: string }>;
  test: { questions: unknown[] } | null;
  version: number;
  status: 'published' | 'archived';
  wordCount: number;
  seedHash: string | null;
  editedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const LIBRARY_TEXT_MODEL = readerModel<LibraryTextDocument>('ReaderLibraryText', 'library', 'reader_texts', {
  _id: String,
  title: String,
  level: String,
  topic: String,
  source: String,
  language: String,
  credit: String,
  sections: Mixed,
  test: Mixed,
  version: Number,
  status: String,
  wordCount: Number,
  seedHash: String,
  editedAt: Date,
  createdAt: Date,
  updatedAt: Date,
  ...outboxSchemaFields(),
});

/** A text a student imported (database `reader_users`). */
export interface OwnTextDocument {
  _id: string;
  ownerId: string;
  title: string;
  format: string;
  sections: Array<{ title: string | null; body: string }>;
  wordCount: number;
  version: number;
  createdAt: Date;
}

export const OWN_TEXT_MODEL = readerModel<OwnTextDocument>('ReaderOwnText', 'users', 'reader_own_texts', {
  _id: String,
  ownerId: String,
  title: String,
  format: String,
  sections: Mixed,
  wordCount: Number,
  version: Number,
  createdAt: Date,
});

/**
 * One student's reading (`_id`: the user id): the states they chose for words, and where they are
 * in each text, with the reading events in the same document. One document, so opening a text
 * reads the student once; keys and text ids are encoded for field names (see field-names.ts).
 */
export interface StudentReadingDocument extends OutboxFields {
  _id: string;
  states: Record<string, { state: string; at: Date }>;
  progress: Record<string, StoredProgress>;
  updatedAt: Date;
}

export interface StoredProgress {
  paragraph: number;
  sentence: number;
  paragraphs: number;
  readingSeconds: number;
  finished: boolean;
  openedAt: Date | null;
  progressReportedAt: Date | null;
  updatedAt: Date;
  revision: number;
}

export const STUDENT_READING_MODEL = readerModel<StudentReadingDocument>('ReaderStudent', 'users', 'reader_students', {
  _id: String,
  states: Mixed,
  progress: Mixed,
  updatedAt: Date,
  ...outboxSchemaFields(),
});

/** A word saved to the learning cards, with its `reader.word.saved` event. */
export interface SavedWordDocument extends OutboxFields {
  _id: string;
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

export const SAVED_WORD_MODEL = readerModel<SavedWordDocument>('ReaderSavedWord', 'users', 'reader_saved_words', {
  _id: String,
  userId: String,
  textId: String,
  key: String,
  lemma: String,
  wordId: String,
  translation: String,
  article: String,
  context: String,
  savedAt: Date,
  ...outboxSchemaFields(),
});

/** A graded test attempt, with its `test.completed` event. */
export interface AttemptDocument extends OutboxFields {
  _id: string;
  userId: string;
  textId: string;
  textVersion: number;
  answers: unknown[];
  results: unknown[];
  score: number;
  maxScore: number;
  at: Date;
}

export const ATTEMPT_MODEL = readerModel<AttemptDocument>('ReaderAttempt', 'users', 'reader_attempts', {
  _id: String,
  userId: String,
  textId: String,
  textVersion: Number,
  answers: Mixed,
  results: Mixed,
  score: Number,
  maxScore: Number,
  at: Date,
  ...outboxSchemaFields(),
});

export const READER_MODELS = [LIBRARY_TEXT_MODEL, OWN_TEXT_MODEL, STUDENT_READING_MODEL, SAVED_WORD_MODEL, ATTEMPT_MODEL] as const;
/** Collections whose documents carry outboxes, by database. */
export const READER_OUTBOX_COLLECTIONS = {
  library: [LIBRARY_TEXT_MODEL.collection],
  users: [STUDENT_READING_MODEL.collection, SAVED_WORD_MODEL.collection, ATTEMPT_MODEL.collection],
} as const;
