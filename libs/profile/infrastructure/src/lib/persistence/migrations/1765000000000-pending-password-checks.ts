import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A sign-in's password check is recorded before argon2 runs, as pending, and counts against the
 * lockout until it is known right (deleted) or wrong (kept as a failure). Rows from before this
 * migration are failures.
 */
export class PendingPasswordChecks1765000000000 implements MigrationInterface {
  name = 'PendingPasswordChecks1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE profile.login_failures ADD COLUMN pending boolean NOT NULL DEFAULT false`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE profile.login_failures DROP COLUMN pending`);
  }
}
