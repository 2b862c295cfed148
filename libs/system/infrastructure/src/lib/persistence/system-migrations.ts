import type { SqlMigration } from '@tall/platform/database';
import { PgOutbox } from '@tall/platform/events';

export const SYSTEM_SCHEMA = 'system';
export const systemOutbox = new PgOutbox(SYSTEM_SCHEMA);

export const systemMigrations: SqlMigration[] = [
  { id: '001-outbox', sql: systemOutbox.migrationSql() },
  {
    id: '002-instance-starts-and-weekly-triggers',
    sql: `
      CREATE TABLE system.instance_starts (
        instance_id text PRIMARY KEY,
        modules text[] NOT NULL,
        app_version text NOT NULL,
        started_at timestamptz NOT NULL
      );
      CREATE TABLE system.weekly_triggers (
        job text NOT NULL,
        period_key text NOT NULL,
        trigger text NOT NULL,
        triggered_at timestamptz NOT NULL,
        PRIMARY KEY (job, period_key)
      );`,
  },
];
