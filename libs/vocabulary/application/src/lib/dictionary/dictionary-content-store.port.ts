import type { DictionaryTopic, DictionaryWord } from '@tall/vocabulary/domain';

/** A stored topic or word with what the admin tools decide about it. */
export interface StoredEntry<T> {
  value: T;
  archived: boolean;
  /** The last admin version applied (0 when only the seed wrote it). */
  version: number;
}

/**
 * How a conditional write ended: `applied`; `conflict` when the stored entry is no longer older
 * than the version written (another call got there first) or, for an insert, already exists;
 * `duplicate` when a topic's slug is taken (the unique index refused it).
 */
export type EntryWriteResult = 'applied' | 'conflict' | 'duplicate';

export type DictionaryEntryKind = 'topics' | 'words';

/**
 * The dictionary as the admin context writes it (`vocabulary.publishDictionaryEntry`,
 * `vocabulary.archiveDictionaryEntry`) and reads it (`vocabulary.listDictionaryContent`). Every
 * write is one document, conditioned on the stored version being older than the one written, so
 * concurrent calls never move an entry backwards; each marks the entry edited (seed loads leave
 * it alone). Archived entries stay readable here.
 */
export interface DictionaryContentStore {
  /** Every topic and every word, archived ones too, in id order. */
  allTopics(): Promise<Array<StoredEntry<DictionaryTopic>>>;
  allWords(): Promise<Array<StoredEntry<DictionaryWord>>>;
  topic(id: string): Promise<StoredEntry<DictionaryTopic> | null>;
  word(id: string): Promise<StoredEntry<DictionaryWord> | null>;
  /** The id of the topic (archived or not) holding this slug. */
  topicIdWithSlug(slug: string): Promise<string | null>;
  /** A topic's words, archived ones too. */
  wordsIn(topicId: string): Promise<Array<Pick<DictionaryWord, 'id' | 'lemma' | 'pos' | 'order'>>>;
  /** Creates (`exists` false) or replaces the topic at `version`, live again. */
  putTopic(topic: DictionaryTopic, version: number, exists: boolean, now: Date): Promise<EntryWriteResult>;
  putWord(word: DictionaryWord, version: number, exists: boolean, now: Date): Promise<EntryWriteResult>;
  /** Archives an existing entry at `version`: `conflict` when it is missing or not older. */
  archive(kind: DictionaryEntryKind, id: string, version: number, now: Date): Promise<EntryWriteResult>;
}

export const DICTIONARY_CONTENT_STORE = Symbol('DICTIONARY_CONTENT_STORE');

/** What serves the dictionary from memory in this process: told at once when an admin changed it. */
export interface DictionaryChanges {
  changed(): void;
}

export const DICTIONARY_CHANGES = Symbol('DICTIONARY_CHANGES');
