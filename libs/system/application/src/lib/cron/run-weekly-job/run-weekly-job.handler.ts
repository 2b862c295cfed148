import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { JobRunView } from '@tall/system/contracts';
import { SCHEDULED_JOB_RUNS, type ScheduledJobRuns } from '../../ports/scheduled-job-runs.port';
import { SystemError } from '../../system-error';
import { jobRunView } from '../job-run-view';
import { WEEKLY_COHORTS_JOB } from '../weekly-cohorts-job';
import { RunWeeklyJobCommand } from './run-weekly-job.command';

@CommandHandler(RunWeeklyJobCommand)
export class RunWeeklyJobHandler implements ICommandHandler<RunWeeklyJobCommand> {
  constructor(@Inject(SCHEDULED_JOB_RUNS) private readonly runs: ScheduledJobRuns) {}

  async execute({ force }: RunWeeklyJobCommand): Promise<JobRunView> {
    const run = await this.runs.runNow(WEEKLY_COHORTS_JOB, { force });
    if (run === 'busy') throw new SystemError('CRON_JOB_RUNNING', 'The weekly job is running right now');
    return jobRunView(run);
  }
}
