import type { RpcRegistry } from '@tall/platform/rpc';
import { PasswordCommands, ProfileDataExport, UserAdministration, type ClientVersionsService } from '@tall/profile/application';
import { DeleteAccount, ExportProfileData, GetClientVersions, VerifyPassword } from '@tall/profile/contracts';
import { toApiError } from '../http/profile-error.mapper';

export interface ProfileCallHandlers {
  passwords: PasswordCommands;
  administration: UserAdministration;
  exports: ProfileDataExport;
  clientVersions: ClientVersionsService;
}

/** What profile answers other contexts; refusals travel as the same error envelope as over HTTP. */
export function provideProfileCalls(registry: RpcRegistry, handlers: ProfileCallHandlers): void {
  registry.provide(VerifyPassword, (input) => mapped(() => handlers.passwords.verify(input.userId, input.password)));
  registry.provide(DeleteAccount, (input) =>
    mapped(async () => {
      const result = await handlers.administration.eraseById(input.userId);
      return { outcome: result.outcome, deletedAt: result.deletedAt.toISOString() };
    }),
  );
  registry.provide(GetClientVersions, () => mapped(() => handlers.clientVersions.current()));
  registry.provide(ExportProfileData, (input) => mapped(() => handlers.exports.export(input.userId)));
}

async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toApiError(error);
  }
}
