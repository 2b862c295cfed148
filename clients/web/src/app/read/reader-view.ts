import { glossKey, stateKey, stateOf, type ReaderParagraph, type ReaderToken, type WordState } from '@tall/client/reader/data-access';

/** A word of the text as the reader shows it: its place, its state and where to find its gloss. */
export interface WordView {
  /** Its place among the text's words (0, 1, …): the keyboard moves by it. */
  index: number;
  text: string;
  token: ReaderToken;
  key: string;
  glossKey: string | null;
  state: WordState;
  group: number | null;
  paragraph: number;
  sentence: number;
  /** Its place among the sentence's tokens. */
  tokenIndex: number;
}

export interface PieceView {
  text: string;
  word: WordView | null;
}

export interface SentenceView {
  index: number;
  pieces: PieceView[];
  /** The first word of the sentence, for moving by sentences. */
  firstWord: number | null;
}

export interface ParagraphView {
  index: number;
  heading: boolean;
  sentences: SentenceView[];
  firstWord: number | null;
}

export interface TextView {
  paragraphs: ParagraphView[];
  words: WordView[];
}

/** The text cut into what the template draws: words (tappable, coloured by state) and the text between them. */
export function buildTextView(paragraphs: ReaderParagraph[]): TextView {
  const words: WordView[] = [];
  const views = paragraphs.map((paragraph, paragraphIndex): ParagraphView => {
    const firstWord = words.length;
    const sentences = paragraph.sentences.map((sentence, sentenceIndex): SentenceView => {
      const sentenceFirst = words.length;
      const pieces: PieceView[] = [];
      sentence.tokens.forEach((token, tokenIndex) => {
        if (token.kind !== 'word') {
          // Runs of text between words become one piece: fewer nodes on a long page.
          const last = pieces.at(-1);
          if (last && !last.word) last.text += token.text;
          else pieces.push({ text: token.text, word: null });
          return;
        }
        const word: WordView = {
          index: words.length,
          text: token.text,
          token,
          key: stateKey(token),
          glossKey: glossKey(token),
          state: stateOf(token),
          group: token.group ?? null,
          paragraph: paragraphIndex,
          sentence: sentenceIndex,
          tokenIndex,
        };
        words.push(word);
        pieces.push({ text: token.text, word });
      });
      return { index: sentenceIndex, pieces, firstWord: words.length > sentenceFirst ? sentenceFirst : null };
    });
    return { index: paragraphIndex, heading: paragraph.heading === true, sentences, firstWord: words.length > firstWord ? firstWord : null };
  });
  return { paragraphs: views, words };
}

/** The words that go with this one (a separable verb and its prefix), in text order. */
export function groupOf(view: TextView, word: WordView): WordView[] {
  if (word.group === null) return [word];
  return view.words.filter((candidate) => candidate.group === word.group);
}
