import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A ledger of work profile does once per database, such as sending the accounts' roles to pii:
 * a row means the task completed. The work itself runs after start, in the background, because
 * it may need another context that is not reachable yet.
 */
export class OneTimeTasks1766000000000 implements MigrationInterface {
  name = 'OneTimeTasks1766000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE profile.one_time_tasks (name text PRIMARY KEY, completed_at timestamptz NOT NULL)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE profile.one_time_tasks`);
  }
}
