import { startProfileTestApp, type ProfileTestApp } from '../../test-support/profile-test-app';

/**
 * The web client's refresh token as an HttpOnly cookie with a CSRF token, on real PostgreSQL
 * through HTTP injection; native clients keep the body form.
 */
describe('the refresh cookie of the web client (integration)', () => {
  let t: ProfileTestApp;
  let counter = 0;
  const PASSWORD = 'correct horse battery';
  const WEB = { 'x-client-platform': 'web', 'x-client-version': '1.0.0' };

  beforeAll(async () => {
    t = await startProfileTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  interface Answer {
    status: number;
    body: Record<string, unknown> & { code?: string; accessToken?: string; refreshToken?: string; csrfToken?: string };
    /** The tall_refresh Set-Cookie, split into its value and attributes (lower-cased names). */
    cookie?: { value: string; attributes: Record<string, string | true> };
  }

  const call = async (
    url: string,
    options: { body?: unknown; headers?: Record<string, string>; cookie?: string; csrf?: string; token?: string } = {},
  ): Promise<Answer> => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      payload: (options.body ?? {}) as object,
      headers: {
        ...options.headers,
        ...(options.cookie === undefined ? {} : { cookie: `tall_refresh=${options.cookie}` }),
        ...(options.csrf === undefined ? {} : { 'x-csrf-token': options.csrf }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
    });
    const setCookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    const refreshCookie = setCookies.find((header) => header.startsWith('tall_refresh='));
    return { status: response.statusCode, body: response.body ? response.json() : {}, cookie: refreshCookie ? parseSetCookie(refreshCookie) : undefined };
  };

  const register = async () => {
    const email = `web${++counter}.${Date.now()}@school.example`;
    const registered = await call('/auth/register', { body: { email, password: PASSWORD, firstName: 'Ada', lastName: 'Lovelace' } });
    expect(registered.status).toBe(201);
    return email;
  };

  /** Signs in as the web client: the refresh token in the cookie, its CSRF token in the body. */
  const webSignIn = async () => {
    const email = await register();
    const login = await call('/auth/login', { body: { email, password: PASSWORD }, headers: WEB });
    expect(login.status).toBe(200);
    return { email, accessToken: login.body.accessToken as string, cookie: login.cookie?.value as string, csrf: login.body.csrfToken as string, login };
  };

  it('signs the web client in with the refresh token in an HttpOnly, Secure, SameSite=Strict cookie on the auth path, never in the body', async () => {
    const { login } = await webSignIn();
    expect(login.body).toEqual({
      user: { id: expect.any(String), role: 'STUDENT' },
      accessToken: expect.any(String),
      csrfToken: expect.stringMatching(/^[\w-]{43}$/),
      accessTokenExpiresIn: 900,
    });
    expect(login.body).not.toHaveProperty('refreshToken');
    expect(login.cookie?.value).toMatch(/^rt_[\w-]{43}$/);
    expect(login.cookie?.attributes).toEqual({ 'max-age': String(7 * 24 * 60 * 60), path: '/api/v1/auth', httponly: true, secure: true, samesite: 'Strict' });
    // The CSRF token is bound to the refresh token, not the token itself.
    expect(login.body.csrfToken).not.toBe(login.cookie?.value);
  });

  it('signs the web client up with the cookie too', async () => {
    const registered = await call('/auth/register', {
      body: { email: `webup${++counter}.${Date.now()}@school.example`, password: PASSWORD, firstName: 'Ada', lastName: 'Lovelace' },
      headers: WEB,
    });
    expect(registered.status).toBe(201);
    expect(registered.body).not.toHaveProperty('refreshToken');
    expect(registered.body.csrfToken).toEqual(expect.any(String));
    expect(registered.cookie?.attributes).toMatchObject({ httponly: true, secure: true, samesite: 'Strict', path: '/api/v1/auth' });
  });

  it('refreshes by the cookie with its CSRF token, rotating the cookie and the CSRF token', async () => {
    const first = await webSignIn();
    const second = await call('/auth/refresh', { headers: WEB, cookie: first.cookie, csrf: first.csrf });
    expect(second.status).toBe(200);
    expect(second.body).not.toHaveProperty('refreshToken');
    expect(second.cookie?.value).toMatch(/^rt_/);
    expect(second.cookie?.value).not.toBe(first.cookie);
    expect(second.cookie?.attributes).toMatchObject({ httponly: true, secure: true, samesite: 'Strict', path: '/api/v1/auth', 'max-age': '604800' });
    expect(second.body.csrfToken).not.toBe(first.csrf);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: { authorization: `Bearer ${second.body.accessToken}` } });
    expect(me.statusCode).toBe(200);

    const third = await call('/auth/refresh', { headers: WEB, cookie: second.cookie?.value, csrf: second.body.csrfToken });
    expect(third.status).toBe(200);
  });

  it('refuses the cookie without its CSRF token, or with another, with 403 CSRF_FAILED, and spends nothing', async () => {
    const user = await webSignIn();
    const other = await webSignIn();
    for (const csrf of [undefined, '', 'not-the-token', other.csrf, user.cookie]) {
      const refused = await call('/auth/refresh', { headers: WEB, cookie: user.cookie, csrf });
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual({ statusCode: 403, code: 'CSRF_FAILED', message: expect.any(String), correlationId: expect.any(String) });
      expect(refused.cookie).toBeUndefined();
    }
    // Also without the platform header: the cookie always needs the CSRF token.
    expect((await call('/auth/refresh', { cookie: user.cookie })).body.code).toBe('CSRF_FAILED');
    // The token was never used: with the right CSRF token it still refreshes.
    expect((await call('/auth/refresh', { headers: WEB, cookie: user.cookie, csrf: user.csrf })).status).toBe(200);
  });

  it('ends the whole session when a spent cookie token comes back, as for the body form', async () => {
    const first = await webSignIn();
    const second = await call('/auth/refresh', { headers: WEB, cookie: first.cookie, csrf: first.csrf });
    expect(second.status).toBe(200);

    const reuse = await call('/auth/refresh', { headers: WEB, cookie: first.cookie, csrf: first.csrf });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');
    // The spent cookie is dropped.
    expect(reuse.cookie).toMatchObject({ value: '', attributes: { 'max-age': '0', path: '/api/v1/auth' } });
    const newest = await call('/auth/refresh', { headers: WEB, cookie: second.cookie?.value, csrf: second.body.csrfToken });
    expect(newest.status).toBe(401);
    expect(newest.body.code).toBe('REFRESH_TOKEN_INVALID');
    const userId = (first.login.body.user as { id: string }).id;
    const reused = (await t.pool.query(`SELECT envelope FROM profile.outbox WHERE type = 'refresh.reused'`)).rows.filter((row) => row.envelope.payload.userId === userId);
    expect(reused).toHaveLength(1);
  });

  it('answers a web refresh with no cookie and no token 401 REFRESH_TOKEN_INVALID', async () => {
    const answer = await call('/auth/refresh', { headers: WEB });
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('trades a body token of a web client (kept from before the cookie) for a cookie', async () => {
    const email = await register();
    const native = await call('/auth/login', { body: { email, password: PASSWORD } });
    const traded = await call('/auth/refresh', { headers: WEB, body: { refreshToken: native.body.refreshToken } });
    expect(traded.status).toBe(200);
    expect(traded.body).not.toHaveProperty('refreshToken');
    expect((await call('/auth/refresh', { headers: WEB, cookie: traded.cookie?.value, csrf: traded.body.csrfToken })).status).toBe(200);
  });

  it('logs out by the cookie only with its CSRF token, and clears the cookie', async () => {
    const user = await webSignIn();
    const forged = await call('/auth/logout', { headers: WEB, cookie: user.cookie, token: user.accessToken });
    expect(forged.status).toBe(403);
    expect(forged.body.code).toBe('CSRF_FAILED');
    const currentSession = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: { authorization: `Bearer ${user.accessToken}` } }))
        .json()
        .items.some((session: { current: boolean }) => session.current);
    expect(await currentSession()).toBe(true);

    const logout = await call('/auth/logout', { headers: WEB, cookie: user.cookie, csrf: user.csrf, token: user.accessToken });
    expect(logout.status).toBe(204);
    expect(logout.cookie).toMatchObject({ value: '', attributes: { 'max-age': '0', path: '/api/v1/auth', httponly: true, secure: true, samesite: 'Strict' } });
    expect(await currentSession()).toBe(false);
    const after = await call('/auth/refresh', { headers: WEB, cookie: user.cookie, csrf: user.csrf });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('clears the cookie on logout-all', async () => {
    const user = await webSignIn();
    const logout = await call('/auth/logout-all', { headers: WEB, cookie: user.cookie, token: user.accessToken });
    expect(logout.status).toBe(204);
    expect(logout.cookie).toMatchObject({ value: '', attributes: { 'max-age': '0', path: '/api/v1/auth' } });
    expect((await call('/auth/refresh', { headers: WEB, cookie: user.cookie, csrf: user.csrf })).status).toBe(401);
  });

  it('keeps the body form for native clients: the refresh token in the body, no cookie', async () => {
    const email = await register();
    const natives: Record<string, string>[] = [{}, { 'x-client-platform': 'android', 'x-client-version': '1.0.0' }, { 'x-client-platform': 'desktop', 'x-client-version': '1.0.0' }];
    for (const headers of natives) {
      const login = await call('/auth/login', { body: { email, password: PASSWORD }, headers });
      expect(login.status).toBe(200);
      expect(login.body).toEqual({ user: expect.any(Object), accessToken: expect.any(String), refreshToken: expect.stringMatching(/^rt_/), accessTokenExpiresIn: 900 });
      expect(login.cookie).toBeUndefined();
      const refreshed = await call('/auth/refresh', { body: { refreshToken: login.body.refreshToken }, headers });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.refreshToken).toMatch(/^rt_/);
      expect(refreshed.body).not.toHaveProperty('csrfToken');
      expect(refreshed.cookie).toBeUndefined();
      const logout = await call('/auth/logout', { body: { refreshToken: refreshed.body.refreshToken }, headers, token: refreshed.body.accessToken });
      expect(logout.status).toBe(204);
      expect(logout.cookie).toBeUndefined();
      expect((await call('/auth/refresh', { body: { refreshToken: refreshed.body.refreshToken }, headers })).status).toBe(401);
    }
  });
});

function parseSetCookie(header: string): { value: string; attributes: Record<string, string | true> } {
  const [pair, ...parts] = header.split(';').map((part) => part.trim());
  const attributes: Record<string, string | true> = {};
  for (const part of parts) {
    const [name, ...rest] = part.split('=');
    // The date of a cleared cookie says nothing Max-Age=0 does not.
    if (name.toLowerCase() !== 'expires') attributes[name.toLowerCase()] = rest.length ? rest.join('=') : true;
  }
  return { value: decodeURIComponent(pair.slice(pair.indexOf('=') + 1)), attributes };
}
