import { Command } from '@nestjs/cqrs';
import type { ReaderText } from '@tall/reader/contracts';

/** A student opens a text: the text with their word states, and `text.opened` once per reading session. */
export class OpenTextCommand extends Command<ReaderText> {
  constructor(
    readonly userId: string,
    readonly textId: string,
    /** The language of the glosses' translations. */
    readonly language: string,
  ) {
    super();
  }
}
