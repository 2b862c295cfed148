import { Command } from '@nestjs/cqrs';
import type { ParkedEventReplay } from '@tall/system/contracts';

/** Runs the parked events of this one's consumer and key again, oldest first. */
export class ReplayParkedEventCommand extends Command<ParkedEventReplay> {
  constructor(readonly id: string) {
    super();
  }
}
