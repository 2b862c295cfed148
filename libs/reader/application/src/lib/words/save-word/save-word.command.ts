import { Command } from '@nestjs/cqrs';
import type { SavedWord, SaveWordBody } from '@tall/reader/contracts';

/** "Save to my learning cards": the word, with the sentence it was met in, becomes a learning card (`reader.word.saved`). */
export class SaveWordCommand extends Command<{ word: SavedWord; created: boolean }> {
  constructor(
    readonly userId: string,
    readonly textId: string,
    readonly body: SaveWordBody,
  ) {
    super();
  }
}
