import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createEvent } from '@tall/platform/event-contracts';
import { RequestContext } from '@tall/platform/observability';
import { WeeklyCronTriggered } from '@tall/system/contracts';
import { SYSTEM_RECORDS, type SystemRecords } from '../../ports/system-records.port';
import { AnnounceWeekCommand } from './announce-week.command';

/**
 * Idempotent per (job, week): a second announcement of the same week — a retry, a forced manual
 * run — publishes nothing new, so consumers see one event.
 */
@CommandHandler(AnnounceWeekCommand)
export class AnnounceWeekHandler implements ICommandHandler<AnnounceWeekCommand> {
  constructor(@Inject(SYSTEM_RECORDS) private readonly records: SystemRecords) {}

  execute({ job, periodKey, trigger, actorId }: AnnounceWeekCommand): Promise<boolean> {
    const triggeredAt = new Date();
    const event = createEvent(
      WeeklyCronTriggered,
      { job, periodKey, trigger, triggeredAt: triggeredAt.toISOString() },
      { key: `${job}:${periodKey}`, correlationId: RequestContext.correlationId(), actorId: actorId ?? null },
    );
    return this.records.recordWeeklyTrigger({ job, periodKey, trigger, triggeredAt }, event);
  }
}
