import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PgInbox, PgOutbox } from '@tall/platform/events';
import { PendingPasswordChecks1765000000000 } from './1765000000000-pending-password-checks';
import { OneTimeTasks1766000000000 } from './1766000000000-one-time-tasks';

/** Accounts, sessions and refresh tokens, sign-in failures, teacher↔student links, client versions; outbox and inbox. */
export class CreateProfile1732000000000 implements MigrationInterface {
  name = 'CreateProfile1732000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(new PgOutbox('profile').migrationSql());
    await runner.query(new PgInbox('profile').migrationSql());
    await runner.query(`
      CREATE TABLE profile.users (
        id            uuid PRIMARY KEY,
        role          text NOT NULL CHECK (role IN ('TECH_ADMIN', 'EDU_ADMIN', 'TEACHER', 'STUDENT')),
        status        text NOT NULL CHECK (status IN ('pending', 'active', 'disabled', 'deleted')),
        email_index   text CHECK (email_index ~ '^[0-9a-f]{64}$'),
        password_hash text,
        created_at    timestamptz NOT NULL,
        updated_at    timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX users_email_index_key ON profile.users (email_index) WHERE email_index IS NOT NULL;
      CREATE INDEX users_listing_idx ON profile.users (role, created_at, id) WHERE status <> 'pending';

      CREATE TABLE profile.sessions (
        id            uuid PRIMARY KEY,
        user_id       uuid NOT NULL REFERENCES profile.users (id),
        device_id     text,
        device_name   text,
        created_at    timestamptz NOT NULL,
        last_used_at  timestamptz NOT NULL,
        expires_at    timestamptz NOT NULL,
        revoked_at    timestamptz,
        revoke_reason text
      );
      CREATE INDEX sessions_user_idx ON profile.sessions (user_id, created_at);

      CREATE TABLE profile.refresh_tokens (
        token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        session_id uuid NOT NULL REFERENCES profile.sessions (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        spent_at   timestamptz
      );
      CREATE INDEX refresh_tokens_session_idx ON profile.refresh_tokens (session_id);
      CREATE INDEX refresh_tokens_expiry_idx ON profile.refresh_tokens (expires_at);

      CREATE TABLE profile.login_failures (
        id          bigserial PRIMARY KEY,
        email_index text NOT NULL,
        failed_at   timestamptz NOT NULL
      );
      CREATE INDEX login_failures_lookup_idx ON profile.login_failures (email_index, failed_at);
      CREATE INDEX login_failures_age_idx ON profile.login_failures (failed_at);

      CREATE TABLE profile.teacher_students (
        teacher_id uuid NOT NULL REFERENCES profile.users (id),
        student_id uuid NOT NULL REFERENCES profile.users (id),
        linked_at  timestamptz NOT NULL,
        PRIMARY KEY (teacher_id, student_id),
        CHECK (teacher_id <> student_id)
      );
      CREATE INDEX teacher_students_student_idx ON profile.teacher_students (student_id);

      CREATE TABLE profile.client_versions (
        platform    text PRIMARY KEY CHECK (platform IN ('web', 'android', 'desktop')),
        min_version text NOT NULL CHECK (min_version ~ '^\\d+\\.\\d+\\.\\d+$'),
        updated_at  timestamptz NOT NULL
      );
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP TABLE profile.client_versions;
      DROP TABLE profile.teacher_students;
      DROP TABLE profile.login_failures;
      DROP TABLE profile.refresh_tokens;
      DROP TABLE profile.sessions;
      DROP TABLE profile.users;
      DROP TABLE profile.inbox;
      DROP TABLE profile.outbox;
    `);
  }
}

export const PROFILE_MIGRATIONS = [CreateProfile1732000000000, PendingPasswordChecks1765000000000, OneTimeTasks1766000000000];
