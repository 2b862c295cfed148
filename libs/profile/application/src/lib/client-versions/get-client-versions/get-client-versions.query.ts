import { Query } from '@nestjs/cqrs';
import type { ClientVersions } from '@tall/profile/contracts';

/** The minimum supported client version per platform: the stored ones over the configured defaults. */
export class GetClientVersionsQuery extends Query<ClientVersions> {}
