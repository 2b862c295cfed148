import { Command } from '@nestjs/cqrs';

/** A word saved while reading (the payload of `reader.wordSaved`). */
export interface ReaderWord {
  userId: string;
  savedId: string;
  lemma: string;
  translation: string | null;
  article: 'de' | 'het' | null;
  context: string | null;
  textId: string;
  wordId: string | null;
  at: string;
}

/** Adds a word the student saved while reading; the result says whether a card was added now. */
export class AddReaderWordCommand extends Command<boolean> {
  constructor(
    readonly word: ReaderWord,
    /** The id of the event that carried the save. */
    readonly causationId: string,
  ) {
    super();
  }
}
