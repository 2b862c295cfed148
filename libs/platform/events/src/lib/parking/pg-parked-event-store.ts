import type { EventEnvelope } from '@tall/platform/event-contracts';
import { migrateSchema, type SqlMigration } from '@tall/platform/database';
import type { Pool } from 'pg';
import { quoteIdentifier } from '../sql-executor';
import type { ParkedEvent, ParkedEventFilter, ParkedEventStore, ParkReason } from './parked-event-store';

interface Row {
  id: string;
  consumer: string;
  envelope: EventEnvelope;
  reason: ParkReason;
  attempts: number;
  last_error: string | null;
  parked_at: Date;
}

/**
 * Parked events in PostgreSQL (`<schema>.parked_events`), shared by every instance and every
 * consumer, local or Kafka-fed. `seq` keeps the parking order, which replays follow per key.
 */
export class PgParkedEventStore implements ParkedEventStore {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    private readonly schema = 'platform',
  ) {
    this.table = `${quoteIdentifier(schema)}.parked_events`;
  }

  /** Ids are prefixed: the scheduler's migrations share the schema. */
  migrations(): SqlMigration[] {
    return [
      {
        id: 'events-001-parked-events',
        sql: `
CREATE TABLE IF NOT EXISTS ${this.table} (
  seq bigserial PRIMARY KEY,
  id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
  consumer text NOT NULL,
  event_id text NOT NULL,
  topic text NOT NULL,
  key text NOT NULL,
  envelope jsonb NOT NULL,
  reason text NOT NULL CHECK (reason IN ('failed', 'waiting')),
  attempts integer NOT NULL,
  last_error text,
  parked_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (consumer, event_id)
);
CREATE INDEX IF NOT EXISTS parked_events_consumer_key ON ${this.table} (consumer, key, seq);`,
      },
    ];
  }

  /** Once per instance start; safe when several start together (see migrateSchema). */
  async migrate(): Promise<void> {
    await migrateSchema(this.pool, this.schema, this.migrations());
  }

  async park(entry: Omit<ParkedEvent, 'id' | 'parkedAt'>): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.table} (consumer, event_id, topic, key, envelope, reason, attempts, last_error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (consumer, event_id) DO NOTHING`,
      [
        entry.consumer,
        entry.envelope.id,
        entry.envelope.topic,
        entry.envelope.key,
        JSON.stringify(entry.envelope),
        entry.reason,
        entry.attempts,
        entry.lastError?.slice(0, 2000) ?? null,
      ],
    );
  }

  async blockedKeys(): Promise<Array<{ consumer: string; key: string }>> {
    const { rows } = await this.pool.query<{ consumer: string; key: string }>(`SELECT DISTINCT consumer, key FROM ${this.table}`);
    return rows;
  }

  async list(filter: ParkedEventFilter): Promise<{ items: ParkedEvent[]; total: number }> {
    const where = `WHERE ($1::text IS NULL OR consumer = $1) AND ($2::text IS NULL OR topic = $2)`;
    const args = [filter.consumer ?? null, filter.topic ?? null];
    const [page, count] = await Promise.all([
      this.pool.query<Row>(`SELECT * FROM ${this.table} ${where} ORDER BY seq LIMIT $3 OFFSET $4`, [...args, filter.limit, filter.offset]),
      this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${this.table} ${where}`, args),
    ]);
    return { items: page.rows.map(toParked), total: Number(count.rows[0].n) };
  }

  async counts(): Promise<Array<{ consumer: string; count: number }>> {
    const { rows } = await this.pool.query<{ consumer: string; n: string }>(
      `SELECT consumer, count(*) AS n FROM ${this.table} GROUP BY consumer ORDER BY consumer`,
    );
    return rows.map((row) => ({ consumer: row.consumer, count: Number(row.n) }));
  }

  async get(id: string): Promise<ParkedEvent | null> {
    const { rows } = await this.pool.query<Row>(`SELECT * FROM ${this.table} WHERE id = $1`, [id]);
    return rows[0] ? toParked(rows[0]) : null;
  }

  async queue(consumer: string, key: string): Promise<ParkedEvent[]> {
    const { rows } = await this.pool.query<Row>(`SELECT * FROM ${this.table} WHERE consumer = $1 AND key = $2 ORDER BY seq`, [consumer, key]);
    return rows.map(toParked);
  }

  async recordFailure(id: string, error: string): Promise<void> {
    await this.pool.query(`UPDATE ${this.table} SET reason = 'failed', attempts = attempts + 1, last_error = $2 WHERE id = $1`, [
      id,
      error.slice(0, 2000),
    ]);
  }

  async remove(id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(`DELETE FROM ${this.table} WHERE id = $1`, [id]);
    return (rowCount ?? 0) > 0;
  }
}

function toParked(row: Row): ParkedEvent {
  return {
    id: row.id,
    consumer: row.consumer,
    envelope: row.envelope,
    reason: row.reason,
    attempts: row.attempts,
    lastError: row.last_error,
    parkedAt: row.parked_at,
  };
}
