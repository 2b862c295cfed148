import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ParkedEventReplay } from '@tall/system/contracts';
import { PARKED_EVENTS, type ParkedEvents } from '../../ports/parked-events.port';
import { SystemError } from '../../system-error';
import { ReplayParkedEventCommand } from './replay-parked-event.command';

@CommandHandler(ReplayParkedEventCommand)
export class ReplayParkedEventHandler implements ICommandHandler<ReplayParkedEventCommand> {
  constructor(@Inject(PARKED_EVENTS) private readonly parked: ParkedEvents) {}

  async execute({ id }: ReplayParkedEventCommand): Promise<ParkedEventReplay> {
    const outcome = await this.parked.replay(id);
    if (outcome === 'not-found') throw new SystemError('PARKED_EVENT_NOT_FOUND', 'Parked event not found');
    if (outcome === 'not-hosted') {
      throw new SystemError('CONSUMER_NOT_HOSTED', 'The consumer of this event runs in another deployment; replay it there');
    }
    return outcome;
  }
}
