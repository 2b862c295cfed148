import { Lexicon, type LexiconEntry } from '@tall/reader/domain';
import type { LexiconWord, UserWord } from '@tall/vocabulary/contracts';
import type { LexiconSource, ReaderLexicon, ReaderUserWords } from '../lib/ports/lexicon-source.port';

/** A dictionary word with the fields a test does not care about filled in. */
export function lexiconWord(word: Pick<LexiconWord, 'id' | 'lemma' | 'pos'> & Partial<LexiconWord>): LexiconWord {
  return { level: 'A1', topicSlug: 'wonen', article: null, plural: null, verb: null, translations: { en: word.lemma }, ...word };
}

/**
 * The dictionary as the reader gets it, built as infrastructure's RPC source builds it (every
 * word an entry with its forms, the closed-class words added by the lexicon itself). Kept here
 * because the application may not import infrastructure.
 */
export function readerLexiconOf(version: string, words: readonly LexiconWord[]): ReaderLexicon {
  const entries: LexiconEntry[] = words.map((word) => ({ id: word.id, lemma: word.lemma, pos: word.pos, level: word.level, plural: word.plural, verb: word.verb }));
  return { version, lexicon: new Lexicon(entries), words: new Map(words.map((word) => [word.id, word])) };
}

/** A student's own words as the RPC source shapes them: dictionary cards by word id, the rest recognisable by their lemma. */
export function readerUserWordsOf(words: readonly UserWord[]): ReaderUserWords {
  const own = words.filter((word) => word.wordId === null);
  return {
    words,
    byWordId: new Map(words.filter((word) => word.wordId !== null).map((word) => [word.wordId as string, word])),
    byId: new Map(words.map((word) => [word.userWordId, word])),
    lexicon: new Lexicon(
      own.map((word) => ({ id: word.userWordId, lemma: word.lemma, pos: word.article ? 'noun' : 'other' })),
      { functionWords: false },
    ),
  };
}

/** The vocabulary context in memory: one dictionary, each student's learning cards, and who was forgotten when. */
export class MemoryLexiconSource implements LexiconSource {
  private current: ReaderLexicon;
  private readonly cards = new Map<string, UserWord[]>();
  readonly forgotten: string[] = [];

  constructor(words: readonly LexiconWord[], version = 'v1') {
    this.current = readerLexiconOf(version, words);
  }

  /** Vocabulary published a new dictionary. */
  replaceDictionary(words: readonly LexiconWord[], version: string): void {
    this.current = readerLexiconOf(version, words);
  }

  setUserWords(userId: string, words: UserWord[]): void {
    this.cards.set(userId, words);
  }

  async dictionary(): Promise<ReaderLexicon> {
    return this.current;
  }

  async userWords(userId: string): Promise<ReaderUserWords> {
    return readerUserWordsOf(this.cards.get(userId) ?? []);
  }

  forgetUserWords(userId: string): void {
    this.forgotten.push(userId);
  }
}
