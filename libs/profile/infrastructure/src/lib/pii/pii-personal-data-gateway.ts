import { ErasePersonalData, GetDisplayNames, RECORD_USER_ROLES_MAX_BATCH, RecordUserRoles, StorePersonalData, type PiiPurpose } from '@tall/pii/contracts';
import type { RpcClient } from '@tall/platform/rpc';
import type { AccountRole, DisplayName, PersonalData, PersonalDataGateway } from '@tall/profile/application';
import { PROFILE_MODULE } from '@tall/profile/contracts';

/**
 * The pii context through its call contracts: in-process or an authenticated call, the rpc lib
 * decides. profile calls pii, never the other way round (ADR 9).
 */
export class PiiPersonalDataGateway implements PersonalDataGateway {
  constructor(private readonly rpc: RpcClient) {}

  async store(userId: string, data: PersonalData): Promise<void> {
    await this.rpc.call(StorePersonalData, {
      userId,
      firstName: data.firstName,
      lastName: data.lastName,
      email: data.email,
      ...(data.birthDate ? { birthDate: data.birthDate } : {}),
      ...(data.locale ? { locale: data.locale } : {}),
    }, { caller: PROFILE_MODULE.name });
  }

  async displayNames(userIds: readonly string[], purpose: string): Promise<Map<string, DisplayName>> {
    // For the signed-in admin of the current request: pii applies that reader's rights and logs the read.
    const { names } = await this.rpc.call(GetDisplayNames, { userIds: [...userIds], purpose: purpose as PiiPurpose }, { caller: PROFILE_MODULE.name });
    return new Map(names.map((name) => [name.userId, { firstName: name.firstName, lastName: name.lastName }]));
  }

  async erase(userId: string): Promise<void> {
    // For the signed-in user of the current request: pii erases only a user's own data this way.
    await this.rpc.call(ErasePersonalData, { userId }, { caller: PROFILE_MODULE.name });
  }

  async recordRoles(accounts: readonly AccountRole[]): Promise<number> {
    let recorded = 0;
    for (let start = 0; start < accounts.length; start += RECORD_USER_ROLES_MAX_BATCH) {
      const users = accounts.slice(start, start + RECORD_USER_ROLES_MAX_BATCH).map(({ userId, role }) => ({ userId, role }));
      // The system's own doing, never a user's: pii accepts roles only from profile without a principal.
      recorded += (await this.rpc.call(RecordUserRoles, { users }, { principal: null, caller: PROFILE_MODULE.name })).recorded;
    }
    return recorded;
  }
}
