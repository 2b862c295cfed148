import { LRUCache } from 'lru-cache';
import type { LexiconSource, ReaderLexicon, ReaderUserWords } from '@tall/reader/application';
import { Lexicon, type LexiconEntry } from '@tall/reader/domain';
import type { Logger } from '@tall/platform/observability';
import type { RpcClient } from '@tall/platform/rpc';
import { GetReaderLexicon, GetUserWords, type LexiconWord, type UserWord } from '@tall/vocabulary/contracts';

export interface RpcLexiconSourceOptions {
  /** How long the dictionary is used before vocabulary is asked whether it changed. */
  dictionaryCheckMs?: number;
  /** How long a student's own words are used before they are read again (a save forgets them at once). */
  userWordsTtlMs?: number;
  now?: () => number;
  logger?: Logger;
}

/**
 * The vocabulary context's words through its contract. The dictionary is kept with its version
 * and checked at most every `dictionaryCheckMs` (the check sends the version and gets `null`
 * back while it holds); when vocabulary cannot be reached, the last copy goes on serving, and
 * before there is one the reader recognises only the closed-class words. A student's own words
 * are kept per student for `userWordsTtlMs`.
 */
export class RpcLexiconSource implements LexiconSource {
  private current: ReaderLexicon | null = null;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private checking: Promise<ReaderLexicon> | null = null;
  private readonly userWordCache: LRUCache<string, Promise<ReaderUserWords>>;
  private readonly dictionaryCheckMs: number;
  private readonly now: () => number;

  constructor(
    private readonly rpc: RpcClient,
    private readonly options: RpcLexiconSourceOptions = {},
  ) {
    this.dictionaryCheckMs = options.dictionaryCheckMs ?? 60_000;
    this.now = options.now ?? Date.now;
    this.userWordCache = new LRUCache({ max: 20_000, ttl: options.userWordsTtlMs ?? 30_000 });
  }

  async dictionary(): Promise<ReaderLexicon> {
    if (this.current && this.now() - this.checkedAt < this.dictionaryCheckMs) return this.current;
    this.checking ??= this.refresh().finally(() => (this.checking = null));
    return this.checking;
  }

  userWords(userId: string): Promise<ReaderUserWords> {
    let words = this.userWordCache.get(userId);
    if (!words) {
      words = this.rpc.call(GetUserWords, { userId }, { principal: null }).then((answer) => userWordsOf(answer.words));
      // A failed read is not kept: the next request asks again.
      words.catch(() => this.userWordCache.delete(userId));
      this.userWordCache.set(userId, words);
    }
    return words;
  }

  forgetUserWords(userId: string): void {
    this.userWordCache.delete(userId);
  }

  /** Tests: the dictionary changed; ask at the next read. */
  invalidate(): void {
    this.checkedAt = Number.NEGATIVE_INFINITY;
  }

  private async refresh(): Promise<ReaderLexicon> {
    try {
      const answer = await this.rpc.call(GetReaderLexicon, this.current ? { knownVersion: this.current.version } : {}, { principal: null });
      if (answer.words !== null || !this.current) this.current = dictionaryOf(answer.version, answer.words ?? []);
      this.checkedAt = this.now();
      return this.current;
    } catch (error) {
      this.options.logger?.warn({ err: error instanceof Error ? error.message : String(error) }, 'the dictionary could not be read from vocabulary; the reader goes on with its last copy');
      if (this.current) return this.current;
      // No copy yet: read with the closed-class words only, and ask again soon.
      this.checkedAt = this.now() - this.dictionaryCheckMs + 5_000;
      this.current = dictionaryOf('unavailable', []);
      return this.current;
    }
  }
}

export function dictionaryOf(version: string, words: readonly LexiconWord[]): ReaderLexicon {
  const entries: LexiconEntry[] = words.map((word) => ({ id: word.id, lemma: word.lemma, pos: word.pos, level: word.level, plural: word.plural, verb: word.verb }));
  return { version, lexicon: new Lexicon(entries), words: new Map(words.map((word) => [word.id, word])) };
}

export function userWordsOf(words: readonly UserWord[]): ReaderUserWords {
  const own = words.filter((word) => word.wordId === null);
  return {
    words,
    byWordId: new Map(words.filter((word) => word.wordId !== null).map((word) => [word.wordId as string, word])),
    byId: new Map(words.map((word) => [word.userWordId, word])),
    // Own words carry no forms: their lemma, and a noun's diminutives and plural by rule, are what can be recognised.
    lexicon: new Lexicon(
      own.map((word) => ({ id: word.userWordId, lemma: word.lemma, pos: word.article ? 'noun' : 'other' })),
      { functionWords: false },
    ),
  };
}
