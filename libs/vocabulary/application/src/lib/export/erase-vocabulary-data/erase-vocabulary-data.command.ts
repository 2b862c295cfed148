import { Command } from '@nestjs/cqrs';

/** An account was erased: its thematic and learning cards, reviews and words go. Erasing twice is harmless. */
export class EraseVocabularyDataCommand extends Command<void> {
  constructor(readonly userId: string) {
    super();
  }
}
