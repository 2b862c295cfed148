export type JobRunStatus = 'running' | 'succeeded' | 'failed';

/** One run of a job for one period (`job` + `periodKey` is unique). */
export interface JobRun {
  job: string;
  periodKey: string;
  status: JobRunStatus;
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
  /** The instance that ran (or runs) it. */
  holder: string;
  /** How many times this period was started (retries after failure, forced re-runs). */
  attempts: number;
}

export type ClaimResult = { claimed: true; run: JobRun } | { claimed: false; run: JobRun };

/** The record that makes a job idempotent per period. */
export interface JobRunStore {
  find(job: string, periodKey: string): Promise<JobRun | null>;
  /**
   * Marks the period as running for `holder`, unless it already succeeded (and not `force`):
   * then returns the successful run unclaimed. Call only while holding the job's lease — a
   * 'running' record found then was left by an instance that died, and is taken over.
   */
  claim(job: string, periodKey: string, holder: string, options: { force: boolean }): Promise<ClaimResult>;
  /** Records the outcome; null when the run was taken over by another holder meanwhile. */
  finish(job: string, periodKey: string, holder: string, outcome: RunOutcome): Promise<JobRun | null>;
  /** The newest runs of a job, newest period first (operations history). */
  recent(job: string, limit: number): Promise<JobRun[]>;
  /** When the job last finished successfully, for the metric after a restart. */
  lastSuccessAt(job: string): Promise<Date | null>;
}

export type RunOutcome = { status: 'succeeded' } | { status: 'failed'; error: string };
