import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { PG_POOL } from '@tall/platform/database';
import { EventRouting, EventsRegistrar } from '@tall/platform/events';
import { HealthRegistry, LOGGER, type Logger } from '@tall/platform/observability';
import { RpcRegistry } from '@tall/platform/rpc';
import { dayOf } from '@tall/platform/calendar';
import { ScheduledJobs } from '@tall/platform/scheduling';
import { PiiTopics } from '@tall/pii/contracts';
import { BootstrapAdminCommand, PASSWORD_HASHER } from '@tall/profile/application';
import { ProfileError } from '@tall/profile/domain';
import { Argon2PasswordHasher } from './credentials/argon2-password-hasher';
import { emailIndexChangedHandler } from './events/email-index-changed.handler';
import { runProfileHousekeeping } from './housekeeping/profile-housekeeping';
import { PROFILE_SCHEMA } from './persistence/profile-entities';
import { PROFILE_DATA_SOURCE, PROFILE_MODULE_OPTIONS, type ProfileModuleOptions } from './profile-tokens';
import { provideProfileCalls } from './rpc/profile-calls.provider';

export const PROFILE_HOUSEKEEPING_JOB = 'profile-housekeeping';
const TIME_ZONE = 'Europe/Amsterdam';

/** Wires profile into the platform: outbox, event handler, calls it provides, the daily clean-up, the first admin. */
@Injectable()
export class ProfileLifecycle implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private bootstrapRetry: NodeJS.Timeout | undefined;
  private adminReady = false;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(PROFILE_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PROFILE_MODULE_OPTIONS) private readonly options: ProfileModuleOptions,
    @Inject(PASSWORD_HASHER) private readonly hasher: Argon2PasswordHasher,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly registrar: EventsRegistrar,
    private readonly routing: EventRouting,
    private readonly jobs: ScheduledJobs,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly health: HealthRegistry,
    @Optional() private readonly rpc?: RpcRegistry,
  ) {}

  onModuleInit(): void {
    this.registrar.registerPgSource(this.pool, PROFILE_SCHEMA);
    if (this.options.admin) {
      // Told to create the first TECH_ADMIN: not ready until it exists (pii may still be loading its keys).
      this.health.register({
        name: 'admin-bootstrap',
        check: async () => {
          if (!this.adminReady) throw new Error('the first TECH_ADMIN (ADMIN_EMAIL) is not created yet');
        },
      });
    }
    if (this.routing.publisherOf(PiiTopics.events)) {
      this.registrar.registerHandler('profile', emailIndexChangedHandler(this.commands, this.logger.child({ component: 'profile' })));
    } else {
      this.logger.warn({ topic: PiiTopics.events }, 'no module publishes pii events: email changes will not reach sign-in');
    }
    if (this.rpc) {
      provideProfileCalls(this.rpc, { commands: this.commands, queries: this.queries });
    }
    this.jobs.register({
      name: PROFILE_HOUSEKEEPING_JOB,
      cron: '30 4 * * *',
      timeZone: TIME_ZONE,
      period: (date) => dayOf(date, TIME_ZONE),
      run: async () => {
        const removed = await runProfileHousekeeping(this.dataSource);
        this.logger.info({ removed }, 'profile housekeeping done');
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.hasher.warmUp();
    if (this.options.admin) await this.createFirstAdmin(this.options.admin, 1);
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.bootstrapRetry);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  /** Once: an existing account with that email is left as it is. pii in another process may not be up yet: retried. */
  private async createFirstAdmin(admin: { email: string; password: string }, attempt: number): Promise<void> {
    try {
      const result = await this.commands.execute(new BootstrapAdminCommand(admin));
      this.adminReady = true;
      this.logger.info({ userId: result.userId, outcome: result.outcome }, 'first TECH_ADMIN from ADMIN_EMAIL');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // A password the rules refuse will not get better by waiting: refuse to start, naming the variable.
      const refused = error instanceof ProfileError && error.code.startsWith('PASSWORD_');
      if (refused && attempt === 1) throw new Error(`ADMIN_PASSWORD: ${message}`);
      if (refused || attempt >= 120) {
        this.logger.error({ err: message }, 'could not create the first TECH_ADMIN from ADMIN_EMAIL; giving up');
        return;
      }
      this.logger.warn({ attempt, err: message }, 'could not create the first TECH_ADMIN yet; retrying');
      this.bootstrapRetry = setTimeout(() => void this.createFirstAdmin(admin, attempt + 1), Math.min(2_000, 100 * 2 ** attempt));
      this.bootstrapRetry.unref();
    }
  }
}
