import type { JobRunView } from '@tall/system/contracts';
import type { JobRunRecord } from '../ports/scheduled-job-runs.port';

/** A run as operations see it: times as ISO strings. */
export function jobRunView(run: JobRunRecord): JobRunView {
  return {
    job: run.job,
    periodKey: run.periodKey,
    status: run.status,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    error: run.error,
    attempts: run.attempts,
  };
}
