import { existsSync, readFileSync, rmSync } from 'node:fs';
import { MongoClient } from 'mongodb';
import { Client } from 'pg';
import { STATE_FILE } from './global-setup';

/** Stops the Tall process the suite started and drops its database. */
export default async function globalTeardown(): Promise<void> {
  if (!existsSync(STATE_FILE)) return;
  const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { pid: number; database: string; databaseUrl: string; mongoUri: string };
  try {
    process.kill(state.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  for (let waited = 0; waited < 15_000; waited += 200) {
    try {
      process.kill(state.pid, 0);
      await new Promise((resolve) => setTimeout(resolve, 200));
    } catch {
      break;
    }
  }
  const client = new Client({ connectionString: state.databaseUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${state.database} WITH (FORCE)`).catch(() => undefined);
  await client.end();
  const mongo = await MongoClient.connect(state.mongoUri);
  // Contexts derive their own databases from the URI's name (`<name>_vocabulary`, …).
  const { databases } = await mongo.db('admin').admin().listDatabases();
  for (const { name } of databases.filter(({ name }) => name.startsWith(state.database))) await mongo.db(name).dropDatabase().catch(() => undefined);
  await mongo.close();
  rmSync(STATE_FILE, { force: true });
}
