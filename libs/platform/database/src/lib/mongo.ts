import { MongoClient } from 'mongodb';

export const MONGO_CLIENT = Symbol('MONGO_CLIENT');

export function createMongoClient(uri: string): MongoClient {
  return new MongoClient(uri, {
    // Fail fast when the server is down: requests answer 503 instead of hanging.
    serverSelectionTimeoutMS: 2_000,
    connectTimeoutMS: 2_000,
    maxPoolSize: 20,
    appName: 'tall',
  });
}

/** The database named in the URI, or `fallback`. Contexts derive their own databases from it. */
export function defaultDatabaseName(uri: string, fallback = 'tall'): string {
  const path = uri.replace(/^mongodb(\+srv)?:\/\/[^/]+/, '').split('?')[0];
  const name = path.replace(/^\//, '');
  return name || fallback;
}
