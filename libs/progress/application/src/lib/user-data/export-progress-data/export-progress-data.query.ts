import { Query } from '@nestjs/cqrs';
import type { UserDataSection } from '@tall/platform/call-contracts';

/** Progress's section of a user's GDPR export (`progress.exportUserData`). */
export class ExportProgressDataQuery extends Query<UserDataSection> {
  constructor(readonly userId: string) {
    super();
  }
}
