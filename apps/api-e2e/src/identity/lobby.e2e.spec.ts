import { waitFor } from '@tall/platform/testing';
import { isolatedStores, startTall, type TallProcess } from '../support/tall-process';
import { IdentityApi, newEmail, type Role, type SignedIn } from './support/identity-api';

/** Issue 3, "Done when": the lobby shows the right products per role, and follows a role change. */
const ADMIN_EMAIL = newEmail('root');
const ADMIN_PASSWORD = 'the first admin passphrase';

const EXPECTED: Record<Role, string[]> = {
  STUDENT: ['thematic-cards', 'learning-cards', 'reader', 'listening', 'exercises', 'my-progress'],
  TEACHER: ['my-students', 'content-preview'],
  EDU_ADMIN: ['content-admin', 'users', 'all-students'],
  TECH_ADMIN: ['operations', 'users'],
};

describe('lobby, black-box (issue 3)', () => {
  let tall: TallProcess;
  let stores: Awaited<ReturnType<typeof isolatedStores>>;
  let api: IdentityApi;
  let admin: SignedIn;

  beforeAll(async () => {
    stores = await isolatedStores('identity_lobby');
    tall = await startTall({ DATABASE_URL: stores.DATABASE_URL, MONGODB_URI: stores.MONGODB_URI, CRON_ENABLED: 'false', ADMIN_EMAIL, ADMIN_PASSWORD });
    api = new IdentityApi(tall.url);
    await waitFor(async () => (await fetch(`${tall.url}/health/ready`)).ok, { timeoutMs: 60_000, what: 'Tall to be ready' });
    admin = await api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await tall?.stop();
    await stores?.drop();
  });

  const lobby = async (token: string) => {
    const answer = await api.call('GET', '/lobby', { token });
    expect(answer.status).toBe(200);
    return answer.body as { products: { key: string; title: string; route: string; icon: string; comingSoon: boolean }[]; continue?: { product: string; location: string; at: string } };
  };
  const keys = async (token: string) => (await lobby(token)).products.map((product) => product.key);

  it.each(['STUDENT', 'TEACHER', 'EDU_ADMIN', 'TECH_ADMIN'] as const)('shows a %s their products', async (role) => {
    const user = role === 'TECH_ADMIN' ? admin : await api.newUser(admin.accessToken, role);
    const view = await lobby(user.accessToken);
    expect(view.products.map((product) => product.key)).toEqual(EXPECTED[role]);
    for (const product of view.products) {
      expect(product).toEqual({ key: product.key, title: expect.any(String), route: expect.stringMatching(/^\//), icon: expect.any(String), comingSoon: expect.any(Boolean) });
    }
  });

  it('shows products of modules not built yet as coming soon', async () => {
    const student = await api.register(newEmail('student'));
    const view = await lobby(student.body.accessToken);
    // Vocabulary, the reader, listening and exercises are built: their products open.
    const comingSoon = Object.fromEntries(view.products.map((product) => [product.key, product.comingSoon]));
    expect(comingSoon).toMatchObject({ 'thematic-cards': false, 'learning-cards': false, reader: false, listening: false, exercises: false });
    expect((await lobby(admin.accessToken)).products.find((product) => product.key === 'users')?.comingSoon).toBe(false);
  });

  /**
   * After a role change the old access token is refused (issue 12); the client refreshes, as the
   * web client does on a 401, and carries on with a token of the new role.
   */
  const refreshedAfterRoleChange = async (user: { accessToken: string; refreshToken: string }, role: Role) => {
    await waitFor(async () => (await api.call('GET', '/lobby', { token: user.accessToken })).status === 401, { timeoutMs: 5_000, what: 'the old token to be refused' });
    const refreshed = await api.call('POST', '/auth/refresh', { body: { refreshToken: user.refreshToken } });
    expect(refreshed.body.user.role).toBe(role);
    return { accessToken: refreshed.body.accessToken as string, refreshToken: refreshed.body.refreshToken as string };
  };

  it('follows a role change without a restart', async () => {
    const registered = await api.register(newEmail('student'));
    let session = { accessToken: registered.body.accessToken as string, refreshToken: registered.body.refreshToken as string };
    await waitFor(async () => (await keys(session.accessToken)).join() === EXPECTED.STUDENT.join(), { timeoutMs: 10_000, what: 'the student lobby' });
    expect((await api.call('PATCH', `/users/${registered.body.user.id}/role`, { token: admin.accessToken, body: { role: 'TEACHER' } })).status).toBe(200);
    session = await refreshedAfterRoleChange(session, 'TEACHER');
    await waitFor(async () => (await keys(session.accessToken)).join() === EXPECTED.TEACHER.join(), { timeoutMs: 15_000, what: 'the lobby to show the teacher products' });
    expect((await api.call('PATCH', `/users/${registered.body.user.id}/role`, { token: admin.accessToken, body: { role: 'STUDENT' } })).status).toBe(200);
    session = await refreshedAfterRoleChange(session, 'STUDENT');
    await waitFor(async () => (await keys(session.accessToken)).join() === EXPECTED.STUDENT.join(), { timeoutMs: 15_000, what: 'the lobby to show the student products again' });
  });

  it('remembers where a user left off, only within products they may open', async () => {
    const eduAdmin = await api.newUser(admin.accessToken, 'EDU_ADMIN');
    expect(await keys(eduAdmin.accessToken)).toEqual(EXPECTED.EDU_ADMIN);
    const saved = await api.call('PUT', '/lobby/context', { token: eduAdmin.accessToken, body: { product: 'users', location: '/admin/users?page=3' } });
    expect(saved.status).toBe(204);
    expect((await lobby(eduAdmin.accessToken)).continue).toEqual({ product: 'users', location: '/admin/users?page=3', at: expect.any(String) });

    const notTheirs = await api.call('PUT', '/lobby/context', { token: eduAdmin.accessToken, body: { product: 'operations', location: '/ops' } });
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.body.code).toBe('PRODUCT_NOT_AVAILABLE');
    const unknownField = await api.call('PUT', '/lobby/context', { token: eduAdmin.accessToken, body: { product: 'users', location: '/x', extra: 1 } });
    expect(unknownField.status).toBe(400);

    // A role without the Users product no longer sees it offered as "continue".
    expect((await api.call('PATCH', `/users/${eduAdmin.id}/role`, { token: admin.accessToken, body: { role: 'TEACHER' } })).status).toBe(200);
    const { accessToken } = await refreshedAfterRoleChange(eduAdmin, 'TEACHER');
    await waitFor(async () => (await keys(accessToken)).join() === EXPECTED.TEACHER.join(), { timeoutMs: 15_000, what: 'the teacher lobby' });
    expect((await lobby(accessToken)).continue).toBeUndefined();
  });

  it('refuses anonymous callers', async () => {
    expect((await api.call('GET', '/lobby')).status).toBe(401);
    expect((await api.call('PUT', '/lobby/context', { body: { product: 'users', location: '/x' } })).status).toBe(401);
  });
});
