import { Query } from '@nestjs/cqrs';
import type { UserDataSection } from '@tall/platform/call-contracts';

/** Everything the exercises context holds about a student, for the GDPR export. */
export class ExportExercisesDataQuery extends Query<UserDataSection> {
  constructor(readonly userId: string) {
    super();
  }
}
