import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PROGRESS_PROJECTION, type ProgressProjection } from '../../ports/progress-projection.port';
import { RecordProgressFactCommand } from './record-progress-fact.command';

/**
 * One call of the projection: the fact's effect and the inbox row are written in one transaction
 * there, so a redelivered event changes nothing and a failed one leaves no trace.
 */
@CommandHandler(RecordProgressFactCommand)
export class RecordProgressFactHandler implements ICommandHandler<RecordProgressFactCommand> {
  constructor(@Inject(PROGRESS_PROJECTION) private readonly projection: ProgressProjection) {}

  execute({ event, fact }: RecordProgressFactCommand): Promise<boolean> {
    return this.projection.apply(event, fact);
  }
}
