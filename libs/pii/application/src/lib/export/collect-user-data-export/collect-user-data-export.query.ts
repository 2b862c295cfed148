import { Query } from '@nestjs/cqrs';
import type { UserDataExport } from '@tall/platform/call-contracts';

/** `GET /pii/me/export`: everything Tall holds about the user, one section per context of the app. */
export class CollectUserDataExportQuery extends Query<UserDataExport> {
  constructor(readonly userId: string) {
    super();
  }
}
