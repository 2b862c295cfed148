import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PROFILE_MIGRATIONS } from './migrations/1732000000000-create-profile';
import { PROFILE_ENTITIES, PROFILE_SCHEMA } from './profile-entities';

export interface ProfileDataSourceOptions {
  url: string;
  poolSize: number;
}

/** TypeORM over profile's own schema; the schema only ever changes through migrations (no synchronize). */
export function createProfileDataSource(options: ProfileDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: PROFILE_SCHEMA,
    entities: PROFILE_ENTITIES,
    migrations: PROFILE_MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'all',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    applicationName: 'tall-profile',
    poolErrorHandler: () => undefined,
    extra: {
      max: options.poolSize,
      // Fail fast when PostgreSQL is down: requests answer 503 instead of hanging.
      connectionTimeoutMillis: 2_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: 15_000,
    },
  });
}

/**
 * Runs profile's TypeORM migrations once across instances starting together: the schema is
 * created and the migrations run while this process holds an advisory lock (on the platform
 * pool's connection, released whatever happens).
 */
export async function migrateProfile(dataSource: DataSource, pool: Pool): Promise<string[]> {
  const lockKey = createHash('sha256').update('tall.migrations.profile').digest().readBigInt64BE(0).toString();
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [lockKey]);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${PROFILE_SCHEMA}`);
      const ran = await dataSource.runMigrations({ transaction: 'all' });
      return ran.map((migration) => migration.name);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [lockKey]);
    }
  } finally {
    client.release();
  }
}
