import { sqlIdentifier } from '@tall/platform/database';
import type { SqlQueryable } from '../sql-queryable';
import type { ClaimResult, JobRun, JobRunStatus, JobRunStore, RunOutcome } from './job-run-store';

interface JobRunRow {
  job: string;
  period_key: string;
  status: JobRunStatus;
  started_at: Date;
  finished_at: Date | null;
  error: string | null;
  holder: string;
  attempts: number;
}

const COLUMNS = 'job, period_key, status, started_at, finished_at, error, holder, attempts';

/** Job runs in `<schema>.job_runs`, primary key (job, period_key). */
export class PgJobRunStore implements JobRunStore {
  private readonly table: string;

  constructor(private readonly db: SqlQueryable, options: { schema?: string } = {}) {
    this.table = `${sqlIdentifier(options.schema ?? 'platform')}.job_runs`;
  }

  async find(job: string, periodKey: string): Promise<JobRun | null> {
    const { rows } = await this.db.query<JobRunRow>(
      `SELECT ${COLUMNS} FROM ${this.table} WHERE job = $1 AND period_key = $2`,
      [job, periodKey],
    );
    return rows[0] ? toRun(rows[0]) : null;
  }

  async claim(job: string, periodKey: string, holder: string, options: { force: boolean }): Promise<ClaimResult> {
    const { rows } = await this.db.query<JobRunRow>(
      `INSERT INTO ${this.table} AS run (job, period_key, status, started_at, holder, attempts)
       VALUES ($1, $2, 'running', clock_timestamp(), $3, 1)
       ON CONFLICT (job, period_key) DO UPDATE
         SET status = 'running', started_at = EXCLUDED.started_at, finished_at = NULL, error = NULL,
             holder = EXCLUDED.holder, attempts = run.attempts + 1
         WHERE run.status <> 'succeeded' OR $4::boolean
       RETURNING ${COLUMNS}`,
      [job, periodKey, holder, options.force],
    );
    if (rows[0]) return { claimed: true, run: toRun(rows[0]) };
    const existing = await this.find(job, periodKey);
    if (!existing) throw new Error(`Run ${job}/${periodKey} vanished while being claimed`);
    return { claimed: false, run: existing };
  }

  async finish(job: string, periodKey: string, holder: string, outcome: RunOutcome): Promise<JobRun | null> {
    const { rows } = await this.db.query<JobRunRow>(
      `UPDATE ${this.table} SET status = $4, finished_at = clock_timestamp(), error = $5
       WHERE job = $1 AND period_key = $2 AND holder = $3 AND status = 'running'
       RETURNING ${COLUMNS}`,
      [job, periodKey, holder, outcome.status, outcome.status === 'failed' ? outcome.error : null],
    );
    return rows[0] ? toRun(rows[0]) : null;
  }

  async recent(job: string, limit: number): Promise<JobRun[]> {
    const { rows } = await this.db.query<JobRunRow>(
      `SELECT ${COLUMNS} FROM ${this.table} WHERE job = $1 ORDER BY period_key DESC LIMIT $2`,
      [job, limit],
    );
    return rows.map(toRun);
  }

  async lastSuccessAt(job: string): Promise<Date | null> {
    const { rows } = await this.db.query<{ last: Date | null }>(
      `SELECT max(finished_at) AS last FROM ${this.table} WHERE job = $1 AND status = 'succeeded'`,
      [job],
    );
    return rows[0]?.last ?? null;
  }
}

function toRun(row: JobRunRow): JobRun {
  return {
    job: row.job,
    periodKey: row.period_key,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    error: row.error,
    holder: row.holder,
    attempts: row.attempts,
  };
}
