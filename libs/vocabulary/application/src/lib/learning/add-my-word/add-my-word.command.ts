import { Command } from '@nestjs/cqrs';
import type { AddMyWordBody, MyWord } from '@tall/vocabulary/contracts';

/** A word the student adds: from the dictionary (`wordId`), or their own. */
export class AddMyWordCommand extends Command<MyWord> {
  constructor(
    readonly userId: string,
    readonly word: AddMyWordBody,
  ) {
    super();
  }
}
