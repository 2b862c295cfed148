import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import type { Pool } from 'pg';
import { APP_INFO, type AppInfo } from '@tall/platform/config';
import { migrateSchema, PG_POOL } from '@tall/platform/database';
import { EventsRegistrar } from '@tall/platform/events';
import { isoWeekOf } from '@tall/platform/calendar';
import { ScheduledJobs, type JobTrigger } from '@tall/platform/scheduling';
import { SYSTEM_MODULE } from '@tall/system/contracts';
import { SystemEventsService, type WeeklyTrigger } from './system-events.service';
import { SYSTEM_SCHEMA, systemMigrations } from './system-migrations';

export const WEEKLY_COHORTS_JOB = 'weekly-cohorts';
const TIME_ZONE = 'Europe/Amsterdam';

const TRIGGERS: Record<JobTrigger, WeeklyTrigger> = { schedule: 'schedule', startup: 'catch-up', manual: 'manual' };

@Injectable()
export class SystemLifecycle implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_INFO) private readonly app: AppInfo,
    private readonly registrar: EventsRegistrar,
    private readonly jobs: ScheduledJobs,
    private readonly events: SystemEventsService,
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
        await this.events.announceWeek(WEEKLY_COHORTS_JOB, periodKey, TRIGGERS[trigger]);
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.events.recordStart(this.app.instanceId, this.app.hostedModules, this.app.version);
  }
}

export { SYSTEM_MODULE };
