import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { Client } from 'pg';
import { parseKeySetSecret } from '@tall/platform/auth';
import { AwsSecretStore, createSecretsManagerClient } from '@tall/platform/secrets';
import { stackEnv, uniqueName, waitFor } from '@tall/platform/testing';
import { probeTopic } from '../support/kafka-probe';
import { isolatedStores, startTall, type TallProcess } from '../support/tall-process';
import { IdentityApi, newEmail, PASSWORD, type SignedIn } from './support/identity-api';

/**
 * Issue 3, "Done when": lockout, refresh rotation and reuse detection (family revoked),
 * concurrent refresh, JWT negatives and the stored hash parameters — black-box, with the events
 * read back from Kafka.
 */
const ADMIN_EMAIL = newEmail('root');
const ADMIN_PASSWORD = 'the first admin passphrase';
const JWT_SECRET = uniqueName('e2e/jwt-keys');

describe('sessions and tokens, black-box (issue 3)', () => {
  let tall: TallProcess;
  let stores: Awaited<ReturnType<typeof isolatedStores>>;
  let api: IdentityApi;
  let admin: SignedIn;
  let security: Awaited<ReturnType<typeof probeTopic>>;

  beforeAll(async () => {
    stores = await isolatedStores('identity_sessions');
    security = await probeTopic('user.security.v1');
    tall = await startTall({
      DATABASE_URL: stores.DATABASE_URL,
      MONGODB_URI: stores.MONGODB_URI,
      CRON_ENABLED: 'false',
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      JWT_SIGNING_KEYS_SECRET_NAME: JWT_SECRET,
    });
    api = new IdentityApi(tall.url);
    await waitFor(async () => (await fetch(`${tall.url}/health/ready`)).ok, { timeoutMs: 60_000, what: 'Tall to be ready' });
    admin = await api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await security?.close();
    await tall?.stop();
    await stores?.drop();
  });

  const student = async (): Promise<SignedIn> => {
    const email = newEmail('student');
    const registered = await api.register(email);
    expect(registered.status).toBe(201);
    return { id: registered.body.user.id, role: 'STUDENT', email, password: PASSWORD, accessToken: registered.body.accessToken, refreshToken: registered.body.refreshToken };
  };
  const securityEvent = (type: string, userId: string) =>
    waitFor(() => security.messages.find((message) => message.value['type'] === type && (message.value['payload'] as { userId?: string }).userId === userId), {
      timeoutMs: 30_000,
      what: `${type} on Kafka`,
    });

  describe('lockout', () => {
    it('locks an account after five failures in 15 minutes: 429 with Retry-After, even for the right password', async () => {
      const user = await student();
      for (let attempt = 1; attempt <= 5; attempt++) {
        const failed = await api.login(user.email, 'not the password');
        expect(failed.status).toBe(401);
        expect(failed.body.code).toBe('INVALID_CREDENTIALS');
      }
      const locked = await api.login(user.email, PASSWORD);
      expect(locked.status).toBe(429);
      expect(locked.body).toMatchObject({ code: 'ACCOUNT_LOCKED', details: { retryAfterSeconds: expect.any(Number) } });
      const retryAfter = Number(locked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);

      const event = await securityEvent('account.locked', user.id);
      expect(Object.keys(event.value['payload'] as object).sort()).toEqual(['failures', 'lockedUntil', 'userId']);
      expect(JSON.stringify(event.value)).not.toContain(user.email);
      const failures = () =>
        security.messages.filter((message) => message.value['type'] === 'login.failed' && (message.value['payload'] as { userId?: string }).userId === user.id);
      await waitFor(() => failures().length >= 6, { timeoutMs: 30_000, what: 'five failures and the locked attempt on Kafka' });
      expect(failures().map((message) => (message.value['payload'] as { reason: string }).reason).sort()).toEqual([
        'account_locked',
        ...Array(5).fill('invalid_credentials'),
      ]);
    });

    it('locks an unknown email the same way, so the lockout does not tell who has an account', async () => {
      const nobody = newEmail('nobody');
      for (let attempt = 1; attempt <= 5; attempt++) expect((await api.login(nobody, 'whatever it is')).status).toBe(401);
      const locked = await api.login(nobody, 'whatever it is');
      expect(locked.status).toBe(429);
      expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    });

    it('answers a wrong password and an unknown email with the same status and body', async () => {
      const user = await student();
      const wrong = await api.login(user.email, 'not the password');
      const unknown = await api.login(newEmail('nobody'), 'not the password');
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      const strip = ({ correlationId: _ignored, ...body }: Record<string, unknown>) => body;
      expect(strip(wrong.body)).toEqual(strip(unknown.body));
    });
  });

  describe('refresh tokens', () => {
    it('rotates on every use; the spent one revokes the whole family, the newest token included', async () => {
      const user = await student();
      const second = await api.call('POST', '/auth/refresh', { body: { refreshToken: user.refreshToken } });
      expect(second.status).toBe(200);
      const third = await api.call('POST', '/auth/refresh', { body: { refreshToken: second.body.refreshToken } });
      expect(third.status).toBe(200);
      expect(new Set([user.refreshToken, second.body.refreshToken, third.body.refreshToken]).size).toBe(3);

      const reuse = await api.call('POST', '/auth/refresh', { body: { refreshToken: user.refreshToken } });
      expect(reuse.status).toBe(401);
      expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');
      const newest = await api.call('POST', '/auth/refresh', { body: { refreshToken: third.body.refreshToken } });
      expect(newest.status).toBe(401);
      expect(newest.body.code).toBe('REFRESH_TOKEN_INVALID');

      // The family's session ended, so its newest access token is refused too (issue 12); the account lists no session but a new one.
      const refused = await api.call('GET', '/auth/sessions', { token: third.body.accessToken });
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('TOKEN_INVALID');
      const again = await api.signIn(user.email, PASSWORD);
      expect((await api.call('GET', '/auth/sessions', { token: again.accessToken })).body.items).toEqual([expect.objectContaining({ current: true })]);
      const reused = await securityEvent('refresh.reused', user.id);
      expect(Object.keys(reused.value['payload'] as object).sort()).toEqual(['sessionId', 'userId']);
      await securityEvent('session.revoked', user.id);
    });

    it('lets exactly one of concurrent refreshes with the same token succeed', async () => {
      const user = await student();
      const answers = await Promise.all(Array.from({ length: 8 }, () => api.call('POST', '/auth/refresh', { body: { refreshToken: user.refreshToken } })));
      expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
      expect(answers.filter((answer) => answer.status === 401)).toHaveLength(7);
    });

    it('carries a new role from the next refresh, and refuses a disabled account', async () => {
      const user = await student();
      expect((await api.call('PATCH', `/users/${user.id}/role`, { token: admin.accessToken, body: { role: 'TEACHER' } })).status).toBe(200);
      const refreshed = await api.call('POST', '/auth/refresh', { body: { refreshToken: user.refreshToken } });
      expect(refreshed.body.user.role).toBe('TEACHER');
      expect((await api.call('GET', `/users/${user.id}/students`, { token: refreshed.body.accessToken })).status).toBe(200);

      expect((await api.call('POST', `/users/${user.id}/disable`, { token: admin.accessToken })).status).toBe(200);
      expect((await api.call('POST', '/auth/refresh', { body: { refreshToken: refreshed.body.refreshToken } })).status).toBe(401);
      const login = await api.login(user.email, PASSWORD);
      expect(login.status).toBe(403);
      expect(login.body.code).toBe('ACCOUNT_DISABLED');
      expect((await api.call('POST', `/users/${user.id}/enable`, { token: admin.accessToken })).status).toBe(200);
      expect((await api.login(user.email, PASSWORD)).status).toBe(200);
    });

    it('ends one session on logout, every session on logout-all, and the others on a password change', async () => {
      const user = await student();
      const phone = await api.signIn(user.email, PASSWORD);
      const laptop = await api.signIn(user.email, PASSWORD);
      expect((await api.call('POST', '/auth/logout', { token: phone.accessToken, body: { refreshToken: phone.refreshToken } })).status).toBe(204);
      expect((await api.call('POST', '/auth/refresh', { body: { refreshToken: phone.refreshToken } })).status).toBe(401);
      expect((await api.call('GET', '/auth/sessions', { token: laptop.accessToken })).body.items).toHaveLength(2);

      const change = await api.call('POST', '/auth/password', { token: laptop.accessToken, body: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' } });
      expect(change.status).toBe(204);
      expect((await api.call('POST', '/auth/refresh', { body: { refreshToken: user.refreshToken } })).status).toBe(401);
      const sessions = await api.call('GET', '/auth/sessions', { token: laptop.accessToken });
      expect(sessions.body.items).toEqual([expect.objectContaining({ current: true })]);

      expect((await api.call('POST', '/auth/logout-all', { token: laptop.accessToken })).status).toBe(204);
      expect((await api.call('POST', '/auth/refresh', { body: { refreshToken: laptop.refreshToken } })).status).toBe(401);
    });
  });

  describe("the web client's refresh cookie (issue 12)", () => {
    const WEB = { 'x-client-platform': 'web', 'x-client-version': '1.0.0' };
    /** The tall_refresh cookie an answer sets: its value and attributes. */
    const refreshCookie = (headers: Headers) => {
      const header = headers.getSetCookie().find((cookie) => cookie.startsWith('tall_refresh='));
      if (!header) return undefined;
      const [pair, ...attributes] = header.split(';').map((part) => part.trim());
      return { value: pair.slice('tall_refresh='.length), attributes: attributes.map((attribute) => attribute.toLowerCase()).filter((attribute) => !attribute.startsWith('expires=')).sort() };
    };
    const refreshByCookie = (cookie: string, csrf?: string) =>
      api.call('POST', '/auth/refresh', { body: {}, headers: { ...WEB, cookie: `tall_refresh=${cookie}`, ...(csrf === undefined ? {} : { 'x-csrf-token': csrf }) } });
    const webSignIn = async () => {
      const user = await student();
      const login = await api.call('POST', '/auth/login', { body: { email: user.email, password: PASSWORD }, headers: WEB });
      expect(login.status).toBe(200);
      return { user, login, cookie: refreshCookie(login.headers)?.value as string, csrf: login.body.csrfToken as string };
    };

    it('signs the web app in with the refresh token in an HttpOnly, Secure, SameSite=Strict cookie on the auth path, not in the body', async () => {
      const { login, cookie } = await webSignIn();
      expect(Object.keys(login.body).sort()).toEqual(['accessToken', 'accessTokenExpiresIn', 'csrfToken', 'user']);
      expect(cookie).toMatch(/^rt_[\w-]{43}$/);
      expect(refreshCookie(login.headers)?.attributes).toEqual(['httponly', 'max-age=604800', 'path=/api/v1/auth', 'samesite=strict', 'secure']);
    });

    it('refreshes by the cookie and its CSRF token, rotating both; refuses a missing or wrong CSRF token with 403', async () => {
      const { cookie, csrf } = await webSignIn();
      for (const wrong of [undefined, 'forged', cookie]) {
        const refused = await refreshByCookie(cookie, wrong);
        expect(refused.status).toBe(403);
        expect(refused.body).toMatchObject({ statusCode: 403, code: 'CSRF_FAILED', correlationId: expect.any(String) });
      }
      const rotated = await refreshByCookie(cookie, csrf);
      expect(rotated.status).toBe(200);
      expect(rotated.body.refreshToken).toBeUndefined();
      const next = refreshCookie(rotated.headers);
      expect(next?.value).toMatch(/^rt_/);
      expect(next?.value).not.toBe(cookie);
      expect(rotated.body.csrfToken).not.toBe(csrf);
      expect((await api.call('GET', '/users/me', { token: rotated.body.accessToken })).status).toBe(200);
      expect((await refreshByCookie(next?.value as string, rotated.body.csrfToken)).status).toBe(200);
    });

    it('ends the whole session when a spent cookie comes back', async () => {
      const { user, cookie, csrf } = await webSignIn();
      const rotated = await refreshByCookie(cookie, csrf);
      expect(rotated.status).toBe(200);
      const reuse = await refreshByCookie(cookie, csrf);
      expect(reuse.status).toBe(401);
      expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');
      const newest = await refreshByCookie(refreshCookie(rotated.headers)?.value as string, rotated.body.csrfToken);
      expect(newest.status).toBe(401);
      await securityEvent('refresh.reused', user.id);
    });

    it('logs out by the cookie, clearing it; native clients still get the token in the body and no cookie', async () => {
      const { login, cookie, csrf } = await webSignIn();
      const logout = await api.call('POST', '/auth/logout', { token: login.body.accessToken, body: {}, headers: { ...WEB, cookie: `tall_refresh=${cookie}`, 'x-csrf-token': csrf } });
      expect(logout.status).toBe(204);
      expect(refreshCookie(logout.headers)).toMatchObject({ value: '', attributes: expect.arrayContaining(['max-age=0', 'path=/api/v1/auth']) });
      expect((await refreshByCookie(cookie, csrf)).status).toBe(401);

      const other = await student();
      const native = await api.call('POST', '/auth/login', { body: { email: other.email, password: PASSWORD }, headers: { 'x-client-platform': 'android', 'x-client-version': '1.0.0' } });
      expect(native.status).toBe(200);
      expect(native.body.refreshToken).toMatch(/^rt_/);
      expect(native.body.csrfToken).toBeUndefined();
      expect(refreshCookie(native.headers)).toBeUndefined();
    });
  });

  describe('access tokens', () => {
    let jwks: { keys: { kid: string; alg: string; x: string }[] };
    let realKey: ReturnType<typeof parseKeySetSecret>;
    let user: SignedIn;

    beforeAll(async () => {
      jwks = (await api.call('GET', '/auth/jwks')).body;
      const stack = stackEnv();
      const secrets = new AwsSecretStore({
        client: createSecretsManagerClient({
          region: stack.AWS_REGION,
          endpoint: stack.AWS_ENDPOINT_URL_SECRETS_MANAGER,
          credentials: { accessKeyId: stack.AWS_ACCESS_KEY_ID, secretAccessKey: stack.AWS_SECRET_ACCESS_KEY },
        }),
      });
      // The real signing key, read as an attacker who stole it could not: to prove the claims are checked, not only the signature.
      realKey = parseKeySetSecret((await secrets.getSecret(JWT_SECRET)).value, { withSigningKey: true });
      user = await student();
    });

    // The user's real session and role: a token with these claims is flawless, so each case below changes one thing.
    const sessionOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sid as string;
    const claims = () => ({ sub: user.id, role: 'STUDENT', sid: sessionOf(user.accessToken), iss: 'tall', aud: 'tall-api', iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 300 });
    const signed = (overrides: { header?: Record<string, unknown>; claims?: Record<string, unknown>; key?: Parameters<SignJWT['sign']>[0] } = {}) =>
      new SignJWT({ ...claims(), ...overrides.claims })
        .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid: realKey.signing?.kid, ...overrides.header } as never)
        .sign(overrides.key ?? (realKey.signing?.privateKey as never));
    const me = (token: string) => api.call('GET', '/users/me', { token });

    it('publishes Ed25519 public keys only, and the issued token verifies', async () => {
      expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' })]);
      expect(JSON.stringify(jwks)).not.toMatch(/"d"/);
      const header = JSON.parse(Buffer.from(user.accessToken.split('.')[0], 'base64url').toString());
      expect(header).toEqual({ alg: 'EdDSA', typ: 'at+jwt', kid: jwks.keys[0].kid });
      expect((await me(user.accessToken)).status).toBe(200);
      // The control: a token we forge with the real key and correct claims is accepted — so each refusal below is for its one flaw.
      expect((await me(await signed())).status).toBe(200);
    });

    it('refuses alg none', async () => {
      const none = new UnsecuredJWT(claims()).encode();
      const answer = await me(none);
      expect(answer.status).toBe(401);
      expect(answer.body.code).toBe('TOKEN_INVALID');
    });

    it('refuses a token signed with another key, under our kid or another', async () => {
      const { privateKey } = generateKeyPairSync('ed25519');
      for (const kid of [jwks.keys[0].kid, 'attacker-key']) {
        const answer = await me(await signed({ key: privateKey, header: { kid } }));
        expect(answer.status).toBe(401);
        expect(answer.body.code).toBe('TOKEN_INVALID');
      }
    });

    it('refuses an expired token with TOKEN_EXPIRED', async () => {
      const past = Math.floor(Date.now() / 1000) - 3600;
      const answer = await me(await signed({ claims: { iat: past - 900, exp: past } }));
      expect(answer.status).toBe(401);
      expect(answer.body.code).toBe('TOKEN_EXPIRED');
    });

    it.each([
      ['a wrong audience', { claims: { aud: 'another-api' } }],
      ['a wrong issuer', { claims: { iss: 'someone-else' } }],
      ['a wrong type', { header: { typ: 'JWT' } }],
      ['no session id', { claims: { sid: undefined } }],
      ['an unknown role', { claims: { role: 'ROOT' } }],
      // Issue 12: the signature and the claims are not enough, the session must run with that role.
      ['a role the account does not have', { claims: { role: 'TECH_ADMIN' } }],
      ['a session the user does not have', { claims: { sid: randomUUID() } }],
    ])('refuses a correctly signed token with %s', async (_label, overrides) => {
      const answer = await me(await signed(overrides));
      expect(answer.status).toBe(401);
      expect(answer.body.code).toBe('TOKEN_INVALID');
    });

    it('never takes a refresh token as an access token', async () => {
      const answer = await me(user.refreshToken);
      expect(answer.status).toBe(401);
      expect(answer.body.code).toBe('TOKEN_INVALID');
    });
  });

  it('stores minimum client versions and applies a raised one to the 426 check at once', async () => {
    const raised = await api.call('PUT', '/client-versions', { token: admin.accessToken, body: { android: '3.2.0' } });
    expect(raised.status).toBe(200);
    expect(raised.body).toEqual({ web: '1.0.0', android: '3.2.0', desktop: '1.0.0' });
    expect((await api.call('GET', '/client-versions')).body.android).toBe('3.2.0');
    const old = await api.call('GET', '/client-versions', { headers: { 'x-client-platform': 'android', 'x-client-version': '3.1.9' } });
    expect(old.status).toBe(426);
    expect(old.body).toMatchObject({ code: 'CLIENT_UPGRADE_REQUIRED', details: { minVersion: '3.2.0', platform: 'android' } });
    const login = await api.call('POST', '/auth/login', { body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, headers: { 'x-client-platform': 'android', 'x-client-version': '3.1.9' } });
    expect(login.status).toBe(426);
    expect((await api.call('GET', '/client-versions', { headers: { 'x-client-platform': 'android', 'x-client-version': '3.2.0' } })).status).toBe(200);
    expect((await api.call('PUT', '/client-versions', { token: admin.accessToken, body: { android: 'latest' } })).status).toBe(400);
    expect((await api.call('PUT', '/client-versions', { token: admin.accessToken, body: {} })).status).toBe(400);
    expect((await api.call('PUT', '/client-versions', { token: admin.accessToken, body: { android: '1.0.0' } })).status).toBe(200);
  });

  it('stores passwords as argon2id m=19456, t=2, p=1, and no email in the profile schema', async () => {
    const user = await student();
    const client = new Client({ connectionString: stores.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT password_hash FROM profile.users WHERE id = $1', [user.id]);
      const [, algorithm, version, parameters] = (rows[0].password_hash as string).split('$');
      expect({ algorithm, version }).toEqual({ algorithm: 'argon2id', version: 'v=19' });
      expect(Object.fromEntries(parameters.split(',').map((pair) => pair.split('=')))).toEqual({ m: '19456', t: '2', p: '1' });
      const dump = await client.query(`SELECT string_agg(t::text, ' ') AS everything FROM profile.users t`);
      expect(dump.rows[0].everything).not.toContain(user.email);
      expect(dump.rows[0].everything).not.toContain(user.email.split('@')[0]);
    } finally {
      await client.end();
    }
  });
});
