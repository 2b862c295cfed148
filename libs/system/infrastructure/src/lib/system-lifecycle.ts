import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { exportUserDataCall } from '@tall/platform/call-contracts';
import { APP_INFO, type AppInfo } from '@tall/platform/config';
import { migrateSchema, PG_POOL } from '@tall/platform/database';
import { EventsRegistrar } from '@tall/platform/events';
import { isoWeekOf } from '@tall/platform/calendar';
import { RpcRegistry } from '@tall/platform/rpc';
import { ScheduledJobs, type JobTrigger } from '@tall/platform/scheduling';
import { AnnounceWeekCommand, ExportSystemDataQuery, RecordInstanceStartCommand, WEEKLY_COHORTS_JOB, type WeeklyTrigger } from '@tall/system/application';
import { SYSTEM_MODULE } from '@tall/system/contracts';
import { SYSTEM_SCHEMA, systemMigrations } from './persistence/system-migrations';

const TIME_ZONE = 'Europe/Amsterdam';

const TRIGGERS: Record<JobTrigger, WeeklyTrigger> = { schedule: 'schedule', startup: 'catch-up', manual: 'manual' };

@Injectable()
export class SystemLifecycle implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_INFO) private readonly app: AppInfo,
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(EventsRegistrar) private readonly registrar: EventsRegistrar,
    @Inject(ScheduledJobs) private readonly jobs: ScheduledJobs,
    @Inject(RpcRegistry) private readonly rpc: RpcRegistry,
  ) {}

  async onModuleInit(): Promise<void> {
    await migrateSchema(this.pool, SYSTEM_SCHEMA, systemMigrations);
    this.registrar.registerPgSource(this.pool, SYSTEM_SCHEMA);
    // Mondays 03:00 Amsterdam time; contexts with weekly work (cohort rotation) react to the event.
    this.jobs.register({
      name: WEEKLY_COHORTS_JOB,
      cron: '0 3 * * 1',
      timeZone: TIME_ZONE,
      period: (date) => isoWeekOf(date, TIME_ZONE),
      run: async ({ periodKey, trigger }) => {
        await this.commands.execute(new AnnounceWeekCommand(WEEKLY_COHORTS_JOB, periodKey, TRIGGERS[trigger]));
      },
    });
    this.rpc.provide(exportUserDataCall(SYSTEM_MODULE.name), ({ userId }) => this.queries.execute(new ExportSystemDataQuery(userId)));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.commands.execute(new RecordInstanceStartCommand(this.app.instanceId, this.app.hostedModules, this.app.version));
  }
}
