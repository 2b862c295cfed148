import { MongoClient } from 'mongodb';

export const MONGO_CLIENT = Symbol('MONGO_CLIENT');

export function createMongoClient(uri: string, poolSize = 20): MongoClient {
  return new MongoClient(uri, {
    // Fail fast when the server is down: requests answer 503 instead of hanging.
    serverSelectionTimeoutMS: 2_000,
    connectTimeoutMS: 2_000,
    // MONGODB_POOL_SIZE. 100 instead of 20 changed nothing measurable under the classroom load
    // (`npm run load` at half size: thematic answers p50 450 ms either way), so 20 stays.
    maxPoolSize: poolSize,
    appName: 'tall',
  });
}

/** The database named in the URI, or `fallback`. Contexts derive their own databases from it. */
export function defaultDatabaseName(uri: string, fallback = 'tall'): string {
  const path = uri.replace(/^mongodb(\+srv)?:\/\/[^/]+/, '').split('?')[0];
  const name = path.replace(/^\//, '');
  return name || fallback;
}
