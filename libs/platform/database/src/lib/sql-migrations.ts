import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { inTransaction, sqlIdentifier } from './postgres';

export interface SqlMigration {
  /** Ordered, never renamed: `001-create-outbox`. */
  id: string;
  sql: string;
}

/**
 * Applies a schema's SQL migrations once, in order, under an advisory lock so several app
 * instances starting together do not race. A changed migration that already ran is an error.
 */
export async function migrateSchema(pool: Pool, schema: string, migrations: readonly SqlMigration[]): Promise<string[]> {
  const name = sqlIdentifier(schema);
  const lockKey = createHash('sha256').update(`tall.migrations.${name}`).digest().readBigInt64BE(0);
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [lockKey.toString()]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${name}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${name}.schema_migrations (id text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ id: string; checksum: string }>(`SELECT id, checksum FROM ${name}.schema_migrations`);
    const applied = new Map(rows.map((row) => [row.id, row.checksum]));
    const ran: string[] = [];
    for (const migration of migrations) {
      const checksum = createHash('sha256').update(migration.sql).digest('hex');
      const previous = applied.get(migration.id);
      if (previous !== undefined) {
        if (previous !== checksum) throw new Error(`Migration ${name}/${migration.id} changed after it was applied`);
        continue;
      }
      await client.query(migration.sql);
      await client.query(`INSERT INTO ${name}.schema_migrations (id, checksum) VALUES ($1, $2)`, [migration.id, checksum]);
      ran.push(migration.id);
    }
    return ran;
  });
}
