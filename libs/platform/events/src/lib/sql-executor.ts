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

/** One transaction helper for the whole platform: the database lib's. */
export { inTransaction } from '@tall/platform/database';

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
