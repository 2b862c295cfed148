import { sqlIdentifier, type SqlMigration } from '@tall/platform/database';

/**
 * Tables for leases and job runs. Idempotent (IF NOT EXISTS), so it may run standalone or
 * through `migrateSchema`; ids are prefixed because other platform libs share the schema.
 */
export function schedulingMigrations(schema = 'platform'): SqlMigration[] {
  const s = sqlIdentifier(schema);
  return [
    {
      id: 'scheduling-001-leases-and-job-runs',
      sql: `
CREATE TABLE IF NOT EXISTS ${s}.leases (
  name text PRIMARY KEY,
  holder text NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS ${s}.job_runs (
  job text NOT NULL,
  period_key text NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  error text,
  holder text NOT NULL,
  attempts integer NOT NULL DEFAULT 1,
  PRIMARY KEY (job, period_key)
);`,
    },
  ];
}

/** The whole migration as one script, schema included, for tools that run plain SQL. */
export function schedulingMigrationSql(schema = 'platform'): string {
  return [`CREATE SCHEMA IF NOT EXISTS ${sqlIdentifier(schema)};`, ...schedulingMigrations(schema).map((m) => m.sql.trim())].join('\n');
}
