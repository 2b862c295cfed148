import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Pool } from 'pg';
import { SessionStatusCache } from '@tall/platform/auth';
import { PG_POOL } from '@tall/platform/database';
import { EventsRegistrar } from '@tall/platform/events';
import { LOGGER, type Logger } from '@tall/platform/observability';
import { sessionChangesHandler } from '../events/session-changes.handler';
import { PROFILE_MODULE_OPTIONS, type ProfileModuleOptions } from '../profile-tokens';
import { SessionInvalidationFeed } from './session-invalidation-feed';

/**
 * In a process hosting profile: profile's events (a session ended, a role or status changed)
 * invalidate the access-token check's cache here and, through PostgreSQL, on every other
 * instance hosting profile; so the cache may keep answers for minutes. Processes without
 * profile keep them a few seconds instead (the cache's default).
 */
@Injectable()
export class SessionCacheSync implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly feed: SessionInvalidationFeed | undefined;

  constructor(
    private readonly registrar: EventsRegistrar,
    // The pool the relay drains profile's outbox with: when the relay can hand an event over, it can notify too.
    @Inject(PG_POOL) pool: Pool,
    @Inject(PROFILE_MODULE_OPTIONS) options: ProfileModuleOptions,
    @Inject(LOGGER) logger: Logger,
    /** Absent where AuthModule does not check sessions (tests with made-up principals). */
    @Optional() cache?: SessionStatusCache,
  ) {
    this.feed = cache
      ? new SessionInvalidationFeed(cache, {
          databaseUrl: options.databaseUrl,
          notify: (channel, payload) => pool.query('SELECT pg_notify($1, $2)', [channel, payload]),
          logger: logger.child({ component: 'session-cache' }),
        })
      : undefined;
  }

  onModuleInit(): void {
    const feed = this.feed;
    if (feed) this.registrar.registerHandler('profile', sessionChangesHandler((change) => feed.publish(change)));
  }

  onApplicationBootstrap(): void {
    this.feed?.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.feed?.stop();
  }
}
