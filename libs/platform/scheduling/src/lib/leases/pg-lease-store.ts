import { sqlIdentifier } from '@tall/platform/database';
import type { Lease, LeaseStore } from './lease-store';
import type { SqlQueryable } from '../sql-queryable';

interface LeaseRow {
  name: string;
  holder: string;
  expires_at: Date;
}

/**
 * Leases in `<schema>.leases`. Expiry is decided by the database clock, so instances with
 * skewed clocks still agree on who holds a lease.
 */
export class PgLeaseStore implements LeaseStore {
  private readonly table: string;

  constructor(private readonly db: SqlQueryable, options: { schema?: string } = {}) {
    this.table = `${sqlIdentifier(options.schema ?? 'platform')}.leases`;
  }

  async acquire(name: string, holder: string, ttlMs: number): Promise<Lease | null> {
    // One statement: concurrent acquirers serialise on the row and the loser's WHERE sees the winner.
    const { rows } = await this.db.query<LeaseRow>(
      `INSERT INTO ${this.table} AS lease (name, holder, expires_at)
       VALUES ($1, $2, clock_timestamp() + $3::bigint * interval '1 millisecond')
       ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
       WHERE lease.expires_at <= clock_timestamp() OR lease.holder = EXCLUDED.holder
       RETURNING name, holder, expires_at`,
      [name, holder, Math.ceil(ttlMs)],
    );
    return rows[0] ? toLease(rows[0]) : null;
  }

  async renew(name: string, holder: string, ttlMs: number): Promise<Lease | null> {
    const { rows } = await this.db.query<LeaseRow>(
      `UPDATE ${this.table} SET expires_at = clock_timestamp() + $3::bigint * interval '1 millisecond'
       WHERE name = $1 AND holder = $2 AND expires_at > clock_timestamp()
       RETURNING name, holder, expires_at`,
      [name, holder, Math.ceil(ttlMs)],
    );
    return rows[0] ? toLease(rows[0]) : null;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.db.query(`DELETE FROM ${this.table} WHERE name = $1 AND holder = $2`, [name, holder]);
  }
}

function toLease(row: LeaseRow): Lease {
  return { name: row.name, holder: row.holder, expiresAt: row.expires_at };
}
