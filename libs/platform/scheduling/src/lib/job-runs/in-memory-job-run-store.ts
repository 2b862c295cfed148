import type { ClaimResult, JobRun, JobRunStore, RunOutcome } from './job-run-store';

/** For unit tests and single-process tools; same rules as `PgJobRunStore`. */
export class InMemoryJobRunStore implements JobRunStore {
  private readonly runs = new Map<string, JobRun>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  async recent(job: string, limit: number): Promise<JobRun[]> {
    return [...this.runs.values()]
      .filter((run) => run.job === job)
      .sort((a, b) => b.periodKey.localeCompare(a.periodKey))
      .slice(0, limit)
      .map((run) => ({ ...run }));
  }

  async find(job: string, periodKey: string): Promise<JobRun | null> {
    const run = this.runs.get(`${job}\n${periodKey}`);
    return run ? { ...run } : null;
  }

  async claim(job: string, periodKey: string, holder: string, options: { force: boolean }): Promise<ClaimResult> {
    const key = `${job}\n${periodKey}`;
    const existing = this.runs.get(key);
    if (existing?.status === 'succeeded' && !options.force) return { claimed: false, run: { ...existing } };
    const run: JobRun = {
      job,
      periodKey,
      status: 'running',
      startedAt: this.now(),
      finishedAt: null,
      error: null,
      holder,
      attempts: (existing?.attempts ?? 0) + 1,
    };
    this.runs.set(key, run);
    return { claimed: true, run: { ...run } };
  }

  async finish(job: string, periodKey: string, holder: string, outcome: RunOutcome): Promise<JobRun | null> {
    const run = this.runs.get(`${job}\n${periodKey}`);
    if (!run || run.holder !== holder || run.status !== 'running') return null;
    run.status = outcome.status;
    run.finishedAt = this.now();
    run.error = outcome.status === 'failed' ? outcome.error : null;
    return { ...run };
  }

  async lastSuccessAt(job: string): Promise<Date | null> {
    let last: Date | null = null;
    for (const run of this.runs.values()) {
      if (run.job === job && run.status === 'succeeded' && run.finishedAt && (!last || run.finishedAt > last)) {
        last = run.finishedAt;
      }
    }
    return last;
  }
}
