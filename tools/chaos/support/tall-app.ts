// The built API as a child process of the chaos and load scripts (and of the outage spec): on
// stores of its own, with a fixed port so a killed process can be restarted where its clients
// expect it. Plain Node and the workspace's own libraries only: no test framework.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { MongoClient } from 'mongodb';
import { Client } from 'pg';
import { waitFor, workspaceRoot, type StackEnv } from './local-stack';

/** The built API; TALL_API_MAIN points at another build, e.g. to compare two commits on the same stack. */
export const MAIN = process.env['TALL_API_MAIN'] ? resolve(process.env['TALL_API_MAIN']) : join(workspaceRoot, 'dist/api/apps/api/src/main.js');

/** Every API process started here and still running: a script interrupted by a signal ends them. */
const running = new Set<ChildProcess>();

export function killStartedApps(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** Compiles the API (not the web client) when dist/ lacks it, or always with `force`. */
export function ensureBuilt({ force = false } = {}): void {
  if (process.env['TALL_API_MAIN']) {
    if (!existsSync(MAIN)) throw new Error(`TALL_API_MAIN names ${MAIN}, which does not exist`);
    return;
  }
  if (existsSync(MAIN) && !force) return;
  process.stderr.write(`[tall] building the API into dist/ (${force ? 'asked for' : 'missing'})\n`);
  // build.mjs is an ES module; this file may run as CommonJS (Jest, swc-register): a child Node runs it.
  const build = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', "const { buildApi } = await import('./tools/run/build.mjs'); buildApi();"],
    { cwd: workspaceRoot, stdio: 'inherit' },
  );
  if (build.status !== 0 || !existsSync(MAIN)) throw new Error(`building the API failed (exit ${build.status ?? build.signal})`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

export interface Stores {
  DATABASE_URL: string;
  MONGODB_URI: string;
  drop(): Promise<void>;
}

/**
 * A PostgreSQL database and a MongoDB database name of their own, so a drill's counts are its own.
 * Topics are shared: observers filter by the users a run created.
 */
export async function freshStores(stack: StackEnv, label: string): Promise<Stores> {
  const name = `${label}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`.toLowerCase();
  const admin = new Client({ connectionString: stack.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const withDatabase = (url: string) => url.replace(/\/[^/?]+(\?|$)/, `/${name}$1`);
  return {
    DATABASE_URL: withDatabase(stack.DATABASE_URL),
    MONGODB_URI: withDatabase(stack.MONGODB_URI),
    async drop() {
      const pg = new Client({ connectionString: stack.DATABASE_URL });
      await pg.connect();
      await pg.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await pg.end();
      // Each context derives its own MongoDB database from the URI's name (`<name>_vocabulary`, …).
      const mongo = await MongoClient.connect(stack.MONGODB_URI, { serverSelectionTimeoutMS: 10_000 });
      try {
        const { databases } = await mongo.db('admin').admin().listDatabases({ nameOnly: true });
        for (const { name: database } of databases.filter((db) => db.name === name || db.name.startsWith(`${name}_`))) {
          await mongo.db(database).dropDatabase();
        }
      } finally {
        await mongo.close();
      }
    },
  };
}

export interface TallApp {
  readonly url: string;
  readonly port: number;
  /** The current process (a restart replaces it). */
  pid(): number;
  /** The last output of the current process, for error messages. */
  output(): string;
  /** Resolves when the current process has exited, with its code or signal. */
  exited(): Promise<string>;
  /** SIGKILL, as a crash or an OOM kill would be; resolves once the process is gone. */
  kill(): Promise<void>;
  /** Starts the process again on the same port and stores; resolves once it listens. */
  restart(): Promise<void>;
  /** SIGTERM (graceful shutdown) and wait. */
  stop(): Promise<void>;
}

export interface StartOptions {
  stack: StackEnv;
  stores: Pick<Stores, 'DATABASE_URL' | 'MONGODB_URI'>;
  /** Extra or overriding variables. */
  env?: Record<string, string>;
  /** V8 heap cap in MB, as the container sets it (Dockerfile); 0 for Node's default. */
  heapMb?: number;
  /** Where the output of each process goes when it exits (kept for post-mortems). */
  logDirectory?: string;
}

/** Starts the built API and waits until it listens. */
export async function startTallApp(options: StartOptions): Promise<TallApp> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the API first`);
  const port = options.env?.['PORT'] ? Number(options.env['PORT']) : await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logDirectory = options.logDirectory ?? join(workspaceRoot, 'tmp', 'chaos-logs');
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    ...options.stack,
    DATABASE_URL: options.stores.DATABASE_URL,
    MONGODB_URI: options.stores.MONGODB_URI,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    CRON_ENABLED: 'false',
    ...options.env,
    PORT: String(port),
  };
  const heap = options.heapMb ?? 0;
  // TALL_API_NODE_ARGS: extra Node options for the API, e.g. `--cpu-prof --cpu-prof-dir=tmp/prof` to see where a run's time goes.
  const extra = (process.env['TALL_API_NODE_ARGS'] ?? '').split(/\s+/).filter(Boolean);
  const args = [...(heap > 0 ? [`--max-old-space-size=${heap}`] : []), '--enable-source-maps', ...extra, MAIN];

  let child: ChildProcess;
  let output = '';
  let exit: Promise<string>;
  let ending = false;

  const launch = async () => {
    output = '';
    ending = false;
    child = spawn(process.execPath, args, { cwd: workspaceRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 400_000) output = output.slice(-200_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const current = child;
    exit = new Promise((resolve) =>
      current.once('exit', (code, signal) => {
        running.delete(current);
        mkdirSync(logDirectory, { recursive: true });
        writeFileSync(join(logDirectory, `tall-${port}-${current.pid}.log`), output);
        if (!ending) process.stderr.write(`[tall] the API on port ${port} exited unexpectedly (${code ?? signal}):\n${output.slice(-3000)}\n`);
        resolve(String(code ?? signal));
      }),
    );
    try {
      await waitFor(
        async () => {
          if (current.exitCode !== null || current.signalCode !== null) throw new Error(`the API exited (${current.exitCode ?? current.signalCode})`);
          return (await fetch(`${url}/health/live`).catch(() => undefined))?.ok;
        },
        { timeoutMs: 90_000, intervalMs: 100, what: `the API on port ${port} to listen` },
      );
    } catch (error) {
      ending = true;
      current.kill('SIGKILL');
      throw new Error(`${String(error)}\n--- API output ---\n${output.slice(-3000)}`);
    }
  };

  const end = async (signal: NodeJS.Signals) => {
    ending = true;
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exit;
  };

  await launch();
  return {
    url,
    port,
    pid: () => child.pid ?? -1,
    output: () => output,
    exited: () => exit,
    kill: () => end('SIGKILL'),
    restart: launch,
    stop: () => end('SIGTERM'),
  };
}

/** Resident memory of a process in MB (Linux): current (VmRSS) and the kernel's peak mark (VmHWM). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return null;
  }
}

/** Waits until /health/ready answers 200 (every dependency reachable). */
export async function waitReady(app: Pick<TallApp, 'url'>, timeoutMs = 90_000): Promise<void> {
  await waitFor(async () => (await fetch(`${app.url}/health/ready`).catch(() => undefined))?.ok, {
    timeoutMs,
    intervalMs: 200,
    what: `${app.url} to be ready`,
  });
}
