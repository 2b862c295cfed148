import { Query } from '@nestjs/cqrs';
import type { UserDataSection } from '@tall/platform/call-contracts';

/** Everything the reader holds about a student, for the GDPR export. */
export class ExportReaderDataQuery extends Query<UserDataSection> {
  constructor(readonly userId: string) {
    super();
  }
}
