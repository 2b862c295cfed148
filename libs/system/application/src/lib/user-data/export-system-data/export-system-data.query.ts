import { Query } from '@nestjs/cqrs';
import type { UserDataSection } from '@tall/platform/call-contracts';

/** The system context's section of a user's GDPR export (`system.exportUserData`). */
export class ExportSystemDataQuery extends Query<UserDataSection> {
  constructor(readonly userId: string) {
    super();
  }
}
