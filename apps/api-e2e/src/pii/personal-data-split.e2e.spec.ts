import { randomUUID } from 'node:crypto';
import { waitFor } from '@tall/platform/testing';
import { freePort, isolatedStores, startTall, type TallProcess } from '../support/tall-process';

/**
 * pii in its own process: registration in the profile process stores personal data through
 * `pii.storePersonalData` over an authenticated direct call, the export collects the other
 * contexts' sections over HTTP, and erasure (profile's `DELETE /api/v1/pii/me`, ADR 9) has pii
 * shred at once through `pii.erasePersonalData`.
 */
describe('pii hosted by another process than profile (calls over HTTP)', () => {
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
    const [identityPort, piiPort] = [await freePort(), await freePort()];
    const identityUrl = `http://127.0.0.1:${identityPort}`;
    const piiUrl = `http://127.0.0.1:${piiPort}`;
    const common = { DATABASE_URL: stores.DATABASE_URL, MONGODB_URI: stores.MONGODB_URI, CRON_ENABLED: 'false' };
    [pii, identity] = await Promise.all([
      startTall({
        ...common,
        PORT: String(piiPort),
        MODULES: 'pii',
        MODULE_URLS: ['profile', 'system', 'lobby', 'vocabulary', 'progress'].map((module) => `${module}=${identityUrl}`).join(','),
      }),
      startTall({ ...common, PORT: String(identityPort), MODULES: 'system,profile,lobby,vocabulary,progress', MODULE_URLS: `pii=${piiUrl}` }),
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
    expect([...contexts].sort()).toEqual(['lobby', 'pii', 'profile', 'progress', 'system', 'vocabulary']);
    expect(JSON.stringify(exported.body)).toContain(canary.lastName);

    // Erasing one's account is profile's: the pii process does not serve the route (405: its /me answers other methods).
    expect((await call(pii, 'DELETE', '/api/v1/pii/me', token, { password })).status).toBe(405);
    expect((await call(identity, 'DELETE', '/api/v1/pii/me', token, { password: 'wrong-password' })).status).toBe(403);
    expect((await call(identity, 'DELETE', '/api/v1/pii/me', token, { password })).status).toBe(204);
    expect((await call(pii, 'GET', '/api/v1/pii/me/export', token)).status).toBe(410);
    expect((await call(identity, 'POST', '/api/v1/auth/login', undefined, { email: canary.email, password })).status).toBe(401);
  });

  it('refuses a call between processes without a valid service token', async () => {
    const input = { userId: randomUUID(), firstName: 'Mallory', lastName: 'Forged', email: 'mallory@example.org' };
    const anonymous = await call(pii, 'POST', '/internal/rpc/pii.storePersonalData', undefined, { input });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('RPC_UNAUTHENTICATED');
    const withUserToken = await call(pii, 'POST', '/internal/rpc/pii.storePersonalData', 'eyJhbGciOiJub25lIn0.e30.', { input });
    expect(withUserToken.status).toBe(401);
    expect((await call(pii, 'POST', '/api/v1/internal/rpc/pii.storePersonalData', undefined, { input })).status).toBe(404);
    const docs = await (await fetch(`${pii.url}/api/docs-json`)).json();
    expect(Object.keys((docs as { paths: Record<string, unknown> }).paths).filter((path) => path.includes('internal'))).toEqual([]);
  });
});
