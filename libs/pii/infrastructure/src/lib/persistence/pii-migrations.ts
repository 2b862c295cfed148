import type { SqlMigration } from '@tall/platform/database';
import { PgInbox, PgOutbox } from '@tall/platform/events';

export const PII_SCHEMA = 'pii';
export const piiOutbox = new PgOutbox(PII_SCHEMA);
export const piiInbox = new PgInbox(PII_SCHEMA);

/**
 * Nothing in this schema is readable without the master key: personal fields are AES-256-GCM
 * ciphertexts (bytea) under per-user data keys, the data keys are wrapped by a master key version
 * held in Secrets Manager, and the email is also kept as an HMAC blind index (for uniqueness).
 */
export const piiMigrations: SqlMigration[] = [
  { id: '001-outbox', sql: piiOutbox.migrationSql() },
  { id: '002-inbox', sql: piiInbox.migrationSql() },
  {
    id: '003-keys-and-personal-data',
    sql: `
      CREATE TABLE pii.master_key_versions (
        version_id text PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz
      );
      CREATE TABLE pii.data_keys (
        user_id uuid PRIMARY KEY,
        key_id uuid NOT NULL UNIQUE,
        wrapped_key bytea NOT NULL,
        master_version text NOT NULL REFERENCES pii.master_key_versions (version_id),
        created_at timestamptz NOT NULL DEFAULT now(),
        rewrapped_at timestamptz
      );
      CREATE INDEX data_keys_master_version_idx ON pii.data_keys (master_version);
      CREATE TABLE pii.personal_data (
        user_id uuid PRIMARY KEY REFERENCES pii.data_keys (user_id) ON DELETE CASCADE,
        first_name bytea NOT NULL,
        last_name bytea NOT NULL,
        email bytea NOT NULL,
        birth_date bytea,
        locale bytea,
        email_blind_index text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT personal_data_email_blind_index_key UNIQUE (email_blind_index)
      );
      CREATE TABLE pii.erasures (
        user_id uuid PRIMARY KEY,
        erased_at timestamptz NOT NULL,
        reason text NOT NULL
      );
      CREATE TABLE pii.teacher_students (
        teacher_id uuid NOT NULL,
        student_id uuid NOT NULL,
        linked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (teacher_id, student_id)
      );
      CREATE INDEX teacher_students_student_idx ON pii.teacher_students (student_id);`,
  },
  {
    // Accounts' roles, learned from profile's events: the read policy follows profile's
    // administration table (an EDU_ADMIN reads teachers' and students' data only). Accounts
    // created before this table existed are sent once by profile (`pii.recordUserRoles`).
    id: '004-user-roles',
    sql: `
      CREATE TABLE pii.user_roles (
        user_id uuid PRIMARY KEY,
        role text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );`,
  },
  {
    // Every master key rotation: who, why, forced or not. The newest one decides when the next
    // may run (a manual one waits an hour, the scheduled one 90 days).
    id: '005-key-rotations',
    sql: `
      CREATE TABLE pii.key_rotations (
        id bigserial PRIMARY KEY,
        rotated_at timestamptz NOT NULL,
        master_key_version text NOT NULL,
        trigger text NOT NULL CHECK (trigger IN ('scheduled', 'manual')),
        rotated_by text NOT NULL,
        rotated_by_role text NOT NULL,
        reason text NOT NULL,
        forced boolean NOT NULL
      );
      CREATE INDEX key_rotations_rotated_at_idx ON pii.key_rotations (rotated_at DESC);`,
  },
];
