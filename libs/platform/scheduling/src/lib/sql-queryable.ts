import type { QueryResultRow } from 'pg';

/** The part of a pg `Pool` the stores use; a pool, not a client, as each statement stands alone. */
export interface SqlQueryable {
  query<R extends QueryResultRow>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}
