import type { Pool } from 'pg';
import { inTransaction, quoteIdentifier, resultRows, type SqlExecutor } from '../sql-executor';

/**
 * Makes a handler's effect idempotent: the (event id, handler) row is inserted in the same
 * transaction as the effect, so a redelivered event finds it and is skipped.
 */
export class PgInbox {
  readonly table: string;

  constructor(readonly schema: string) {
    this.table = `${quoteIdentifier(schema)}.inbox`;
  }

  migrationSql(): string {
    return `
CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(this.schema)};
CREATE TABLE IF NOT EXISTS ${this.table} (
  event_id     uuid        NOT NULL,
  handler      text        NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, handler)
);
CREATE INDEX IF NOT EXISTS inbox_processed_at_idx ON ${this.table} (processed_at);
`;
  }

  /**
   * Records the event as processed by `handler` inside the caller's transaction (pg client or
   * TypeORM manager). False when it already was: the caller then skips its effect. A concurrent
   * delivery of the same event waits on the key until this transaction ends.
   */
  async claim(tx: SqlExecutor, eventId: string, handler: string): Promise<boolean> {
    const result = await tx.query(
      `INSERT INTO ${this.table} (event_id, handler) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
      [eventId, handler],
    );
    return resultRows(result).length === 1;
  }

  /** Runs `effect` once per (event, handler): both in one transaction. True when applied now. */
  async runOnce(pool: Pool, eventId: string, handler: string, effect: (tx: SqlExecutor) => Promise<void>): Promise<boolean> {
    return inTransaction(pool, async (tx) => {
      if (!(await this.claim(tx, eventId, handler))) return false;
      await effect(tx);
      return true;
    });
  }

  /**
   * Forgets entries older than `olderThan`. Keep them longer than any event can be redelivered
   * (Kafka retention, outbox retries): a forgotten event delivered again is applied again.
   */
  async prune(executor: SqlExecutor, olderThan: Date): Promise<void> {
    await executor.query(`DELETE FROM ${this.table} WHERE processed_at < $1`, [olderThan]);
  }
}
