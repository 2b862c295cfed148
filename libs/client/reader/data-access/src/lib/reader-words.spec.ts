import { paragraphs, space, word } from '../testing/reader-fixture';
import { glossKey, MAX_SENTENCE_LENGTH, recountStats, sentenceText, stateKey, withWordState, wordRef } from './reader-words';

describe('the reader’s words', () => {
  it('keys a word by its dictionary word, else the student’s own word, else the word itself in lower case', () => {
    expect(stateKey(word('bel', { wordId: 'w-1', userWordId: 'u-1', lemma: 'opbellen' }))).toBe('w-1');
    expect(stateKey(word('woont', { userWordId: 'u-1', lemma: 'wonen' }))).toBe('own:u-1');
    expect(stateKey(word('Utrecht'))).toBe('word:utrecht');
    expect(stateKey(word('Liep', { lemma: 'lopen' }))).toBe('word:lopen');
  });

  it('finds the gloss by word id or own word id, and has none for an unknown word', () => {
    expect(glossKey(word('bel', { wordId: 'w-1', userWordId: 'u-1' }))).toBe('w-1');
    expect(glossKey(word('woont', { userWordId: 'u-1' }))).toBe('own:u-1');
    expect(glossKey(word('Utrecht'))).toBeNull();
  });

  it('names a word to the API by its id when it has one, else by its lemma or its text in lower case', () => {
    expect(wordRef(word('bel', { wordId: 'w-1', lemma: 'opbellen' }))).toEqual({ wordId: 'w-1' });
    expect(wordRef(word('Woont', { lemma: 'wonen' }))).toEqual({ lemma: 'wonen' });
    expect(wordRef(word('Utrecht'))).toEqual({ lemma: 'utrecht' });
  });

  it('gives the sentence as one line of text', () => {
    const [, body] = paragraphs();
    expect(sentenceText(body.sentences[0])).toBe('Ik bel mijn moeder op.');
    expect(sentenceText(body.sentences[1])).toBe('Zij woont in Utrecht.');
  });

  it('cuts a very long sentence to whole words around the word', () => {
    const tokens = Array.from({ length: 300 }, (_, index) => [word(`w${index}`), space]).flat();
    const text = sentenceText({ tokens }, tokens.findIndex((token) => token.text === 'w200'));
    expect(text.length).toBeLessThanOrEqual(MAX_SENTENCE_LENGTH);
    expect(text).toContain('w200');
    expect(text.split(' ').every((part) => /^w\d+$/.test(part))).toBe(true);
  });

  it('marks every token of a word at once and leaves other paragraphs as they were', () => {
    const before = paragraphs();
    const after = withWordState(before, 'w-opbellen', 'known');
    const states = after[1].sentences[0].tokens.filter((token) => token.wordId === 'w-opbellen').map((token) => token.state);
    expect(states).toEqual(['known', 'known']);
    expect(after[0]).toBe(before[0]);
    expect(after[1].sentences[1]).toBe(before[1].sentences[1]);
  });

  it('counts known and ignored words as known, and different new words once', () => {
    const text = paragraphs();
    expect(recountStats(text, { estimatedLevel: 'A1' })).toEqual({ tokens: 10, known: 5, knownPercent: 50, newWords: 3, estimatedLevel: 'A1' });
    expect(recountStats(withWordState(text, 'w-opbellen', 'known'), { estimatedLevel: 'A1' })).toEqual({ tokens: 10, known: 7, knownPercent: 70, newWords: 2, estimatedLevel: 'A1' });
    expect(recountStats(withWordState(text, 'w-moeder', 'new'), { estimatedLevel: null })).toMatchObject({ known: 5, newWords: 4, estimatedLevel: null });
  });
});
