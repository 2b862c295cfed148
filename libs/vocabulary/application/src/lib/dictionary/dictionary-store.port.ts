import type { CefrLevel } from '@tall/vocabulary/contracts';
import type { DictionaryTopic, DictionaryWord } from '@tall/vocabulary/domain';

/** The school's global dictionary: topics and their words. */
export interface DictionaryStore {
  /** In level, then topic order. */
  topics(filter?: { level?: CefrLevel }): Promise<DictionaryTopic[]>;
  topic(id: string): Promise<DictionaryTopic | null>;
  /** Words per topic id. */
  wordCounts(): Promise<Map<string, number>>;
  wordCount(topicId: string): Promise<number>;
  /** A topic's words in the order it introduces them. */
  wordsOf(topicId: string): Promise<DictionaryWord[]>;
  words(ids: readonly string[]): Promise<DictionaryWord[]>;
  /**
   * Every word, in no particular order. The cached store answers the same frozen array until it
   * reads the dictionary again, so a caller may keep what it derives from it while it gets that
   * same array back.
   */
  allWords(): Promise<readonly DictionaryWord[]>;
  /** Words of other topics, for recognition distractors when a topic has too few of its own. */
  wordsOutside(topicId: string, limit: number): Promise<DictionaryWord[]>;
}

export const DICTIONARY_STORE = Symbol('DICTIONARY_STORE');
