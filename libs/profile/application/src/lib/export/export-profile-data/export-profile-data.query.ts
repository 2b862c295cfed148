import { Query } from '@nestjs/cqrs';
import type { UserDataSection } from '@tall/platform/call-contracts';

/** `profile.exportUserData`: profile's section of the GDPR export. */
export class ExportProfileDataQuery extends Query<UserDataSection> {
  constructor(readonly userId: string) {
    super();
  }
}
