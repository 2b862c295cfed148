import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PersonalDataErased } from '@tall/pii/contracts';
import { CLOCK, type Clock } from '../../ports/clock.port';
import { PERSONAL_DATA_REPOSITORY, type PersonalDataRepository } from '../../ports/personal-data-repository.port';
import { piiEvent } from '../../pii-events';
import { ShredPersonalDataCommand } from './shred-personal-data.command';

/** Idempotent by the tombstone: a redelivered `user.deleted` finds the user erased and does nothing. */
@CommandHandler(ShredPersonalDataCommand)
export class ShredPersonalDataHandler implements ICommandHandler<ShredPersonalDataCommand> {
  constructor(
    @Inject(PERSONAL_DATA_REPOSITORY) private readonly repository: PersonalDataRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ userId, reason }: ShredPersonalDataCommand): Promise<boolean> {
    const erasedAt = this.clock.now();
    return this.repository.shred({ userId, erasedAt, reason }, [piiEvent(PersonalDataErased, { userId, erasedAt: erasedAt.toISOString() }, userId)]);
  }
}
