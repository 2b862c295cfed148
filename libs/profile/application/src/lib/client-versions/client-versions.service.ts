import { Inject, Injectable } from '@nestjs/common';
import type { ClientVersions } from '@tall/profile/contracts';
import { CLOCK, type Clock } from '../ports/credentials.port';
import { PROFILE_STORE, type ProfileStore } from '../ports/profile-store.port';

/** Defaults from configuration (MIN_CLIENT_VERSION_*), overridden per platform once a TECH_ADMIN sets one. */
export const DEFAULT_CLIENT_VERSIONS = Symbol('DEFAULT_CLIENT_VERSIONS');

@Injectable()
export class ClientVersionsService {
  constructor(
    @Inject(PROFILE_STORE) private readonly store: ProfileStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DEFAULT_CLIENT_VERSIONS) private readonly defaults: ClientVersions,
  ) {}

  async current(): Promise<ClientVersions> {
    const stored = await this.store.read((tx) => tx.clientVersions.stored());
    return { ...this.defaults, ...stored };
  }

  async update(changes: Partial<ClientVersions>): Promise<ClientVersions> {
    await this.store.transaction((tx) => tx.clientVersions.store(changes, this.clock.now()));
    return this.current();
  }
}
