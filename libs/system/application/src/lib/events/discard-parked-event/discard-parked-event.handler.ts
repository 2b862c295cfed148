import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ParkedEventDiscard } from '@tall/system/contracts';
import { PARKED_EVENTS, type ParkedEvents } from '../../ports/parked-events.port';
import { SystemError } from '../../system-error';
import { DiscardParkedEventCommand } from './discard-parked-event.command';

@CommandHandler(DiscardParkedEventCommand)
export class DiscardParkedEventHandler implements ICommandHandler<DiscardParkedEventCommand> {
  constructor(@Inject(PARKED_EVENTS) private readonly parked: ParkedEvents) {}

  async execute({ id }: DiscardParkedEventCommand): Promise<ParkedEventDiscard> {
    const outcome = await this.parked.discard(id);
    if (outcome === 'not-found') throw new SystemError('PARKED_EVENT_NOT_FOUND', 'Parked event not found');
    return outcome;
  }
}
