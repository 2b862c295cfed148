/**
 * A word of the global dictionary as learning cards need it. The dictionary (thematic side of
 * this context) implements the port and provides it under `DICTIONARY_LOOKUP`; learning cards
 * never read the dictionary's collections themselves.
 */
export interface DictionaryLookupWord {
  wordId: string;
  lemma: string;
  article: 'de' | 'het' | null;
  /** Part of speech as the dictionary names it (`noun`, `verb`, ...). */
  pos: string;
  /** Translations by ISO 639-1 language code, e.g. `{ en: 'house', uk: 'будинок' }`. */
  translations: Readonly<Record<string, string>>;
}

export interface DictionaryLookup {
  /** The dictionary word, or null when there is none with that id. */
  findWord(wordId: string): Promise<DictionaryLookupWord | null>;
}

/**
 * Provide the dictionary's implementation under this token in any module of the app (the
 * context's VocabularyModule does): LearningCardsModule finds it at run time.
 */
export const DICTIONARY_LOOKUP = Symbol('DICTIONARY_LOOKUP');

/** How learning cards reach the dictionary inside their own module (see LearningCardsModule). */
export const LEARNING_DICTIONARY = Symbol('LEARNING_DICTIONARY');

/** Thrown by a DictionaryLookup when no dictionary is provided in this build. */
export class DictionaryMissingError extends Error {
  constructor() {
    super('No DictionaryLookup is provided under DICTIONARY_LOOKUP');
    this.name = 'DictionaryMissingError';
  }
}
