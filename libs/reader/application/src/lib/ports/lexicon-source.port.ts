import type { Lexicon } from '@tall/reader/domain';
import type { LexiconWord, UserWord } from '@tall/vocabulary/contracts';

/** The dictionary as the reader uses it: a lexicon to recognise words with, and each word's details to gloss it. */
export interface ReaderLexicon {
  /** The dictionary's version: atomizations made with another version are stale. */
  version: string;
  lexicon: Lexicon;
  words: ReadonlyMap<string, LexiconWord>;
}

/** A student's own words (learning cards) as the reader recognises them. */
export interface ReaderUserWords {
  words: readonly UserWord[];
  /** Own words by the dictionary word they came from. */
  byWordId: ReadonlyMap<string, UserWord>;
  /** Own words recognised in any of their forms (own words that are not dictionary words). */
  lexicon: Lexicon;
  byId: ReadonlyMap<string, UserWord>;
}

/** The vocabulary context's words, through its contract (and cached: the dictionary changes seldom). */
export interface LexiconSource {
  dictionary(): Promise<ReaderLexicon>;
  userWords(userId: string): Promise<ReaderUserWords>;
  /** The student's words changed (a word was saved): the next read asks again. */
  forgetUserWords(userId: string): void;
}

export const LEXICON_SOURCE = Symbol('LEXICON_SOURCE');
