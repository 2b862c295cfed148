import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { Pool, PoolClient } from 'pg';
import { errorMessage } from '../events-logger';
import { PgOutbox } from '../outbox/pg-outbox';
import { backoffDelay, type BackoffOptions } from '../retry-backoff';
import type { DrainResult, OutboxSource, OutboxStats, PublishBatch } from './outbox-source';

export interface PgOutboxSourceOptions {
  /** Backoff of a failed row, from its attempt count. */
  backoff?: BackoffOptions;
  /** Published rows are kept this long (for audits and tests), then deleted by maintain(). */
  retainPublishedMs?: number;
  /** A relay that hangs while holding claimed rows loses them to another instance after this. */
  idleInTransactionTimeoutMs?: number;
}

interface ClaimedRow {
  seq: string;
  key: string;
  attempts: number;
  envelope: EventEnvelope;
}

/**
 * Drains a context's PostgreSQL outbox (see PgOutbox). Rows are claimed in `seq` order with
 * `FOR UPDATE SKIP LOCKED` in a transaction held while they are published, so several app
 * instances never publish one row at the same time; a crash rolls the claim back.
 */
export class PgOutboxSource implements OutboxSource {
  readonly name: string;
  private readonly table: string;
  private readonly backoff: BackoffOptions;
  private readonly retainPublishedMs: number;
  private readonly idleTimeoutMs: number;

  constructor(
    private readonly pool: Pool,
    schema: string,
    options: PgOutboxSourceOptions = {},
  ) {
    this.table = new PgOutbox(schema).table;
    this.name = `pg:${schema}`;
    this.backoff = options.backoff ?? { initialMs: 500, maxMs: 10_000 };
    this.retainPublishedMs = options.retainPublishedMs ?? 24 * 3600_000;
    this.idleTimeoutMs = options.idleInTransactionTimeoutMs ?? 120_000;
  }

  async drain(limit: number, publish: PublishBatch): Promise<DrainResult> {
    // Most polls find nothing: one indexed look, not a transaction of four round trips.
    if (!(await this.anythingDue())) return { published: 0, failed: false, full: false };
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL idle_in_transaction_session_timeout = ${Math.floor(this.idleTimeoutMs)}`);
      const claimed = await this.claim(client, limit);
      const rows = await this.withoutOvertaking(client, claimed);
      const outcome = rows.length > 0 ? await publish(rows.map((row) => row.envelope)) : { published: 0, failed: 0 };
      const done = rows.slice(0, outcome.published);
      const failed = rows.slice(outcome.published, outcome.published + outcome.failed);
      if (done.length > 0) {
        await client.query(`UPDATE ${this.table} SET published_at = now() WHERE seq = ANY($1::bigint[])`, [
          done.map((row) => row.seq),
        ]);
      }
      if (failed.length > 0) {
        await client.query(
          `UPDATE ${this.table} AS o
              SET attempts = o.attempts + 1, last_error = $3,
                  next_attempt_at = now() + f.delay_ms * interval '1 millisecond'
             FROM unnest($1::bigint[], $2::float8[]) AS f(seq, delay_ms)
            WHERE o.seq = f.seq`,
          [
            failed.map((row) => row.seq),
            failed.map((row) => backoffDelay(row.attempts + 1, this.backoff)),
            errorMessage(outcome.error).slice(0, 2000),
          ],
        );
      }
      await client.query('COMMIT');
      return {
        published: done.length,
        failed: failed.length > 0,
        error: failed.length > 0 ? outcome.error : undefined,
        full: claimed.length >= limit,
      };
    } catch (error) {
      broken = await client.query('ROLLBACK').then(
        () => false,
        () => true,
      );
      throw error;
    } finally {
      client.release(broken);
    }
  }

  private async anythingDue(): Promise<boolean> {
    const { rowCount } = await this.pool.query(`SELECT 1 FROM ${this.table} WHERE published_at IS NULL AND next_attempt_at <= now() LIMIT 1`);
    return (rowCount ?? 0) > 0;
  }

  async stats(): Promise<OutboxStats> {
    const { rows } = await this.pool.query<{ pending: number; lag: number }>(
      `SELECT count(*)::int AS pending,
              COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS lag
         FROM ${this.table} WHERE published_at IS NULL`,
    );
    return { pending: rows[0].pending, oldestAgeSeconds: rows[0].lag };
  }

  /** Deletes rows published longer ago than the retention, in bounded chunks. */
  async maintain(): Promise<void> {
    for (;;) {
      const { rowCount } = await this.pool.query(
        `DELETE FROM ${this.table} WHERE seq IN (
           SELECT seq FROM ${this.table}
            WHERE published_at < now() - $1::float8 * interval '1 millisecond'
            ORDER BY seq LIMIT 5000)`,
        [this.retainPublishedMs],
      );
      if (!rowCount || rowCount < 5000) return;
    }
  }

  /**
   * Due rows in seq order, skipping rows other instances hold and rows whose key has an
   * earlier row backing off after a failure.
   */
  private async claim(client: PoolClient, limit: number): Promise<ClaimedRow[]> {
    const { rows } = await client.query<ClaimedRow>(
      `SELECT o.seq, o.key, o.attempts, o.envelope
         FROM ${this.table} AS o
        WHERE o.published_at IS NULL
          AND o.next_attempt_at <= now()
          AND NOT EXISTS (
                SELECT 1 FROM ${this.table} AS p
                 WHERE p.key = o.key AND p.published_at IS NULL
                   AND p.seq < o.seq AND p.next_attempt_at > now())
        ORDER BY o.seq
        LIMIT $1
        FOR UPDATE OF o SKIP LOCKED`,
      [limit],
    );
    return rows;
  }

  /**
   * SKIP LOCKED alone would let this instance publish a key's later row while another instance
   * still holds (and is publishing) an earlier one. Keep, per key, only the claimed rows before
   * the first pending row of that key that is not ours; the rest wait for a later drain.
   */
  private async withoutOvertaking(client: PoolClient, claimed: ClaimedRow[]): Promise<ClaimedRow[]> {
    if (claimed.length === 0) return claimed;
    const keys = [...new Set(claimed.map((row) => row.key))];
    const lastSeq = claimed[claimed.length - 1].seq;
    const { rows } = await client.query<{ key: string; first_seq: string }>(
      `SELECT key, min(seq) AS first_seq
         FROM ${this.table}
        WHERE published_at IS NULL AND key = ANY($1::text[]) AND seq < $2::bigint
          AND NOT (seq = ANY($3::bigint[]))
        GROUP BY key`,
      [keys, lastSeq, claimed.map((row) => row.seq)],
    );
    const blockedFrom = new Map(rows.map((row) => [row.key, BigInt(row.first_seq)]));
    return claimed.filter((row) => {
      const limit = blockedFrom.get(row.key);
      return limit === undefined || BigInt(row.seq) < limit;
    });
  }
}
