import { ApiProblem } from './api-problem';
import { AuthSession, CSRF_TOKEN_KEY, LEGACY_REFRESH_TOKEN_KEY, type RefreshCredentials } from './auth-session';
import { authResponse, MemoryStorage } from '../testing/fake-api';

function session(exchange: (credentials: RefreshCredentials) => Promise<ReturnType<typeof authResponse>>, storage = new MemoryStorage(), now = () => 1_000_000) {
  const timers: Array<{ callback: () => void; ms: number }> = [];
  const auth = new AuthSession({
    storage,
    exchange,
    now,
    setTimer: (callback, ms) => timers.push({ callback, ms }),
    clearTimer: () => undefined,
  });
  return { auth, storage, timers };
}

describe('AuthSession', () => {
  it('keeps the access token in memory and only the CSRF token of the refresh cookie in storage', () => {
    const { auth, storage } = session(async () => authResponse('a2', 'c2'));
    auth.establish(authResponse('a1', 'c1'));
    expect(auth.accessToken).toBe('a1');
    expect(auth.csrfToken).toBe('c1');
    expect(storage.getItem(CSRF_TOKEN_KEY)).toBe('c1');
    expect(storage.getItem(LEGACY_REFRESH_TOKEN_KEY)).toBeNull();
    expect(auth.user?.role).toBe('STUDENT');
    expect(auth.canRefresh()).toBe(true);
  });

  it('schedules a silent refresh shortly before the access token expires', () => {
    const { auth, timers } = session(async () => authResponse('a2', 'c2'));
    auth.establish(authResponse('a1', 'c1', 'STUDENT', 900));
    expect(timers.at(-1)?.ms).toBe(840_000);
  });

  it('refreshes once for any number of simultaneous callers (single flight), presenting the CSRF token', async () => {
    const presented: RefreshCredentials[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { auth, storage } = session(async (credentials) => {
      presented.push(credentials);
      await gate;
      return authResponse('a2', 'c2');
    });
    auth.establish(authResponse('a1', 'c1'));
    const results = Promise.all([auth.refresh(), auth.refresh(), auth.refresh()]);
    release();
    expect(await results).toEqual([true, true, true]);
    expect(presented).toEqual([{ csrfToken: 'c1' }]);
    expect(auth.accessToken).toBe('a2');
    expect(storage.getItem(CSRF_TOKEN_KEY)).toBe('c2');
  });

  it('presents the CSRF token stored last, also when another tab refreshed meanwhile', async () => {
    const presented: RefreshCredentials[] = [];
    const { auth, storage } = session(async (credentials) => {
      presented.push(credentials);
      return authResponse('a3', 'c3');
    });
    auth.establish(authResponse('a1', 'c1'));
    storage.setItem(CSRF_TOKEN_KEY, 'c2-from-another-tab');
    expect(await auth.refresh()).toBe(true);
    expect(presented).toEqual([{ csrfToken: 'c2-from-another-tab' }]);
  });

  it('ends the session when the API refuses the refresh (spent, ended, or a CSRF token that is not the cookie’s)', async () => {
    for (const refusal of [new ApiProblem(401, 'REFRESH_TOKEN_REUSED', 'reused'), new ApiProblem(403, 'CSRF_FAILED', 'csrf')]) {
      const { auth, storage } = session(async () => {
        throw refusal;
      });
      auth.establish(authResponse('a1', 'c1'));
      const changes: unknown[] = [];
      auth.onChange((user) => changes.push(user));
      expect(await auth.refresh()).toBe(false);
      expect(storage.getItem(CSRF_TOKEN_KEY)).toBeNull();
      expect(auth.accessToken).toBeNull();
      expect(auth.canRefresh()).toBe(false);
      expect(changes).toEqual([null]);
    }
  });

  it('keeps the session for later when the API cannot be reached (offline)', async () => {
    const { auth, storage } = session(async () => {
      throw ApiProblem.network();
    });
    storage.setItem(CSRF_TOKEN_KEY, 'c1');
    expect(await auth.refresh()).toBe(false);
    expect(storage.getItem(CSRF_TOKEN_KEY)).toBe('c1');
    expect(auth.canRefresh()).toBe(true);
  });

  it('refreshes before handing out an expired access token', async () => {
    let time = 1_000_000;
    const { auth } = session(async () => authResponse('a2', 'c2'), new MemoryStorage(), () => time);
    auth.establish(authResponse('a1', 'c1', 'STUDENT', 60));
    time += 61_000;
    expect(auth.accessToken).toBeNull();
    expect(await auth.validAccessToken()).toBe('a2');
  });

  it('has nothing to refresh without a stored CSRF token', async () => {
    const exchange = vi.fn(async () => authResponse('a1', 'c1'));
    const { auth } = session(exchange);
    expect(auth.canRefresh()).toBe(false);
    expect(await auth.refresh()).toBe(false);
    expect(exchange).not.toHaveBeenCalled();
  });

  it('trades a refresh token an earlier version kept in storage for the cookie once, and removes it', async () => {
    const storage = new MemoryStorage();
    storage.setItem(LEGACY_REFRESH_TOKEN_KEY, 'r-old');
    const presented: RefreshCredentials[] = [];
    const { auth } = session(async (credentials) => {
      presented.push(credentials);
      return authResponse('a1', 'c1');
    }, storage);
    expect(auth.canRefresh()).toBe(true);
    expect(await auth.refresh()).toBe(true);
    expect(presented).toEqual([{ refreshToken: 'r-old' }]);
    expect(storage.getItem(LEGACY_REFRESH_TOKEN_KEY)).toBeNull();
    expect(storage.getItem(CSRF_TOKEN_KEY)).toBe('c1');
  });

  it('clear() forgets the access token and the CSRF token', () => {
    const { auth, storage } = session(async () => authResponse('a2', 'c2'));
    auth.establish(authResponse('a1', 'c1'));
    auth.clear();
    expect(auth.accessToken).toBeNull();
    expect(auth.csrfToken).toBeNull();
    expect(storage.getItem(CSRF_TOKEN_KEY)).toBeNull();
  });
});
