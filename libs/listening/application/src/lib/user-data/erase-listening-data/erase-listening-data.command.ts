import { Command } from '@nestjs/cqrs';

/** A user was erased: their positions, answers and devices (with the devices' content keys) go. */
export class EraseListeningDataCommand extends Command<void> {
  constructor(readonly userId: string) {
    super();
  }
}
