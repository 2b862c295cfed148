import { Query } from '@nestjs/cqrs';

/** Everything learning cards hold about a user, as the learning section of the GDPR export. */
export class ExportLearningDataQuery extends Query<Record<string, unknown>> {
  constructor(readonly userId: string) {
    super();
  }
}
