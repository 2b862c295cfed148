import type { AtomizedText, Token } from './atomize';
import { normalizeWord } from './lexicon';

export type WordState = 'new' | 'learning' | 'known' | 'ignored';

const LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1'] as const;
/** A text is at the lowest level that covers this share of its recognised words. */
const LEVEL_COVERAGE = 0.9;
/** Fewer recognised words than this say nothing about a level. */
const MIN_WORDS_FOR_LEVEL = 10;

/** The key a student's word state is kept under: the entry, or the word itself when the lexicon does not know it. */
export function stateKey(token: Pick<Token, 'entryId' | 'text'>): string {
  return token.entryId ?? `word:${normalizeWord(token.text)}`;
}

export interface ReadingStats {
  /** Word tokens (numbers and punctuation left out). */
  tokens: number;
  /** Tokens of words the student knows or chose to ignore. */
  known: number;
  knownPercent: number;
  /** Different words still new to the student. */
  newWords: number;
  /** The lowest level covering 90 % of the recognised words; null when too few are recognised. */
  estimatedLevel: string | null;
}

/**
 * What a text is to one student: how much of it they know, how many new words it holds, and its
 * level by the dictionary. `stateOf` gives the student's state of a key (stateKey); `levelOf` the
 * level of a recognised entry; `keyOf` the key a token's state is kept under (by default stateKey;
 * the reader passes its own, which also knows the student's own words).
 */
export function readingStats(
  text: AtomizedText,
  stateOf: (key: string) => WordState,
  levelOf: (entryId: string) => string | null | undefined,
  keyOf: (token: Token) => string = stateKey,
): ReadingStats {
  let tokens = 0;
  let known = 0;
  const fresh = new Set<string>();
  const levels: number[] = [];
  for (const paragraph of text.paragraphs) {
    for (const sentence of paragraph.sentences) {
      for (const token of sentence.tokens) {
        if (token.kind !== 'word') continue;
        tokens++;
        const key = keyOf(token);
        const state = stateOf(key);
        if (state === 'known' || state === 'ignored') known++;
        else if (state === 'new') fresh.add(key);
        const level = token.entryId ? levelOf(token.entryId) : undefined;
        const rank = level ? LEVELS.indexOf(level as (typeof LEVELS)[number]) : -1;
        if (rank >= 0) levels.push(rank);
      }
    }
  }
  return {
    tokens,
    known,
    knownPercent: tokens === 0 ? 0 : Math.round((known / tokens) * 1000) / 10,
    newWords: fresh.size,
    estimatedLevel: estimateLevel(levels),
  };
}

function estimateLevel(ranks: number[]): string | null {
  if (ranks.length < MIN_WORDS_FOR_LEVEL) return null;
  const sorted = [...ranks].sort((a, b) => a - b);
  return LEVELS[sorted[Math.ceil(sorted.length * LEVEL_COVERAGE) - 1]];
}
