import type { JobRunRecord, ScheduledJobRuns } from '../lib/ports/scheduled-job-runs.port';

/** The scheduler's runs in memory: one run per period unless forced, and a job that may be `busy`. */
export class MemoryJobRuns implements ScheduledJobRuns {
  busy = false;
  readonly runs: JobRunRecord[] = [];
  readonly requests: Array<{ job: string; limit?: number; force?: boolean }> = [];

  constructor(
    private readonly jobs: readonly string[],
    private readonly period: () => string,
  ) {}

  async runNow(job: string, options: { force: boolean }): Promise<JobRunRecord | 'busy'> {
    this.requests.push({ job, force: options.force });
    if (this.busy) return 'busy';
    const periodKey = this.period();
    const done = this.runs.find((run) => run.job === job && run.periodKey === periodKey);
    if (done && !options.force) return done;
    const at = new Date('2026-05-13T10:00:00Z');
    const run: JobRunRecord = { job, periodKey, status: 'succeeded', startedAt: at, finishedAt: at, error: null, attempts: (done?.attempts ?? 0) + 1 };
    if (done) this.runs.splice(this.runs.indexOf(done), 1);
    this.runs.unshift(run);
    return run;
  }

  async history(job: string, limit: number): Promise<JobRunRecord[] | null> {
    this.requests.push({ job, limit });
    if (!this.jobs.includes(job)) return null;
    return this.runs.filter((run) => run.job === job).slice(0, limit);
  }
}
