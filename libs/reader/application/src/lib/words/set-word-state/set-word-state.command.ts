import { Command } from '@nestjs/cqrs';
import type { WordStateBody } from '@tall/reader/contracts';

/** The student marks a word new, learning, known or ignored: in every text, from now on. */
export class SetWordStateCommand extends Command<{ key: string; state: WordStateBody['state'] }> {
  constructor(
    readonly userId: string,
    readonly body: WordStateBody,
  ) {
    super();
  }
}
