import { createHash } from 'node:crypto';

/**
 * A prepared statement's name as PostgreSQL keeps it: at most 63 bytes, or the server truncates
 * it and two statements that differ only at the end (a long test schema, then the sort key)
 * would collide on one connection. Long names keep a readable head and a hash of the whole.
 */
export function statementName(key: string): string {
  if (Buffer.byteLength(key) <= 63) return key;
  return `${key.slice(0, 40)}~${createHash('sha1').update(key).digest('hex').slice(0, 20)}`;
}
