import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ClientVersions } from '@tall/profile/contracts';
import { DEFAULT_CLIENT_VERSIONS } from '../../ports/profile-settings.port';
import { PROFILE_STORE, type ProfileStore } from '../../ports/profile-store.port';
import { GetClientVersionsQuery } from './get-client-versions.query';

@QueryHandler(GetClientVersionsQuery)
export class GetClientVersionsHandler implements IQueryHandler<GetClientVersionsQuery> {
  constructor(
    @Inject(PROFILE_STORE) private readonly store: ProfileStore,
    @Inject(DEFAULT_CLIENT_VERSIONS) private readonly defaults: ClientVersions,
  ) {}

  async execute(): Promise<ClientVersions> {
    const stored = await this.store.read((tx) => tx.clientVersions.stored());
    return { ...this.defaults, ...stored };
  }
}
