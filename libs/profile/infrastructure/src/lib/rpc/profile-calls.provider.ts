import type { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { RpcRegistry } from '@tall/platform/rpc';
import { ExportProfileDataQuery, GetClientVersionsQuery, GetSessionStatusQuery } from '@tall/profile/application';
import { ExportProfileData, GetClientVersions, GetSessionStatus } from '@tall/profile/contracts';
import { ProfileErrorMapper } from '../http/profile-error.mapper';

export interface ProfileCallHandlers {
  commands: CommandBus;
  queries: QueryBus;
}

/** What profile answers other contexts; refusals travel as the same error envelope as over HTTP. */
export function provideProfileCalls(registry: RpcRegistry, { queries }: ProfileCallHandlers): void {
  registry.provide(GetClientVersions, () => mapped(() => queries.execute(new GetClientVersionsQuery())));
  registry.provide(ExportProfileData, (input) => mapped(() => queries.execute(new ExportProfileDataQuery(input.userId))));
  registry.provide(GetSessionStatus, (input) => mapped(async () => ({ session: await queries.execute(new GetSessionStatusQuery(input.sessionId)) })));
}

async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw ProfileErrorMapper.toApiError(error);
  }
}
