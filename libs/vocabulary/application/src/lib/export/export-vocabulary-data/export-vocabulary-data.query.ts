import { Query } from '@nestjs/cqrs';
import type { UserDataSection } from '@tall/platform/call-contracts';

/** The vocabulary context's section of a user's GDPR export: thematic and learning cards. */
export class ExportVocabularyDataQuery extends Query<UserDataSection> {
  constructor(readonly userId: string) {
    super();
  }
}
