import { Module } from '@nestjs/common';
import { SCHEDULED_JOB_RUNS, SYSTEM_RECORDS, systemCommandHandlers, systemQueryHandlers } from '@tall/system/application';
import { SystemErrorMapper } from './http/system-error.mapper';
import { SystemController } from './http/system.controller';
import { PgSystemRecords } from './persistence/pg-system-records';
import { PlatformJobRuns } from './scheduling/platform-job-runs';
import { SystemLifecycle } from './system-lifecycle';

/** The system context: instance announcements and the weekly job. Platform modules (the buses of UseCasesModule included) are global. */
@Module({
  controllers: [SystemController],
  providers: [
    ...systemCommandHandlers,
    ...systemQueryHandlers,
    { provide: SYSTEM_RECORDS, useClass: PgSystemRecords },
    { provide: SCHEDULED_JOB_RUNS, useClass: PlatformJobRuns },
    SystemErrorMapper,
    SystemLifecycle,
  ],
})
export class SystemModule {}
