/** A run of a scheduled job, as the scheduler records it. */
export interface JobRunRecord {
  job: string;
  periodKey: string;
  status: 'running' | 'succeeded' | 'failed';
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
  attempts: number;
}

/** The runs of the jobs registered with the platform scheduler. */
export interface ScheduledJobRuns {
  /** Runs the job for its current period now; 'busy' while it runs here or on another instance. */
  runNow(job: string, options: { force: boolean }): Promise<JobRunRecord | 'busy'>;
  /** Newest period first; null when no job of that name is registered. */
  history(job: string, limit: number): Promise<JobRunRecord[] | null>;
}

export const SCHEDULED_JOB_RUNS = Symbol('SCHEDULED_JOB_RUNS');
