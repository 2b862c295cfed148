import { Module } from '@nestjs/common';
import { PARKED_EVENTS, SCHEDULED_JOB_RUNS, SYSTEM_RECORDS, systemCommandHandlers, systemQueryHandlers } from '@tall/system/application';
import { PlatformParkedEvents } from './events/platform-parked-events';
import { SystemErrorMapper } from './http/system-error.mapper';
import { SystemController } from './http/system.controller';
import { PgSystemRecords } from './persistence/pg-system-records';
import { PlatformJobRuns } from './scheduling/platform-job-runs';
import { SystemLifecycle } from './system-lifecycle';

/** The system context: instance announcements, the weekly job and parked events. Platform modules (the buses of UseCasesModule included) are global. */
@Module({
  controllers: [SystemController],
  providers: [
    ...systemCommandHandlers,
    ...systemQueryHandlers,
    { provide: SYSTEM_RECORDS, useClass: PgSystemRecords },
    { provide: SCHEDULED_JOB_RUNS, useClass: PlatformJobRuns },
    { provide: PARKED_EVENTS, useClass: PlatformParkedEvents },
    SystemErrorMapper,
    SystemLifecycle,
  ],
})
export class SystemModule {}
