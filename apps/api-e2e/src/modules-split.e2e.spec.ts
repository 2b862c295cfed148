import { waitFor } from '@tall/platform/testing';
import { IdentityApi, newEmail, type SignedIn } from './identity/support/identity-api';
import { freePort, isolatedStores, startTall, type TallProcess } from './support/tall-process';

/**
 * Issue 2, "Done when": the same flow with the modules split across two processes (`MODULES`).
 * Profile, pii and system run in one process, lobby in another; the lobby learns about users
 * and role changes only from `user.events.v2` through Kafka, with no change to any handler.
 */
describe('modules split across two processes', () => {
  const ADMIN_EMAIL = newEmail('split-root');
  const ADMIN_PASSWORD = 'the split admin passphrase';
  let stores: Awaited<ReturnType<typeof isolatedStores>>;
  let identity: TallProcess;
  let lobby: TallProcess;
  let identityApi: IdentityApi;
  let lobbyApi: IdentityApi;
  let admin: SignedIn;

  beforeAll(async () => {
    stores = await isolatedStores('modules_split');
    // Calls between the two go to each other's internal listener (INTERNAL_PORT), not the public port.
    const [identityInternal, lobbyInternal] = [await freePort(), await freePort()];
    const identityAddress = `tcp://127.0.0.1:${identityInternal}`;
    const lobbyAddress = `tcp://127.0.0.1:${lobbyInternal}`;
    const common = { DATABASE_URL: stores.DATABASE_URL, MONGODB_URI: stores.MONGODB_URI, CRON_ENABLED: 'false' };
    [identity, lobby] = await Promise.all([
      startTall({
        ...common,
        INTERNAL_PORT: String(identityInternal),
        MODULES: 'system,profile,pii',
        MODULE_URLS: `lobby=${lobbyAddress},vocabulary=${lobbyAddress},progress=${lobbyAddress},reader=${lobbyAddress},exercises=${lobbyAddress},listening=${lobbyAddress},admin=${lobbyAddress}`,
        ADMIN_EMAIL,
        ADMIN_PASSWORD,
      }),
      startTall({ ...common, INTERNAL_PORT: String(lobbyInternal), MODULES: 'lobby,vocabulary,progress,reader,exercises,listening,admin', MODULE_URLS: `system=${identityAddress},profile=${identityAddress},pii=${identityAddress}` }),
    ]);
    for (const process of [identity, lobby]) {
      await waitFor(async () => (await fetch(`${process.url}/health/ready`)).ok, { timeoutMs: 60_000, what: `${process.url} to be ready` });
    }
    identityApi = new IdentityApi(identity.url);
    lobbyApi = new IdentityApi(lobby.url);
    admin = await identityApi.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await Promise.all([identity?.stop(), lobby?.stop()]);
    await stores?.drop();
  });

  it('hosts only the named modules in each process', async () => {
    const identityInfo = (await identityApi.call('GET', '/system/info', { token: admin.accessToken })).body;
    expect(identityInfo.modules).toEqual(['system', 'profile', 'pii']);
    expect((await lobbyApi.call('GET', '/system/info', { token: admin.accessToken })).status).toBe(404);
    expect((await lobbyApi.call('POST', '/auth/login', { body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } })).status).toBe(404);
  });

  it('delivers registration and a role change from the identity process to the lobby process through Kafka', async () => {
    const registered = await identityApi.register(newEmail('split-student'));
    expect(registered.status).toBe(201);
    let token = registered.body.accessToken as string;
    const productKeys = async () => {
      const answer = await lobbyApi.call('GET', '/lobby', { token });
      return answer.status === 200 ? (answer.body.products as { key: string }[]).map((product) => product.key) : undefined;
    };
    expect(await waitFor(productKeys, { timeoutMs: 60_000, what: 'the lobby process to answer' })).toContain('thematic-cards');

    const changed = await identityApi.call('PATCH', `/users/${registered.body.user.id}/role`, { token: admin.accessToken, body: { role: 'TEACHER' } });
    expect(changed.status).toBe(200);
    // The lobby process (no profile there) refuses the token that still says STUDENT within seconds (issue 12); the client refreshes.
    await waitFor(async () => (await lobbyApi.call('GET', '/lobby', { token })).status === 401, { timeoutMs: 5_000, what: 'the lobby process to refuse the old token' });
    const refreshed = await identityApi.call('POST', '/auth/refresh', { body: { refreshToken: registered.body.refreshToken } });
    expect(refreshed.body.user.role).toBe('TEACHER');
    token = refreshed.body.accessToken;
    // The new token says TEACHER, but the lobby goes by the role profile's events told it: only the event, through Kafka, changes that.
    const lobbyRole = async () => {
      const exported = await identityApi.call('GET', '/pii/me/export', { token });
      return (exported.body?.sections as { context: string; data: { role?: string } }[] | undefined)?.find((section) => section.context === 'lobby')?.data.role;
    };
    await waitFor(async () => (await lobbyRole()) === 'TEACHER', { timeoutMs: 60_000, what: 'user.roleChanged to reach the lobby process through Kafka' });
    expect(await productKeys()).toEqual(['my-students', 'content-preview']);
  });

  it('collects a GDPR export from both processes', async () => {
    const registered = await identityApi.register(newEmail('split-export'));
    const exported = await identityApi.call('GET', '/pii/me/export', { token: registered.body.accessToken });
    expect(exported.status).toBe(200);
    expect(exported.body.sections.map((section: { context: string }) => section.context).sort()).toEqual(['admin', 'exercises', 'listening', 'lobby', 'pii', 'profile', 'progress', 'reader', 'system', 'vocabulary']);
  });
});
