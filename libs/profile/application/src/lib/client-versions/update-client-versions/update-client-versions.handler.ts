import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ClientVersions } from '@tall/profile/contracts';
import { CLIENT_VERSION_ENFORCEMENT, type ClientVersionEnforcement } from '../../ports/client-version-enforcement.port';
import { CLOCK, type Clock } from '../../ports/credentials.port';
import { DEFAULT_CLIENT_VERSIONS } from '../../ports/profile-settings.port';
import { PROFILE_STORE, type ProfileStore } from '../../ports/profile-store.port';
import { UpdateClientVersionsCommand } from './update-client-versions.command';

/** Applies on this instance at once; the others follow when they next re-read the store. */
@CommandHandler(UpdateClientVersionsCommand)
export class UpdateClientVersionsHandler implements ICommandHandler<UpdateClientVersionsCommand> {
  constructor(
    @Inject(PROFILE_STORE) private readonly store: ProfileStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DEFAULT_CLIENT_VERSIONS) private readonly defaults: ClientVersions,
    @Inject(CLIENT_VERSION_ENFORCEMENT) private readonly enforcement: ClientVersionEnforcement,
  ) {}

  async execute({ changes }: UpdateClientVersionsCommand): Promise<ClientVersions> {
    await this.store.transaction((tx) => tx.clientVersions.store(changes, this.clock.now()));
    const updated = { ...this.defaults, ...(await this.store.read((tx) => tx.clientVersions.stored())) };
    this.enforcement.enforce(updated);
    return updated;
  }
}
