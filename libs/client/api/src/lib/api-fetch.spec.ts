import { createApiFetch } from './api-fetch';
import { AuthSession } from './auth-session';
import { call, createTallApi } from './tall-api';
import { ApiProblem } from './api-problem';
import { authResponse, FakeApi, json, MemoryStorage } from '../testing/fake-api';

const BASE = 'http://tall.test';

function client(api: FakeApi, onUpgradeRequired = vi.fn()) {
  const session: AuthSession = new AuthSession({
    storage: new MemoryStorage(),
    exchange: (credentials) =>
      call(tall.POST('/api/v1/auth/refresh', 'csrfToken' in credentials ? { body: {}, params: { header: { 'X-CSRF-Token': credentials.csrfToken } } } : { body: credentials })),
    setTimer: () => 0,
    clearTimer: () => undefined,
  });
  const tall = createTallApi(BASE, createApiFetch({ session, client: { platform: 'web', version: '1.0.0' }, onUpgradeRequired, fetch: api.fetch }));
  return { session, tall, onUpgradeRequired };
}

const lobby = { products: [] };

describe('the API fetch', () => {
  it('sends the client headers and the access token', async () => {
    const api = new FakeApi().on('GET', '/api/v1/lobby', () => json(200, lobby));
    const { session, tall } = client(api);
    session.establish(authResponse('access-1', 'csrf-1'));
    expect(await call(tall.GET('/api/v1/lobby'))).toEqual(lobby);
    const [request] = api.requests;
    expect(request.headers.get('authorization')).toBe('Bearer access-1');
    expect(request.headers.get('x-client-platform')).toBe('web');
    expect(request.headers.get('x-client-version')).toBe('1.0.0');
  });

  it('refreshes once on 401 and retries with the new token, even for parallel requests', async () => {
    let refreshes = 0;
    const api = new FakeApi()
      .on('GET', '/api/v1/lobby', (request) => (request.headers.get('authorization') === 'Bearer access-2' ? json(200, lobby) : json(401, { statusCode: 401, code: 'TOKEN_EXPIRED', message: 'expired' })))
      .on('POST', '/api/v1/auth/refresh', async (_request, body) => {
        refreshes += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        // No refresh token in the body: the browser sends the cookie; the CSRF token goes in the header.
        expect(body).toEqual({});
        return json(200, authResponse('access-2', 'csrf-2'));
      });
    const { session, tall } = client(api);
    session.establish(authResponse('access-1', 'csrf-1'));
    const results = await Promise.all([call(tall.GET('/api/v1/lobby')), call(tall.GET('/api/v1/lobby')), call(tall.GET('/api/v1/lobby'))]);
    expect(results).toEqual([lobby, lobby, lobby]);
    expect(refreshes).toBe(1);
    expect(session.csrfToken).toBe('csrf-2');
    // The refresh call itself carries no access token, only the CSRF token of the cookie.
    const refresh = api.requests.find((request) => request.path === '/api/v1/auth/refresh');
    expect(refresh?.headers.get('authorization')).toBeNull();
    expect(refresh?.headers.get('x-csrf-token')).toBe('csrf-1');
    expect(refresh?.headers.get('x-client-platform')).toBe('web');
  });

  it('gives up and ends the session when the refresh is refused', async () => {
    const api = new FakeApi()
      .on('GET', '/api/v1/lobby', () => json(401, { statusCode: 401, code: 'TOKEN_EXPIRED', message: 'expired' }))
      .on('POST', '/api/v1/auth/refresh', () => json(401, { statusCode: 401, code: 'REFRESH_TOKEN_REUSED', message: 'reused' }));
    const { session, tall } = client(api);
    session.establish(authResponse('access-1', 'csrf-1'));
    await expect(call(tall.GET('/api/v1/lobby'))).rejects.toMatchObject({ status: 401 });
    expect(api.calls('POST', '/api/v1/auth/refresh')).toBe(1);
    expect(session.csrfToken).toBeNull();
  });

  it('never refreshes for a refused sign-in', async () => {
    const api = new FakeApi().on('POST', '/api/v1/auth/login', () => json(401, { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'wrong' }));
    const { tall } = client(api);
    const error = await call(tall.POST('/api/v1/auth/login', { body: { email: 'a@b.nl', password: 'x' } })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiProblem);
    expect((error as ApiProblem).code).toBe('INVALID_CREDENTIALS');
    expect(api.calls('POST', '/api/v1/auth/refresh')).toBe(0);
  });

  it('reports an outdated client (426) with the minimum version', async () => {
    const api = new FakeApi().on('POST', '/api/v1/auth/login', () =>
      json(426, { statusCode: 426, code: 'CLIENT_UPGRADE_REQUIRED', message: 'update', details: { minVersion: '2.0.0', platform: 'web' } }),
    );
    const { tall, onUpgradeRequired } = client(api);
    await expect(call(tall.POST('/api/v1/auth/login', { body: { email: 'a@b.nl', password: 'x' } }))).rejects.toMatchObject({ status: 426, code: 'CLIENT_UPGRADE_REQUIRED' });
    expect(onUpgradeRequired).toHaveBeenCalledWith('2.0.0');
  });

  it('turns an unreachable API into NETWORK_ERROR', async () => {
    const { tall } = client(new FakeApi());
    const offline = createTallApi(BASE, () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(call(offline.GET('/api/v1/lobby'))).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
    expect(tall).toBeDefined();
  });

  it('reads the wait of a lockout from Retry-After', async () => {
    const api = new FakeApi().on('POST', '/api/v1/auth/login', () => json(429, { statusCode: 429, code: 'ACCOUNT_LOCKED', message: 'locked' }, { 'retry-after': '840' }));
    const { tall } = client(api);
    await expect(call(tall.POST('/api/v1/auth/login', { body: { email: 'a@b.nl', password: 'x' } }))).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED', retryAfterSeconds: 840 });
  });
});

describe('a service worker answering for an unreachable API', () => {
  it('counts as no network (504 without the envelope)', async () => {
    const offline = createTallApi(BASE, async () => new Response(null, { status: 504, statusText: 'Gateway Timeout' }));
    await expect(call(offline.GET('/api/v1/lobby'))).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });
});
