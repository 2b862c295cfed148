import type { TextSource } from '@tall/reader/contracts';
import type { TestQuestion, TextSection } from '@tall/reader/domain';

export type ReaderLevel = 'A1' | 'A2' | 'B1' | 'B2' | 'C1';

/** A text as stored: the library's (curated, with its test when it has one) or a student's own. */
export interface StoredText {
  id: string;
  title: string;
  level: ReaderLevel | null;
  /** A dictionary topic slug; null for own texts. */
  topic: string | null;
  source: TextSource;
  credit: string | null;
  /** Goes up with every edit: atomizations are cached per version. */
  version: number;
  sections: TextSection[];
  test: { questions: TestQuestion[] } | null;
  /** The student who imported it; null for library and test texts. */
  ownerId: string | null;
  wordCount: number;
  createdAt: Date;
}

/** The curated library and test texts (their own database). Only published texts are returned. */
export interface LibraryStore {
  list(): Promise<StoredText[]>;
  get(id: string): Promise<StoredText | null>;
}

/** Texts students imported (the other database). */
export interface OwnTextStore {
  listOf(ownerId: string): Promise<StoredText[]>;
  get(id: string): Promise<StoredText | null>;
  insert(text: StoredText): Promise<void>;
  /** False when the text is not there (or not the owner's). */
  delete(id: string, ownerId: string): Promise<boolean>;
  /** Every text of a student (their account was erased). */
  eraseOwner(ownerId: string): Promise<void>;
}

export const LIBRARY_STORE = Symbol('LIBRARY_STORE');
export const OWN_TEXT_STORE = Symbol('OWN_TEXT_STORE');
