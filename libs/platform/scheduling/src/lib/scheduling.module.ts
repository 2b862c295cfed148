import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import { ScheduleModule, SchedulerRegistry } from '@nestjs/schedule';
import { migrateSchema, PG_POOL } from '@tall/platform/database';
import { LOGGER, type Logger } from '@tall/platform/observability';
import type { Pool } from 'pg';
import { PgJobRunStore } from './job-runs/pg-job-run-store';
import { PgLeaseStore } from './leases/pg-lease-store';
import { ScheduledJobs, type SchedulerLogger } from './scheduled-jobs';
import { schedulingMigrations } from './scheduling-migration';

export interface SchedulingModuleOptions {
  /** PostgreSQL schema of the leases and job_runs tables; default 'platform'. */
  schema?: string;
  /** False: no timers and no start-up catch-up on this instance (CRON_ENABLED); runNow still works. */
  enabled?: boolean;
  /** Apply the tables' migration at start (idempotent, under an advisory lock); default true. */
  migrate?: boolean;
  holderId?: string;
  leaseTtlMs?: number;
}

const SCHEDULING_OPTIONS = Symbol('SCHEDULING_OPTIONS');

@Injectable()
class SchedulingLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(SCHEDULING_OPTIONS) private readonly options: SchedulingModuleOptions,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly jobs: ScheduledJobs,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.options.migrate !== false) {
      const schema = this.options.schema ?? 'platform';
      await migrateSchema(this.pool, schema, schedulingMigrations(schema));
    }
  }

  // After every module's onModuleInit, where the contexts register their jobs.
  async onApplicationBootstrap(): Promise<void> {
    if (this.options.enabled !== false) await this.jobs.start();
  }

  // Before the database pool closes (DatabaseModule closes it in onApplicationShutdown).
  async beforeApplicationShutdown(): Promise<void> {
    await this.jobs.stop();
  }
}

function schedulerLogger(logger: Logger | undefined): SchedulerLogger | undefined {
  if (!logger) return undefined;
  const log = logger.child({ component: 'scheduler' });
  return {
    info: (message, fields) => log.info(fields ?? {}, message),
    warn: (message, fields) => log.warn(fields ?? {}, message),
    error: (message, fields) => log.error(fields ?? {}, message),
  };
}

/**
 * Provides `ScheduledJobs` on the shared PostgreSQL pool (`PG_POOL` from DatabaseModule), with
 * its timers in @nestjs/schedule's SchedulerRegistry. Contexts inject `ScheduledJobs` and call
 * `register()` in their `onModuleInit`; the jobs start once the application has bootstrapped.
 */
@Module({})
export class SchedulingModule {
  static forRoot(options: SchedulingModuleOptions = {}): DynamicModule {
    return {
      module: SchedulingModule,
      global: true,
      imports: [ScheduleModule.forRoot()],
      providers: [
        { provide: SCHEDULING_OPTIONS, useValue: options },
        {
          provide: ScheduledJobs,
          inject: [PG_POOL, SchedulerRegistry, { token: LOGGER, optional: true }],
          useFactory: (pool: Pool, registry: SchedulerRegistry, logger?: Logger) =>
            new ScheduledJobs({
              leases: new PgLeaseStore(pool, { schema: options.schema }),
              runs: new PgJobRunStore(pool, { schema: options.schema }),
              holderId: options.holderId,
              leaseTtlMs: options.leaseTtlMs,
              logger: schedulerLogger(logger),
              cronRegistry: {
                add: (name, job) => registry.addCronJob(name, job),
                remove: (name) => {
                  if (registry.doesExist('cron', name)) registry.deleteCronJob(name);
                },
              },
            }),
        },
        SchedulingLifecycle,
      ],
      exports: [ScheduledJobs],
    };
  }
}
