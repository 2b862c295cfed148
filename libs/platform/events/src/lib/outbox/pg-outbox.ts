import type { EventEnvelope } from '@tall/platform/event-contracts';
import { assertEnvelopes } from '../envelope-shape';
import { quoteIdentifier, type SqlExecutor } from '../sql-executor';

/**
 * The outbox table of one bounded context, in the context's own PostgreSQL schema.
 * `seq` gives the publishing order; `id` (the event id) makes a double append fail loudly.
 */
export class PgOutbox {
  readonly table: string;

  constructor(readonly schema: string) {
    this.table = `${quoteIdentifier(schema)}.outbox`;
  }

  /** Idempotent DDL, for the context's migrations (or tests) to run. */
  migrationSql(): string {
    const schema = quoteIdentifier(this.schema);
    return `
CREATE SCHEMA IF NOT EXISTS ${schema};
CREATE TABLE IF NOT EXISTS ${this.table} (
  seq             bigserial   PRIMARY KEY,
  id              uuid        NOT NULL UNIQUE,
  topic           text        NOT NULL,
  key             text        NOT NULL,
  type            text        NOT NULL,
  version         integer     NOT NULL,
  envelope        jsonb       NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  published_at    timestamptz,
  attempts        integer     NOT NULL DEFAULT 0,
  last_error      text,
  next_attempt_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS outbox_pending_idx ON ${this.table} (seq) WHERE published_at IS NULL;
CREATE INDEX IF NOT EXISTS outbox_pending_key_idx ON ${this.table} (key, seq) WHERE published_at IS NULL;
CREATE INDEX IF NOT EXISTS outbox_published_idx ON ${this.table} (published_at) WHERE published_at IS NOT NULL;
`;
  }

  /**
   * Inserts the events in the caller's transaction, in array order. Call it after writing the
   * aggregate: the aggregate's row lock then orders concurrent transactions on one key, so
   * their outbox rows get increasing `seq` in commit order.
   */
  async append(tx: SqlExecutor, envelopes: readonly EventEnvelope[]): Promise<void> {
    if (envelopes.length === 0) return;
    assertEnvelopes(envelopes);
    const values: unknown[] = [];
    const tuples = envelopes.map((envelope, index) => {
      values.push(envelope.id, envelope.topic, envelope.key, envelope.type, envelope.version, JSON.stringify(envelope));
      const base = index * 6;
      return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6}::jsonb)`;
    });
    // One multi-row INSERT: rows of one statement get their seq in VALUES order.
    await tx.query(`INSERT INTO ${this.table} (id, topic, key, type, version, envelope) VALUES ${tuples.join(', ')}`, values);
  }
}
