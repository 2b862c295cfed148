import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { LOGGER } from '@tall/platform/observability';
import type { UserList } from '@tall/profile/contracts';
import { AdministrationPolicy, ProfileError } from '@tall/profile/domain';
import { PERSONAL_DATA_GATEWAY, type PersonalDataGateway } from '../../ports/credentials.port';
import { PROFILE_STORE, type ProfileStore } from '../../ports/profile-store.port';
import { toUserView } from '../user-view';
import { ListUsersQuery } from './list-users.query';

export const DEFAULT_PAGE_SIZE = 50;
/** Why admin screens read names from pii (recorded in pii's access log). */
export const USER_ADMINISTRATION_PURPOSE = 'user-administration';

export interface AdministrationLogger {
  warn(fields: Record<string, unknown>, message: string): void;
}

/** Names come from pii for a stated purpose; when pii cannot answer the list still shows, without names. */
@QueryHandler(ListUsersQuery)
export class ListUsersHandler implements IQueryHandler<ListUsersQuery> {
  constructor(
    @Inject(PROFILE_STORE) private readonly store: ProfileStore,
    @Inject(PERSONAL_DATA_GATEWAY) private readonly personalData: PersonalDataGateway,
    @Inject(LOGGER) private readonly logger: AdministrationLogger,
  ) {}

  async execute({ actor, filter }: ListUsersQuery): Promise<UserList> {
    const listable = AdministrationPolicy.listableRoles(actor);
    if (filter.role && !listable.includes(filter.role)) throw new ProfileError('FORBIDDEN', `Your role may not list ${filter.role} accounts`);
    const page = filter.page ?? 1;
    const pageSize = filter.pageSize ?? DEFAULT_PAGE_SIZE;
    const { items, total } = await this.store.read((tx) => tx.users.list({ roles: filter.role ? [filter.role] : listable, page, pageSize }));
    let names = new Map<string, { firstName: string; lastName: string }>();
    if (items.length > 0) {
      try {
        names = await this.personalData.displayNames(
          items.map((user) => user.id),
          USER_ADMINISTRATION_PURPOSE,
        );
      } catch (error) {
        this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'names unavailable for the user list');
      }
    }
    return {
      items: items.map((user) => ({ ...toUserView(user), firstName: names.get(user.id)?.firstName ?? null, lastName: names.get(user.id)?.lastName ?? null })),
      page,
      pageSize,
      total,
    };
  }
}
