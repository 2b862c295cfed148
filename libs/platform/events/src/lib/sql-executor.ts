import type { Pool, PoolClient } from 'pg';

/**
 * What the outbox and inbox need from "a connection inside the caller's transaction".
 * A pg `PoolClient` satisfies it, and so do TypeORM's `EntityManager` and `QueryRunner`, so the
 * outbox row joins whatever transaction the context opened.
 */
export interface SqlExecutor {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(text: string, params?: unknown[]): Promise<{ rows: any[]; rowCount: number | null }>;
}

/**
 * Rows of a query result whatever ran it: pg returns `{ rows }`, while TypeORM's `query()`
 * (despite its signature matching SqlExecutor) returns the bare rows array — or
 * `[rows, affected]` for UPDATE/DELETE. Only read results through this helper.
 */
export function resultRows<T = Record<string, unknown>>(result: unknown): T[] {
  if (Array.isArray(result)) {
    if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
    return result as T[];
  }
  const rows = (result as { rows?: unknown } | null | undefined)?.rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}

/** Runs `work` in a transaction on a client of `pool`; rolls back when it throws. */
export async function inTransaction<T>(pool: Pool, work: (tx: PoolClient) => Promise<T>): Promise<T> {
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

/**
 * Schema names end up inside SQL text (they cannot be bind parameters): accept only plain
 * lower-case identifiers, which also need no case-folding surprises, and quote them anyway.
 */
export function quoteIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new Error(`Invalid SQL identifier ${JSON.stringify(name)}: use lower-case letters, digits and _`);
  }
  return `"${name}"`;
}
