import { Inject, Injectable } from '@nestjs/common';
import { JobConflictError, ScheduledJobs, UnknownJobError } from '@tall/platform/scheduling';
import type { JobRunRecord, ScheduledJobRuns } from '@tall/system/application';

/** The platform scheduler's runs, its conflict and unknown-job errors turned into the port's answers. */
@Injectable()
export class PlatformJobRuns implements ScheduledJobRuns {
  constructor(@Inject(ScheduledJobs) private readonly jobs: ScheduledJobs) {}

  async runNow(job: string, options: { force: boolean }): Promise<JobRunRecord | 'busy'> {
    try {
      return await this.jobs.runNow(job, options);
    } catch (error) {
      if (error instanceof JobConflictError) return 'busy';
      throw error;
    }
  }

  async history(job: string, limit: number): Promise<JobRunRecord[] | null> {
    try {
      return await this.jobs.history(job, limit);
    } catch (error) {
      if (error instanceof UnknownJobError) return null;
      throw error;
    }
  }
}
