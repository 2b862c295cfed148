import { Pool, type PoolClient } from 'pg';

export const PG_POOL = Symbol('PG_POOL');

export function createPgPool(url: string, max: number, applicationName = 'tall'): Pool {
  const pool = new Pool({
    connectionString: url,
    max,
    application_name: applicationName,
    // Fail fast when PostgreSQL is down: requests answer 503 instead of hanging.
    connectionTimeoutMillis: 2_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 15_000,
  });
  guardPoolClients(pool);
  return pool;
}

/**
 * A pooled client whose connection the server ends (restart, terminate, idle-in-transaction
 * timeout) emits 'error'; pg-pool listens only while the client is idle, so a client held by a
 * transaction or the relay would crash the process with an unhandled 'error' event. The query in
 * flight still fails with the error, and the broken client is discarded on release.
 */
export function guardPoolClients(pool: Pool): void {
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
}

/** Runs `work` in one transaction on one connection; rolls back on any error. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch {
      // The connection itself failed: do not hand it back to the pool.
      broken = true;
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Schema and table names are interpolated into SQL, so they must be plain identifiers. */
export function sqlIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a safe SQL identifier: ${name}`);
  return name;
}
