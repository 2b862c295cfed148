import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Logger } from 'pino';
import type { Pool } from 'pg';
import { migrateSchema, PG_POOL } from '@tall/platform/database';
import { EventRouting, EventsRegistrar, type EventHandler } from '@tall/platform/events';
import { HealthRegistry, LOGGER } from '@tall/platform/observability';
import { dayOf } from '@tall/platform/calendar';
import { ScheduledJobs } from '@tall/platform/scheduling';
import { SweepMasterKeyCommand } from '@tall/pii/application';
import { PII_MODULE } from '@tall/pii/contracts';
import { TeacherLinksHandler, UserDeletedHandler, UserRolesHandler } from './events/pii-event-handlers';
import { MasterKeyRing } from './keys/master-key-ring';
import { SecretEmailIndexer } from './keys/secret-email-indexer';
import { PII_SCHEMA, piiMigrations } from './persistence/pii-migrations';

export const KEY_ROTATION_JOB = 'pii-master-key-rotation';
const TIME_ZONE = 'Europe/Amsterdam';
const KEY_WAIT_AT_START_MS = 5_000;

@Injectable()
export class PiiLifecycle implements OnModuleInit, OnApplicationShutdown {
  private stopped = false;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EventsRegistrar) private readonly registrar: EventsRegistrar,
    @Inject(EventRouting) private readonly routing: EventRouting,
    @Inject(ScheduledJobs) private readonly jobs: ScheduledJobs,
    @Inject(HealthRegistry) private readonly health: HealthRegistry,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(MasterKeyRing) private readonly masterKeys: MasterKeyRing,
    @Inject(SecretEmailIndexer) private readonly emailIndexer: SecretEmailIndexer,
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(UserDeletedHandler) private readonly userDeleted: UserDeletedHandler,
    @Inject(TeacherLinksHandler) private readonly teacherLinks: TeacherLinksHandler,
    @Inject(UserRolesHandler) private readonly userRoles: UserRolesHandler,
  ) {}

  async onModuleInit(): Promise<void> {
    await migrateSchema(this.pool, PII_SCHEMA, piiMigrations);
    // Usually the keys are there before other contexts' start-up work needs them (the first
    // admin's personal data). When Secrets Manager does not answer, loading goes on in the
    // background: the app listens (liveness) but is not ready until the keys are held.
    const loading = this.loadKeys();
    await Promise.race([loading, new Promise((resolve) => setTimeout(resolve, KEY_WAIT_AT_START_MS).unref())]);
    this.registrar.registerPgSource(this.pool, PII_SCHEMA);
    for (const handler of [this.userDeleted, this.teacherLinks, this.userRoles]) this.subscribe(handler);
    // Not ready without the keys: readiness fails until both are held in memory.
    this.health.register({
      name: 'pii-keys',
      check: async () => {
        if (!this.masterKeys.ready || !this.emailIndexer.ready) throw new Error('the personal-data keys are not loaded from Secrets Manager');
      },
    });
    // Checked daily; rotates when the current master key version is 90 days old, and finishes
    // any re-wrap left over.
    this.jobs.register({
      name: KEY_ROTATION_JOB,
      cron: '30 4 * * *',
      timeZone: TIME_ZONE,
      period: (date) => dayOf(date, TIME_ZONE),
      run: async () => {
        if (!this.masterKeys.ready) throw new Error('The master key is not loaded from Secrets Manager');
        const result = await this.commands.execute(new SweepMasterKeyCommand());
        if (result) this.logger.info({ ...result }, 'master key rotation check done');
      },
    });
  }

  onApplicationShutdown(): void {
    this.stopped = true;
  }

  /** Profile's topics exist only in a build that has the profile context; without it nothing arrives. */
  private subscribe(handler: EventHandler): void {
    const unpublished = handler.topics.filter((topic) => !this.routing.publisherOf(topic));
    if (unpublished.length > 0) {
      this.logger.warn({ handler: handler.name, topics: unpublished }, 'no module of this build publishes these topics: handler not subscribed');
      return;
    }
    this.registrar.registerHandler(PII_MODULE.name, handler);
  }

  private async loadKeys(): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        if (!this.masterKeys.ready) await this.masterKeys.load();
        if (!this.emailIndexer.ready) await this.emailIndexer.load();
        if (attempt > 1) this.logger.info({ attempt }, 'personal-data keys loaded');
        return;
      } catch (error) {
        this.logger.warn({ attempt, err: error instanceof Error ? error.message : String(error) }, 'personal-data keys not loaded yet; retrying');
        await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 250 * 2 ** Math.min(attempt, 6))).unref());
      }
    }
  }
}
