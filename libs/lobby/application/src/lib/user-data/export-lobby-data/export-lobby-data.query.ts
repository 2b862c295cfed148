import { Query } from '@nestjs/cqrs';
import type { UserDataSection } from '@tall/platform/call-contracts';

/** The lobby's section of a user's GDPR export (`lobby.exportUserData`). */
export class ExportLobbyDataQuery extends Query<UserDataSection> {
  constructor(readonly userId: string) {
    super();
  }
}
