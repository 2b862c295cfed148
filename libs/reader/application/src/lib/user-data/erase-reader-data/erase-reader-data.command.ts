import { Command } from '@nestjs/cqrs';

/** A user was erased: their own texts and all their reading data go. */
export class EraseReaderDataCommand extends Command<void> {
  constructor(readonly userId: string) {
    super();
  }
}
