import { startProfileTestApp, type ProfileTestApp } from '../../test-support/profile-test-app';

/** `DELETE /api/v1/pii/me` as clients know it, now answered by profile with a fake pii. */
describe('erasing one’s own account (integration)', () => {
  const PASSWORD = 'correct horse battery';
  let t: ProfileTestApp;
  let counter = 0;

  beforeAll(async () => {
    t = await startProfileTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  const call = async (method: 'POST' | 'DELETE', url: string, body?: unknown, token?: string) => {
    const response = await t.app.inject({
      method,
      url: `/api/v1${url}`,
      ...(body === undefined ? {} : { payload: body as object }),
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: response.statusCode, body: response.body ? response.json() : undefined, headers: response.headers };
  };
  const register = async () => {
    const email = `erase${++counter}.${Date.now()}@school.example`;
    const registered = await call('POST', '/auth/register', { email, password: PASSWORD, firstName: 'Ada', lastName: 'Lovelace' });
    return { email, userId: registered.body.user.id as string, token: registered.body.accessToken as string };
  };
  const erase = (token: string, body: unknown) => call('DELETE', '/pii/me', body, token);

  it('refuses a wrong or missing password and keeps the account', async () => {
    const { email, userId, token } = await register();
    const wrong = await erase(token, { password: 'not the password' });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ code: 'REAUTHENTICATION_FAILED', message: 'The password is not correct' });
    expect((await erase(token, {})).status).toBe(400);
    expect((await call('DELETE', '/pii/me', { password: PASSWORD })).status).toBe(401);
    expect((await call('POST', '/auth/login', { email, password: PASSWORD })).status).toBe(200);
    expect(t.pii.erasures.filter((erasure) => erasure.userId === userId)).toEqual([]);
  });

  it('erases after re-authentication: pii shreds at once, user.deleted goes out, sign-in ends, a second erase answers 410', async () => {
    const { email, userId, token } = await register();
    const erased = await erase(token, { password: PASSWORD });
    expect(erased.status).toBe(204);
    expect(erased.body).toBeUndefined();
    expect(t.pii.erasures).toContainEqual({ userId, principal: userId });
    expect(t.pii.people.has(userId)).toBe(false);
    const { rows } = await t.pool.query(`SELECT envelope FROM profile.outbox WHERE type = 'user.deleted' AND key = $1`, [userId]);
    expect(rows.map((row) => row.envelope.payload)).toEqual([{ userId, role: 'STUDENT', deletedAt: expect.any(String) }]);
    expect((await call('POST', '/auth/login', { email, password: PASSWORD })).status).toBe(401);

    const again = await erase(token, { password: PASSWORD });
    expect(again.status).toBe(410);
    expect(again.body).toMatchObject({ code: 'PII_ERASED', message: "This user's personal data was erased" });
  });

  it('locks after five wrong passwords: 429 with Retry-After, even for the right one', async () => {
    const { userId, token } = await register();
    for (let attempt = 1; attempt <= 5; attempt++) expect((await erase(token, { password: 'not the password' })).status).toBe(403);
    const locked = await erase(token, { password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'ACCOUNT_LOCKED', message: 'Too many wrong passwords: try again later', details: { retryAfterSeconds: expect.any(Number) } });
    expect(Number(locked.headers['retry-after'])).toBe(locked.body.details.retryAfterSeconds);
    expect(t.pii.erasures.filter((erasure) => erasure.userId === userId)).toEqual([]);
  });
});
