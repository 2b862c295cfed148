import { Command } from '@nestjs/cqrs';

/** Removes a word from the student's dictionary: its lemma, translation, note and sentence go at once. */
export class RemoveMyWordCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly userWordId: string,
  ) {
    super();
  }
}
