import { Client } from 'pg';
import { stackEnv, uniqueName } from './stack-env';

/** A PostgreSQL database of its own on the local stack, so a test file's fixed schemas are its own. */
export async function freshDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const stack = stackEnv();
  const name = uniqueName(`int_${label}`).toLowerCase();
  const admin = new Client({ connectionString: stack.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: stack.DATABASE_URL.replace(/\/[^/?]+(\?|$)/, `/${name}$1`),
    drop: async () => {
      const client = new Client({ connectionString: stack.DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await client.end();
    },
  };
}
