import { Client } from 'pg';
import { waitFor } from '@tall/platform/testing';
import { IdentityApi, newEmail, type SignedIn } from '../identity/support/identity-api';
import { freePort, isolatedStores, startTall, type TallProcess } from '../support/tall-process';

/**
 * Black-box against the built API and the real stack: accounts created before pii kept roles
 * have no row in `pii.user_roles`, so an EDU_ADMIN was refused their personal data (and saw no
 * names) until their role next changed. profile sends every account's role to pii once per
 * database, in the background after start, retried while pii cannot be reached, and recorded in
 * its ledger only once pii accepted them all.
 */
describe('pii learns the roles of accounts from before it kept them (profile’s one-time backfill)', () => {
  const ADMIN_EMAIL = newEmail('backfill-root');
  const ADMIN_PASSWORD = 'the role backfill admin passphrase';
  const TASK = 'pii-user-roles-backfill';
  let stores: Awaited<ReturnType<typeof isolatedStores>>;
  let db: Client;
  const processes: TallProcess[] = [];

  const start = async (env: Record<string, string>) => {
    const tall = await startTall({ DATABASE_URL: stores.DATABASE_URL, MONGODB_URI: stores.MONGODB_URI, CRON_ENABLED: 'false', ...env });
    processes.push(tall);
    return tall;
  };
  const ledger = async () => (await db.query('SELECT completed_at FROM profile.one_time_tasks WHERE name = $1', [TASK])).rows;
  const readAs = (api: IdentityApi, reader: SignedIn, userId: string) => api.call('GET', `/pii/users/${userId}?purpose=user-administration`, { token: reader.accessToken });
  const listedName = async (api: IdentityApi, reader: SignedIn, userId: string) => {
    const list = await api.call('GET', '/users?role=STUDENT&pageSize=100', { token: reader.accessToken });
    expect(list.status).toBe(200);
    return (list.body.items as { id: string; firstName: string | null }[]).find((item) => item.id === userId)?.firstName;
  };

  beforeAll(async () => {
    stores = await isolatedStores('pii_role_backfill');
    db = new Client({ connectionString: stores.DATABASE_URL });
    await db.connect();
  });

  afterAll(async () => {
    await Promise.all(processes.map((tall) => tall.stop()));
    await db?.end();
    await stores?.drop();
  });

  it('gives an EDU_ADMIN back a student’s data after the backfill, which waits for an unreachable pii, and still refuses a TECH_ADMIN’s', async () => {
    // Today's accounts: pii learns their roles from profile's events.
    const tall = await start({ ADMIN_EMAIL, ADMIN_PASSWORD });
    await waitFor(async () => (await fetch(`${tall.url}/health/ready`)).ok, { timeoutMs: 60_000, what: 'Tall to be ready' });
    let api = new IdentityApi(tall.url);
    await waitFor(async () => (await api.login(ADMIN_EMAIL, ADMIN_PASSWORD)).status === 200, { timeoutMs: 30_000, what: 'the first admin to sign in' });
    const admin = await api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    let eduAdmin = await api.newUser(admin.accessToken, 'EDU_ADMIN');
    const student = await api.newUser(admin.accessToken, 'STUDENT');
    const techAdmin = await api.newUser(admin.accessToken, 'TECH_ADMIN');
    await waitFor(async () => (await readAs(api, eduAdmin, student.id)).status === 200, { what: 'pii to learn the student’s role' });
    // The backfill ran at the first start already, on a database without accounts.
    await waitFor(async () => (await ledger()).length === 1, { what: 'the backfill at the first start' });

    // As if these accounts were created before pii kept roles, on a database not backfilled yet.
    await db.query('DELETE FROM pii.user_roles WHERE user_id = ANY($1::uuid[])', [[student.id, techAdmin.id]]);
    await db.query('DELETE FROM profile.one_time_tasks WHERE name = $1', [TASK]);
    const refused = await readAs(api, eduAdmin, student.id);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN', correlationId: expect.any(String) });
    expect(await listedName(api, eduAdmin, student.id)).toBeNull();
    await tall.stop();

    // Restarted with pii in a process of its own that is not up yet: profile serves regardless.
    const [identityInternal, piiInternal] = [await freePort(), await freePort()];
    const identityAddress = `tcp://127.0.0.1:${identityInternal}`;
    const identity = await start({ INTERNAL_PORT: String(identityInternal), MODULES: 'system,profile,lobby,vocabulary,progress', MODULE_URLS: `pii=tcp://127.0.0.1:${piiInternal}` });
    api = new IdentityApi(identity.url);
    expect((await api.login(ADMIN_EMAIL, ADMIN_PASSWORD)).status).toBe(200);
    await waitFor(() => identity.logs().includes('could not send accounts\' roles to pii yet; retrying'), { timeoutMs: 30_000, what: 'a failed backfill attempt' });
    expect(await ledger()).toEqual([]);

    const pii = await start({
      INTERNAL_PORT: String(piiInternal),
      MODULES: 'pii',
      MODULE_URLS: ['profile', 'system', 'lobby', 'vocabulary', 'progress'].map((module) => `${module}=${identityAddress}`).join(','),
    });
    await waitFor(async () => (await ledger()).length === 1, { timeoutMs: 90_000, what: 'the backfill to complete once pii is up' });
    expect(identity.logs()).toContain('accounts\' roles sent to pii (one-time backfill)');
    const roles = await db.query('SELECT user_id, role FROM pii.user_roles WHERE user_id = ANY($1::uuid[]) ORDER BY role', [[student.id, techAdmin.id]]);
    expect(roles.rows).toEqual([
      { user_id: student.id, role: 'STUDENT' },
      { user_id: techAdmin.id, role: 'TECH_ADMIN' },
    ]);

    eduAdmin = await api.signIn(eduAdmin.email, eduAdmin.password);
    const piiApi = new IdentityApi(pii.url);
    const read = await readAs(piiApi, eduAdmin, student.id);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ userId: student.id, email: student.email });
    expect(await listedName(api, eduAdmin, student.id)).toBe('Test');
    // The backfill restores what profile allows, no more: a TECH_ADMIN stays out of an EDU_ADMIN's reach.
    expect((await readAs(piiApi, eduAdmin, techAdmin.id)).status).toBe(403);
    expect((await readAs(piiApi, await api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD), techAdmin.id)).status).toBe(200);
  });
});
