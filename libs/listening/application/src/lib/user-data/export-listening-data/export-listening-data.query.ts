import { Query } from '@nestjs/cqrs';
import type { UserDataSection } from '@tall/platform/call-contracts';

/** Everything listening holds about a student, for the GDPR export. */
export class ExportListeningDataQuery extends Query<UserDataSection> {
  constructor(readonly userId: string) {
    super();
  }
}
