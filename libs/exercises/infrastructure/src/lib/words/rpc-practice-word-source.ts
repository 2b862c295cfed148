import type { PracticeWordSource } from '@tall/exercises/application';
import type { ExerciseLevel } from '@tall/exercises/contracts';
import type { PracticeWord } from '@tall/exercises/domain';
import type { RpcClient } from '@tall/platform/rpc';
import { GetLevelWords, GetPracticeCards, type CefrLevel } from '@tall/vocabulary/contracts';

/** Cards a weekly set is chosen from: the week's and, when they are few, the newest before them. */
const CARDS_READ = 50;
/** The dictionary's highest level: a C1 student practises its B2 words. */
const DICTIONARY_LEVELS: readonly CefrLevel[] = ['A1', 'A2', 'B1', 'B2'];

export interface RpcPracticeWordSourceOptions {
  /** How long a level's dictionary words are kept (they change when an admin edits the dictionary). */
  levelWordsTtlMs?: number;
  now?: () => number;
}

/**
 * Vocabulary's words through its contract, as the reader reads its lexicon: a student's cards
 * are read when their week's set is made (once a week), the dictionary's words of a level are kept
 * for a while, since many students of one level may make their sets on the same Monday morning.
 */
export class RpcPracticeWordSource implements PracticeWordSource {
  private readonly levels = new Map<CefrLevel, { at: number; words: Promise<PracticeWord[]> }>();

  constructor(
    private readonly rpc: RpcClient,
    private readonly options: RpcPracticeWordSourceOptions = {},
  ) {}

  async cards(userId: string): Promise<PracticeWord[]> {
    const { cards } = await this.rpc.call(GetPracticeCards, { userId, limit: CARDS_READ }, { principal: null });
    return cards.map((card) => ({ key: card.userWordId, lemma: card.lemma, article: card.article, translation: card.translation, sentence: card.context, addedAt: new Date(card.addedAt) }));
  }

  levelWords(level: ExerciseLevel): Promise<PracticeWord[]> {
    const dictionaryLevel = DICTIONARY_LEVELS.includes(level as CefrLevel) ? (level as CefrLevel) : DICTIONARY_LEVELS[DICTIONARY_LEVELS.length - 1];
    const now = (this.options.now ?? Date.now)();
    const kept = this.levels.get(dictionaryLevel);
    if (kept && now - kept.at < (this.options.levelWordsTtlMs ?? 10 * 60_000)) return kept.words;
    const words = this.rpc
      .call(GetLevelWords, { level: dictionaryLevel }, { principal: null })
      .then((answer) => answer.words.map((word): PracticeWord => ({ key: word.wordId, lemma: word.lemma, article: word.article, translation: word.translation, sentence: word.example, addedAt: null })));
    // A failed read is not kept: the next request asks again.
    words.catch(() => this.levels.delete(dictionaryLevel));
    this.levels.set(dictionaryLevel, { at: now, words });
    return words;
  }
}
