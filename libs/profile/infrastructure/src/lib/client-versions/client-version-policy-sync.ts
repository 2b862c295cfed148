import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CLIENT_PLATFORMS, CLIENT_VERSION_POLICY, StaticClientVersionPolicy, type ClientVersionPolicy } from '@tall/platform/http';
import { LOGGER, type Logger } from '@tall/platform/observability';
import { GetClientVersionsQuery, type ClientVersionEnforcement } from '@tall/profile/application';
import type { ClientVersions } from '@tall/profile/contracts';

/** How often every instance re-reads the stored minimums: a change made through another instance applies within this. */
export const CLIENT_VERSION_REFRESH_MS = 10_000;

/**
 * Feeds the 426 check from profile's stored minimums: loaded at start, re-read every few
 * seconds (so all instances follow a change), and applied at once on the instance that made it
 * (as the application's `ClientVersionEnforcement`).
 */
@Injectable()
export class ClientVersionPolicySync implements ClientVersionEnforcement, OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly queries: QueryBus,
    @Inject(CLIENT_VERSION_POLICY) private readonly policy: ClientVersionPolicy,
    @Optional() @Inject(LOGGER) private readonly logger?: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), CLIENT_VERSION_REFRESH_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  enforce(versions: ClientVersions): void {
    if (!(this.policy instanceof StaticClientVersionPolicy)) return;
    for (const platform of CLIENT_PLATFORMS) this.policy.set(platform, versions[platform]);
  }

  private async refresh(): Promise<void> {
    try {
      this.enforce(await this.queries.execute(new GetClientVersionsQuery()));
    } catch (error) {
      // The last known minimums stay in force while PostgreSQL is away.
      this.logger?.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not refresh client version minimums');
    }
  }
}
