import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createEvent } from '@tall/platform/event-contracts';
import { RequestContext } from '@tall/platform/observability';
import { SystemStarted } from '@tall/system/contracts';
import { SYSTEM_RECORDS, type SystemRecords } from '../../ports/system-records.port';
import { RecordInstanceStartCommand } from './record-instance-start.command';

@CommandHandler(RecordInstanceStartCommand)
export class RecordInstanceStartHandler implements ICommandHandler<RecordInstanceStartCommand> {
  constructor(@Inject(SYSTEM_RECORDS) private readonly records: SystemRecords) {}

  async execute({ instanceId, modules, appVersion }: RecordInstanceStartCommand): Promise<void> {
    const startedAt = new Date();
    const event = createEvent(
      SystemStarted,
      { instanceId, modules, appVersion, startedAt: startedAt.toISOString() },
      { key: instanceId, correlationId: RequestContext.correlationId() },
    );
    await this.records.recordStart({ instanceId, modules, appVersion, startedAt }, event);
  }
}
