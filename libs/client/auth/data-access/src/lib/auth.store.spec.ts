import { AuthSession, call, createApiFetch, createTallApi, CSRF_TOKEN_KEY } from '@tall/client/api';
import { authResponse, FakeApi, json, MemoryStorage } from '@tall/client/api/testing';
import { createAuthStore } from './auth.store';
import { deviceId, deviceName } from './device';

function setup(api: FakeApi, storage = new MemoryStorage()) {
  const session: AuthSession = new AuthSession({
    storage,
    exchange: (credentials) =>
      call(tall.POST('/api/v1/auth/refresh', 'csrfToken' in credentials ? { body: {}, params: { header: { 'X-CSRF-Token': credentials.csrfToken } } } : { body: credentials })),
    setTimer: () => 0,
    clearTimer: () => undefined,
  });
  const tall = createTallApi('http://tall.test', createApiFetch({ session, client: { platform: 'web', version: '1.0.0' }, fetch: api.fetch }));
  const store = createAuthStore({ api: tall, session, device: { id: 'web-device-1', name: 'Chrome on Linux' } });
  return { store, storage, session };
}

describe('the auth store', () => {
  it('signs in, binding the session to this device', async () => {
    const api = new FakeApi().on('POST', '/api/v1/auth/login', () => json(200, authResponse('a1', 'c1', 'TEACHER')));
    const { store, storage } = setup(api);
    expect(await store.getState().signIn({ email: 'ann@school.nl', password: 'secret-pass' })).toBe(true);
    expect(store.getState()).toMatchObject({ status: 'signed-in', user: { role: 'TEACHER' }, problem: null, busy: false });
    expect(storage.getItem(CSRF_TOKEN_KEY)).toBe('c1');
    expect(api.requests[0].headers.get('x-client-platform')).toBe('web');
    expect(api.requests[0].body).toEqual({ email: 'ann@school.nl', password: 'secret-pass', deviceId: 'web-device-1', deviceName: 'Chrome on Linux' });
  });

  it('explains a refusal and stays signed out', async () => {
    const api = new FakeApi().on('POST', '/api/v1/auth/login', () => json(429, { statusCode: 429, code: 'ACCOUNT_LOCKED', message: 'locked' }, { 'retry-after': '600' }));
    const { store } = setup(api);
    expect(await store.getState().signIn({ email: 'ann@school.nl', password: 'wrong' })).toBe(false);
    expect(store.getState().status).toBe('signed-out');
    expect(store.getState().problem).toMatchObject({ code: 'ACCOUNT_LOCKED', retryAfterSeconds: 600 });
  });

  it('restores the session of an earlier visit through the refresh cookie and its stored CSRF token', async () => {
    const storage = new MemoryStorage();
    storage.setItem(CSRF_TOKEN_KEY, 'c0');
    const api = new FakeApi().on('POST', '/api/v1/auth/refresh', () => json(200, authResponse('a1', 'c1')));
    const { store } = setup(api, storage);
    expect(store.getState().status).toBe('restoring');
    await store.getState().restore();
    expect(store.getState().status).toBe('signed-in');
    expect(storage.getItem(CSRF_TOKEN_KEY)).toBe('c1');
    const [refresh] = api.requests;
    expect(refresh.body).toEqual({});
    expect(refresh.headers.get('x-csrf-token')).toBe('c0');
  });

  it('is signed out at start when no session was kept', async () => {
    const api = new FakeApi();
    const { store } = setup(api);
    expect(store.getState().status).toBe('signed-out');
    await store.getState().restore();
    expect(store.getState().status).toBe('signed-out');
    expect(api.requests).toEqual([]);
  });

  it('signing out everywhere ends every session and forgets both tokens', async () => {
    const api = new FakeApi()
      .on('POST', '/api/v1/auth/login', () => json(200, authResponse('a1', 'c1')))
      .on('POST', '/api/v1/auth/logout-all', () => json(204, null));
    const { store, storage, session } = setup(api);
    await store.getState().signIn({ email: 'ann@school.nl', password: 'secret-pass' });
    await store.getState().signOutEverywhere();
    expect(api.calls('POST', '/api/v1/auth/logout-all')).toBe(1);
    expect(api.requests.at(-1)?.headers.get('authorization')).toBe('Bearer a1');
    expect(storage.getItem(CSRF_TOKEN_KEY)).toBeNull();
    expect(session.accessToken).toBeNull();
    expect(store.getState().status).toBe('signed-out');
  });

  it('signing out ends the session of the refresh cookie, with its CSRF token', async () => {
    const api = new FakeApi()
      .on('POST', '/api/v1/auth/register', () => json(201, authResponse('a1', 'c1')))
      .on('POST', '/api/v1/auth/logout', () => json(204, null));
    const { store, storage } = setup(api);
    await store.getState().signUp({ email: 'new@school.nl', password: 'a-good-passphrase', firstName: 'Ann', lastName: 'Smit', locale: 'nl' });
    await store.getState().signOut();
    const logout = api.requests.find((request) => request.path === '/api/v1/auth/logout');
    expect(logout?.body).toEqual({});
    expect(logout?.headers.get('x-csrf-token')).toBe('c1');
    expect(logout?.headers.get('authorization')).toBe('Bearer a1');
    expect(storage.getItem(CSRF_TOKEN_KEY)).toBeNull();
    expect(store.getState().status).toBe('signed-out');
  });
});

describe('the device', () => {
  it('keeps one id per browser and names the browser', () => {
    const storage = new MemoryStorage();
    const first = deviceId(storage, () => 'abc');
    expect(first).toBe('web-abc');
    expect(deviceId(storage, () => 'other')).toBe('web-abc');
    expect(deviceName('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36')).toBe('Chrome on Linux');
    expect(deviceName('Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/156.0 Mobile Safari/537.36')).toBe('Chrome on Android');
  });
});
