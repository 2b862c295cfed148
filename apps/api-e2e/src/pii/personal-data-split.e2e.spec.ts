import { randomUUID } from 'node:crypto';
import { ClientTCP } from '@nestjs/microservices';
import { Client } from 'pg';
import { firstValueFrom } from 'rxjs';
import { waitFor } from '@tall/platform/testing';
import { freePort, isolatedStores, startTall, type TallProcess } from '../support/tall-process';

/**
 * pii in its own process: registration in the profile process stores personal data through
 * `pii.storePersonalData` over an authenticated call to pii's internal listener (TCP,
 * `INTERNAL_PORT`), the export collects the other contexts' sections the same way, and erasure (profile's `DELETE /api/v1/pii/me`, ADR 9) has pii
 * shred at once through `pii.erasePersonalData`.
 */
describe('pii hosted by another process than profile (calls over the internal TCP listener)', () => {
  let stores: Awaited<ReturnType<typeof isolatedStores>>;
  let identity: TallProcess;
  let pii: TallProcess;
  const password = 'Split-e2e-Passw0rd!';
  const canary = { firstName: `Splitvogel${randomUUID().slice(0, 8)}`, lastName: `Apart${randomUUID().slice(0, 8)}`, email: `split.${randomUUID().slice(0, 8)}@example.org` };

  const call = async (process: TallProcess, method: string, path: string, token?: string, body?: unknown) => {
    const response = await fetch(`${process.url}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  beforeAll(async () => {
    stores = await isolatedStores('pii_split');
    const [identityInternal, piiInternal] = [await freePort(), await freePort()];
    const identityAddress = `tcp://127.0.0.1:${identityInternal}`;
    const piiAddress = `tcp://127.0.0.1:${piiInternal}`;
    const common = { DATABASE_URL: stores.DATABASE_URL, MONGODB_URI: stores.MONGODB_URI, CRON_ENABLED: 'false' };
    [pii, identity] = await Promise.all([
      startTall({
        ...common,
        INTERNAL_PORT: String(piiInternal),
        MODULES: 'pii',
        MODULE_URLS: ['profile', 'system', 'lobby', 'vocabulary', 'progress', 'reader', 'exercises', 'listening', 'admin'].map((module) => `${module}=${identityAddress}`).join(','),
      }),
      startTall({ ...common, INTERNAL_PORT: String(identityInternal), MODULES: 'system,profile,lobby,vocabulary,progress,reader,exercises,listening,admin', MODULE_URLS: `pii=${piiAddress}` }),
    ]);
    for (const process of [pii, identity]) {
      await waitFor(async () => (await fetch(`${process.url}/health/ready`)).ok, { timeoutMs: 60_000, what: `${process.url} to be ready` });
    }
  });

  afterAll(async () => {
    await Promise.all([identity?.stop(), pii?.stop()]);
    await stores?.drop();
  });

  it('registers in the profile process, stores in the pii process, exports from every process, erases across both', async () => {
    const registered = await call(identity, 'POST', '/api/v1/auth/register', undefined, { ...canary, password });
    expect(registered.status).toBe(201);
    const token = registered.body.accessToken as string;

    const own = await call(pii, 'GET', '/api/v1/pii/me', token);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ firstName: canary.firstName, lastName: canary.lastName, email: canary.email });

    const exported = await call(pii, 'GET', '/api/v1/pii/me/export', token);
    expect(exported.status).toBe(200);
    const contexts = exported.body.sections.map((section: { context: string }) => section.context);
    expect([...contexts].sort()).toEqual(['admin', 'exercises', 'listening', 'lobby', 'pii', 'profile', 'progress', 'reader', 'system', 'vocabulary']);
    expect(JSON.stringify(exported.body)).toContain(canary.lastName);

    // Erasing one's account is profile's: the pii process does not serve the route (405: its /me answers other methods).
    expect((await call(pii, 'DELETE', '/api/v1/pii/me', token, { password })).status).toBe(405);
    expect((await call(identity, 'DELETE', '/api/v1/pii/me', token, { password: 'wrong-password' })).status).toBe(403);
    expect((await call(identity, 'DELETE', '/api/v1/pii/me', token, { password })).status).toBe(204);
    // The pii process has no profile: it keeps a session's status a few seconds, then refuses the erased account's token (issue 12).
    await waitFor(async () => (await call(pii, 'GET', '/api/v1/pii/me/export', token)).status === 401, { timeoutMs: 5_000, what: 'the pii process to refuse the token' });
    expect((await call(identity, 'POST', '/api/v1/auth/login', undefined, { email: canary.email, password })).status).toBe(401);
  });

  const storedFor = async (userId: string): Promise<number> => {
    const db = new Client({ connectionString: stores.DATABASE_URL });
    await db.connect();
    try {
      return (await db.query('SELECT 1 FROM pii.personal_data WHERE user_id = $1', [userId])).rowCount ?? 0;
    } finally {
      await db.end();
    }
  };

  it('runs no call between processes on the public port', async () => {
    const input = { userId: randomUUID(), firstName: 'Mallory', lastName: 'Forged', email: 'mallory@example.org' };
    // Shaped like the calls of the old HTTP route, with a service-token-like bearer: the public port has no such route.
    const bearer = 'eyJhbGciOiJIUzI1NiIsInR5cCI6InRhbGwtcnBjK2p3dCIsImtpZCI6IngifQ.e30.c2ln';
    for (const path of ['/internal/rpc/pii.storePersonalData', '/api/v1/internal/rpc/pii.storePersonalData']) {
      for (const token of [undefined, bearer]) {
        const answer = await call(pii, 'POST', path, token, { input });
        expect([404, 405]).toContain(answer.status);
        expect(answer.body).toMatchObject({ statusCode: answer.status, correlationId: expect.any(String) });
      }
    }
    expect(await storedFor(input.userId)).toBe(0);
    const docs = await (await fetch(`${pii.url}/api/docs-json`)).json();
    expect(Object.keys((docs as { paths: Record<string, unknown> }).paths).filter((path) => path.includes('internal'))).toEqual([]);
  });

  it('refuses a call on the internal listener without a valid service token', async () => {
    const address = new URL(pii.internalUrl as string);
    const client = new ClientTCP({ host: address.hostname, port: Number(address.port) });
    try {
      const input = { userId: randomUUID(), firstName: 'Mallory', lastName: 'Forged', email: 'mallory@example.org' };
      const send = (message: Record<string, unknown>) => firstValueFrom(client.send('tall.rpc.call', message));
      const refused = { error: { statusCode: 401, code: 'RPC_UNAUTHENTICATED', message: 'A valid service token is required' } };
      expect(await send({ call: 'pii.storePersonalData', input })).toEqual(refused);
      expect(await send({ call: 'pii.storePersonalData', input, token: 'eyJhbGciOiJub25lIn0.e30.' })).toEqual(refused);
      expect(await storedFor(input.userId)).toBe(0);
    } finally {
      client.close();
    }
  });
});
