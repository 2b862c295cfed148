import mongoose, { type Connection } from 'mongoose';
import type { MongoClient } from 'mongodb';

/**
 * A mongoose connection to one context's own database, over the process's one MongoClient (the
 * event relay and the inboxes use the same client, so there is one pool per process).
 *
 * Index and collection creation stay explicit (each context's lifecycle creates what it needs):
 * mongoose's automatic `createIndexes`/`create` at model compile time would race between app
 * instances and ask FerretDB for options it does not have (ADR 2).
 */
export async function contextConnection(client: MongoClient, databaseName: string): Promise<Connection> {
  await client.connect();
  // Mongoose would build a stack trace string for every query it runs, only to name where a query
  // first ran should it be run twice. With source maps on, that costs more CPU than the query's
  // own driver work (a classroom load profile); a query run twice still fails, without that stack.
  mongoose.set('skipOriginalStackTraces', true);
  const root = mongoose.createConnection();
  // Model compilation reads `config`, not the options `set()` writes; `useDb` copies it to the child.
  root.config.autoIndex = false;
  root.config.autoCreate = false;
  root.setClient(client);
  return root.useDb(databaseName, { useCache: true });
}
