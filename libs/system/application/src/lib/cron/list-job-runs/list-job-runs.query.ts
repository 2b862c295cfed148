import { Query } from '@nestjs/cqrs';
import type { JobRunList } from '@tall/system/contracts';

/** Recent runs of a scheduled job, newest first (20 unless `limit` says otherwise). */
export class ListJobRunsQuery extends Query<JobRunList> {
  constructor(
    readonly job: string,
    readonly limit?: number,
  ) {
    super();
  }
}
