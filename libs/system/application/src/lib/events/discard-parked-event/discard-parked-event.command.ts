import { Command } from '@nestjs/cqrs';
import type { ParkedEventDiscard } from '@tall/system/contracts';

/** Drops a parked event for good; the others of its key stay parked until replayed. */
export class DiscardParkedEventCommand extends Command<ParkedEventDiscard> {
  constructor(readonly id: string) {
    super();
  }
}
