import type { ReaderParagraph, ReaderToken } from '@tall/client/reader/data-access';
import { togetherText } from './reader.page';
import { buildTextView, groupOf } from './reader-view';

const word = (text: string, extra: Partial<ReaderToken> = {}): ReaderToken => ({ text, kind: 'word', ...extra });
const gap = (text = ' '): ReaderToken => ({ text, kind: text.trim() ? 'punctuation' : 'space' });

const paragraphs: ReaderParagraph[] = [
  { heading: true, sentences: [{ tokens: [word('Bellen')] }] },
  {
    sentences: [
      { tokens: [word('Ik'), gap(), word('bel', { wordId: 'w-op', group: 4 }), gap(), word('haar', { state: 'known' }), gap(), word('op', { wordId: 'w-op', group: 4 }), gap('.')] },
      { tokens: [gap(), { text: '12', kind: 'number' }, gap(), word('In', { group: 5 }), gap(), word('plaats', { group: 5 }), gap(), word('van', { group: 5 }), gap('!')] },
    ],
  },
];

describe('the text as the reader draws it', () => {
  const view = buildTextView(paragraphs);

  it('numbers the words through the whole text and keeps the text between them as it was', () => {
    expect(view.words.map((word) => `${word.index}:${word.text}`)).toEqual(['0:Bellen', '1:Ik', '2:bel', '3:haar', '4:op', '5:In', '6:plaats', '7:van']);
    const second = view.paragraphs[1].sentences[1];
    expect(second.pieces.map((piece) => piece.text).join('')).toBe(' 12 In plaats van!');
    // Numbers, spaces and punctuation between two words make one piece.
    expect(second.pieces[0]).toEqual({ text: ' 12 ', word: null });
  });

  it('knows each word’s place, state, gloss and group', () => {
    expect(view.words[2]).toMatchObject({ paragraph: 1, sentence: 0, tokenIndex: 2, state: 'new', key: 'w-op', glossKey: 'w-op', group: 4 });
    expect(view.words[3]).toMatchObject({ state: 'known', key: 'word:haar', glossKey: null, group: null });
  });

  it('marks headings and where each paragraph and sentence starts', () => {
    expect(view.paragraphs.map((paragraph) => [paragraph.heading, paragraph.firstWord])).toEqual([
      [true, 0],
      [false, 1],
    ]);
    expect(view.paragraphs[1].sentences.map((sentence) => sentence.firstWord)).toEqual([1, 5]);
  });

  it('puts a separable verb together with an ellipsis, and a fixed phrase as it stands', () => {
    expect(togetherText(groupOf(view, view.words[4]))).toBe('bel … op');
    expect(togetherText(groupOf(view, view.words[6]))).toBe('In plaats van');
    expect(togetherText(groupOf(view, view.words[3]))).toBe('haar');
  });
});
