import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { JobRunList } from '@tall/system/contracts';
import { SCHEDULED_JOB_RUNS, type ScheduledJobRuns } from '../../ports/scheduled-job-runs.port';
import { SystemError } from '../../system-error';
import { jobRunView } from '../job-run-view';
import { ListJobRunsQuery } from './list-job-runs.query';

@QueryHandler(ListJobRunsQuery)
export class ListJobRunsHandler implements IQueryHandler<ListJobRunsQuery> {
  constructor(@Inject(SCHEDULED_JOB_RUNS) private readonly runs: ScheduledJobRuns) {}

  async execute({ job, limit }: ListJobRunsQuery): Promise<JobRunList> {
    const runs = await this.runs.history(job, limit ?? 20);
    if (!runs) throw new SystemError('JOB_NOT_FOUND', 'Scheduled job not found');
    return { items: runs.map(jobRunView) };
  }
}
