import { Command } from '@nestjs/cqrs';

/** Deletes a user's cards, reviews and weekly sets, leaving a tombstone so late reader events bring no word back. */
export class EraseLearningDataCommand extends Command<void> {
  constructor(readonly userId: string) {
    super();
  }
}
