import type { ReaderParagraph, ReaderSentence, ReaderToken, TextStats, WordRef, WordState } from './reader-types';

/** The longest context sentence the API takes with a saved word. */
export const MAX_SENTENCE_LENGTH = 500;

/**
 * Which tokens share one state: the dictionary word, else the student's own word, else the word as
 * written (any case). Marking one token marks every token of its key.
 */
export function stateKey(token: Pick<ReaderToken, 'text' | 'lemma' | 'wordId' | 'userWordId'>): string {
  if (token.wordId) return token.wordId;
  if (token.userWordId) return `own:${token.userWordId}`;
  return `word:${(token.lemma ?? token.text).toLowerCase()}`;
}

/** The key of the token's entry in the text's glosses; null for a word neither the dictionary nor the student knows. */
export function glossKey(token: Pick<ReaderToken, 'wordId' | 'userWordId'>): string | null {
  if (token.wordId) return token.wordId;
  return token.userWordId ? `own:${token.userWordId}` : null;
}

/** How the API names the word: by its dictionary id when it has one, else by its dictionary form. */
export function wordRef(token: Pick<ReaderToken, 'text' | 'lemma' | 'wordId'>): WordRef {
  return token.wordId ? { wordId: token.wordId } : { lemma: (token.lemma ?? token.text).toLowerCase() };
}

/** A word token without a state has never been marked: it is new. */
export function stateOf(token: Pick<ReaderToken, 'state'>): WordState {
  return token.state ?? 'new';
}

/**
 * The sentence a word was found in, as its context on a learning card. A very long sentence (a
 * subtitle file without full stops) is cut to a window around the word.
 */
export function sentenceText(sentence: ReaderSentence, tokenIndex = 0): string {
  const text = sentence.tokens.map((token) => token.text).join('').replace(/\s+/g, ' ').trim();
  if (text.length <= MAX_SENTENCE_LENGTH) return text;
  const before = sentence.tokens
    .slice(0, tokenIndex)
    .map((token) => token.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trimStart().length;
  const start = Math.max(0, Math.min(text.length - MAX_SENTENCE_LENGTH, before - Math.floor(MAX_SENTENCE_LENGTH / 2)));
  const window = text.slice(start, start + MAX_SENTENCE_LENGTH);
  // Whole words only at the cut ends.
  const from = start > 0 ? window.indexOf(' ') + 1 : 0;
  const to = start + MAX_SENTENCE_LENGTH < text.length ? window.lastIndexOf(' ') : window.length;
  return window.slice(from, to > from ? to : window.length).trim();
}

/** The paragraphs with every token of `key` in `state`; untouched paragraphs keep their identity. */
export function withWordState(paragraphs: ReaderParagraph[], key: string, state: WordState): ReaderParagraph[] {
  return paragraphs.map((paragraph) => {
    let changed = false;
    const sentences = paragraph.sentences.map((sentence) => {
      if (!sentence.tokens.some((token) => token.kind === 'word' && stateKey(token) === key && token.state !== state)) return sentence;
      changed = true;
      return { tokens: sentence.tokens.map((token) => (token.kind === 'word' && stateKey(token) === key ? { ...token, state } : token)) };
    });
    return changed ? { ...paragraph, sentences } : paragraph;
  });
}

/**
 * The text's figures after the student changed word states, counted as the API counts them: words
 * known or ignored out of all words, and the different words still new. The level does not depend
 * on the states and is kept.
 */
export function recountStats(paragraphs: ReaderParagraph[], previous: Pick<TextStats, 'estimatedLevel'>): TextStats {
  let tokens = 0;
  let known = 0;
  const fresh = new Set<string>();
  for (const paragraph of paragraphs) {
    for (const sentence of paragraph.sentences) {
      for (const token of sentence.tokens) {
        if (token.kind !== 'word') continue;
        tokens++;
        const state = stateOf(token);
        if (state === 'known' || state === 'ignored') known++;
        else if (state === 'new') fresh.add(stateKey(token));
      }
    }
  }
  return {
    tokens,
    known,
    knownPercent: tokens === 0 ? 0 : Math.round((known / tokens) * 1000) / 10,
    newWords: fresh.size,
    estimatedLevel: previous.estimatedLevel,
  };
}
