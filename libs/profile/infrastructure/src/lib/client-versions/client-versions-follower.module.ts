import { Inject, Injectable, Module, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CLIENT_PLATFORMS, CLIENT_VERSION_POLICY, StaticClientVersionPolicy, type ClientVersionPolicy } from '@tall/platform/http';
import { LOGGER, type Logger } from '@tall/platform/observability';
import { RpcClient } from '@tall/platform/rpc';
import { GetClientVersions, PROFILE_MODULE } from '@tall/profile/contracts';

/** How often a process without profile asks it for the minimums. */
export const CLIENT_VERSION_FOLLOW_MS = 30_000;

@Injectable()
class ClientVersionsFollower implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(CLIENT_VERSION_POLICY) private readonly policy: ClientVersionPolicy,
    @Optional() @Inject(LOGGER) private readonly logger?: Logger,
  ) {}

  onApplicationBootstrap(): void {
    void this.follow();
    this.timer = setInterval(() => void this.follow(), CLIENT_VERSION_FOLLOW_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async follow(): Promise<void> {
    if (!(this.policy instanceof StaticClientVersionPolicy)) return;
    try {
      const versions = await this.rpc.call(GetClientVersions, {}, { principal: null });
      for (const platform of CLIENT_PLATFORMS) this.policy.set(platform, versions[platform]);
    } catch (error) {
      // Until profile answers, the configured minimums (MIN_CLIENT_VERSION_*) stay in force.
      this.logger?.debug({ err: error instanceof Error ? error.message : String(error) }, `client versions not read from ${PROFILE_MODULE.name} yet`);
    }
  }
}

/**
 * For a process that does not host profile: follows the minimum client versions profile stores
 * (through `profile.getClientVersions`), so its 426 check agrees with profile's.
 */
@Module({ providers: [ClientVersionsFollower] })
export class ClientVersionsFollowerModule {}
