import { GetDisplayNames } from '@tall/pii/contracts';
import type { RpcClient } from '@tall/platform/rpc';
import type { DisplayName, DisplayNames } from '@tall/progress/application';
import { PROGRESS_MODULE } from '@tall/progress/contracts';

/**
 * Names from pii's query contract, for the signed-in reader of the request (forwarded by the
 * rpc lib): pii applies that reader's rights — a teacher gets only their linked students' names —
 * and records every read on its access log with the purpose `teaching`.
 */
export class PiiDisplayNames implements DisplayNames {
  constructor(private readonly rpc: RpcClient) {}

  async namesOf(studentIds: readonly string[]): Promise<Map<string, DisplayName>> {
    const { names } = await this.rpc.call(GetDisplayNames, { userIds: [...studentIds], purpose: 'teaching' }, { caller: PROGRESS_MODULE.name });
    return new Map(names.map((name) => [name.userId, { firstName: name.firstName, lastName: name.lastName }]));
  }
}
