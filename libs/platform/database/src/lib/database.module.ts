import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { MongoClient } from 'mongodb';
import type { Pool } from 'pg';
import { HealthRegistry } from '@tall/platform/observability';
import { createMongoClient, MONGO_CLIENT } from './mongo';
import { createPgPool, PG_POOL } from './postgres';

export interface DatabaseOptions {
  postgresUrl: string;
  postgresPoolSize: number;
  mongoUri: string;
  /** Default 20. */
  mongoPoolSize?: number;
}

@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(MONGO_CLIENT) private readonly mongo: MongoClient,
    health: HealthRegistry,
  ) {
    health.register({ name: 'postgres', check: async () => void (await pool.query('SELECT 1')) });
    health.register({ name: 'mongodb', check: async () => void (await mongo.db('admin').command({ ping: 1 })) });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.pool.end(), this.mongo.close()]);
  }
}

/** One PostgreSQL pool and one MongoDB client per process, shared by the contexts' own schemas and databases. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: PG_POOL, useFactory: () => createPgPool(options.postgresUrl, options.postgresPoolSize) },
        {
          provide: MONGO_CLIENT,
          // connect() is lazy in the driver: an unreachable server shows in readiness, not as a crash at start.
          useFactory: () => createMongoClient(options.mongoUri, options.mongoPoolSize),
        },
        DatabaseLifecycle,
      ],
      exports: [PG_POOL, MONGO_CLIENT],
    };
  }
}
