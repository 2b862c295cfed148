import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { MongoClient } from 'mongodb';
import { Client } from 'pg';
import { stackEnv, uniqueName, waitFor, workspaceRoot } from '@tall/platform/testing';

/** The built API; TALL_API_MAIN points at another build (as for the chaos and load scripts). Its CLIs sit beside it. */
export const API_MAIN = process.env['TALL_API_MAIN'] ? resolve(process.env['TALL_API_MAIN']) : join(workspaceRoot, 'dist/api/apps/api/src/main.js');

export interface TallProcess {
  url: string;
  port: number;
  /** `tcp://127.0.0.1:<INTERNAL_PORT>`, where other processes call this one's modules, when it listens for them. */
  internalUrl?: string;
  env: Record<string, string>;
  logs: () => string;
  /** SIGTERM and wait; `kill()` is SIGKILL, as a crash would be. */
  stop: () => Promise<void>;
  kill: () => Promise<void>;
  exited: Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * A fresh PostgreSQL database and MongoDB database for one test file, so black-box tests do
 * not see each other's data. Topics are shared; tests filter by what they created.
 */
export async function isolatedStores(label: string): Promise<{ DATABASE_URL: string; MONGODB_URI: string; drop: () => Promise<void> }> {
  const stack = stackEnv();
  const name = uniqueName(`e2e_${label}`).toLowerCase();
  const admin = new Client({ connectionString: stack.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const databaseUrl = stack.DATABASE_URL.replace(/\/[^/?]+(\?|$)/, `/${name}$1`);
  const mongoUri = stack.MONGODB_URI.replace(/\/[^/?]+(\?|$)/, `/${name}$1`);
  return {
    DATABASE_URL: databaseUrl,
    MONGODB_URI: mongoUri,
    drop: async () => {
      const client = new Client({ connectionString: stack.DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await client.end();
      // And the MongoDB databases of every context (`<name>_vocabulary`, `<name>_admin`, …): left behind,
      // they pile up on the shared server and slow down whatever reads all of it (the leak search).
      const mongo = await MongoClient.connect(stack.MONGODB_URI);
      try {
        const { databases } = await mongo.db(name).admin().listDatabases({ nameOnly: true });
        for (const database of databases.filter((candidate) => candidate.name === name || candidate.name.startsWith(`${name}_`))) {
          await mongo.db(database.name).dropDatabase().catch(() => undefined);
        }
      } finally {
        await mongo.close();
      }
    },
  };
}

/** Starts the built API (dist/) as its own process, exactly as production runs it. */
export async function startTall(env: Record<string, string> = {}): Promise<TallProcess> {
  if (!existsSync(API_MAIN)) throw new Error(`Build the API first (npm run build): ${API_MAIN} is missing`);
  // A given PORT is kept (processes that must know each other's address before they start).
  const port = env['PORT'] ? Number(env['PORT']) : await freePort();
  // A process hosting only some modules must listen for calls from the others (INTERNAL_PORT).
  const partial = env['MODULES'] !== undefined && env['MODULES'] !== 'all';
  const internalPort = env['INTERNAL_PORT'] ? Number(env['INTERNAL_PORT']) : partial ? await freePort() : undefined;
  const fullEnv: Record<string, string> = {
    ...(process.env as Record<string, string>),
    ...stackEnv(),
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    PORT: String(port),
    HOST: '127.0.0.1',
    ...(internalPort ? { INTERNAL_PORT: String(internalPort) } : {}),
    ...env,
  };
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', API_MAIN], {
    env: fullEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  let stopping = false;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      // Keep what the process said: the first thing to read when a black-box test fails.
      const directory = join(workspaceRoot, 'tmp', 'e2e-logs');
      mkdirSync(directory, { recursive: true });
      writeFileSync(join(directory, `tall-${port}-${Date.now()}.log`), output);
      if (!stopping) process.stderr.write(`Tall on port ${port} exited unexpectedly (${code ?? child.signalCode}):\n${output.slice(-4000)}\n`);
      resolve(code);
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`Tall exited with ${child.exitCode}:\n${output.slice(-3000)}`);
        const response = await fetch(`${url}/health/live`).catch(() => undefined);
        return response?.ok;
      },
      { timeoutMs: 60_000, intervalMs: 200, what: 'Tall to listen' },
    );
  } catch (error) {
    stopping = true;
    child.kill('SIGKILL');
    throw new Error(`${String(error)}\n--- Tall output ---\n${output.slice(-3000)}`);
  }
  const end = async (signal: NodeJS.Signals) => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const internalUrl = internalPort ? `tcp://127.0.0.1:${internalPort}` : undefined;
  return { url, port, internalUrl, env: fullEnv, logs: () => output, stop: () => end('SIGTERM'), kill: () => end('SIGKILL'), exited };
}
