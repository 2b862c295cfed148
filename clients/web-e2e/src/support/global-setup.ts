import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { seedListening } from './listening-seed';
import { root, stackEnv } from './stack';

export const STATE_FILE = join(root, 'tmp/web-e2e-state.json');
export const SCREENSHOTS = join(root, 'tmp/screenshots');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts the built Tall (API and web client) on fresh databases, with a TECH_ADMIN to sign in as. */
export default async function globalSetup(): Promise<void> {
  const main = join(root, 'dist/api/apps/api/src/main.js');
  const web = join(root, 'dist/clients/web/browser/index.html');
  for (const file of [main, web]) if (!existsSync(file)) throw new Error(`Build Tall first (npm run build): ${file} is missing`);

  const stack = stackEnv();
  const database = `web_e2e_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: stack['DATABASE_URL'] });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();

  const port = await freePort();
  const adminEmail = `ops-${randomBytes(3).toString('hex')}@school.example`;
  const adminPassword = `Ops-${randomBytes(9).toString('base64url')}`;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    ...stack,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: stack['DATABASE_URL'].replace(/\/[^/?]+(\?|$)/, `/${database}$1`),
    MONGODB_URI: stack['MONGODB_URI'].replace(/\/[^/?]+(\?|$)/, `/${database}$1`),
    ADMIN_EMAIL: adminEmail,
    ADMIN_PASSWORD: adminPassword,
    WEB_DIST_DIR: join(root, 'dist/clients/web/browser'),
    // Sign-in attempts of the whole suite come from one address.
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
  };
  mkdirSync(join(root, 'tmp/e2e-logs'), { recursive: true });
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const child = spawn(process.execPath, ['--enable-source-maps', main], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  child.on('exit', () => writeFileSync(join(root, 'tmp/e2e-logs', `web-e2e-tall-${port}.log`), output));

  const url = `http://127.0.0.1:${port}`;
  // A fresh database loads the seed dictionary first: that takes a few minutes on FerretDB.
  const deadline = Date.now() + 360_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Tall exited with ${child.exitCode}:\n${output.slice(-3000)}`);
    const ready = await fetch(`${url}/health/ready`).then((response) => response.ok).catch(() => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Tall did not become ready:\n${output.slice(-3000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  // The listening library's seed videos, uploaded as an admin would.
  await seedListening(url, { email: adminEmail, password: adminPassword }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  process.env['TALL_E2E_URL'] = url;
  process.env['TALL_E2E_ADMIN_EMAIL'] = adminEmail;
  process.env['TALL_E2E_ADMIN_PASSWORD'] = adminPassword;
  writeFileSync(STATE_FILE, JSON.stringify({ pid: child.pid, url, database, adminEmail, adminPassword, databaseUrl: stack['DATABASE_URL'], mongoUri: stack['MONGODB_URI'] }));
}
