import { Query } from '@nestjs/cqrs';
import type { UserDataSection } from '@tall/platform/call-contracts';

/** What the admin context holds about a user, for the GDPR export. */
export class ExportAdminDataQuery extends Query<UserDataSection> {
  constructor(readonly userId: string) {
    super();
  }
}
