import { ApiProblem } from './api-problem';
import { AuthSession, REFRESH_TOKEN_KEY } from './auth-session';
import { authResponse, MemoryStorage } from '../testing/fake-api';

function session(exchange: (token: string) => Promise<ReturnType<typeof authResponse>>, storage = new MemoryStorage(), now = () => 1_000_000) {
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
  it('keeps the access token in memory and the refresh token in storage', () => {
    const { auth, storage } = session(async () => authResponse('a2', 'r2'));
    auth.establish(authResponse('a1', 'r1'));
    expect(auth.accessToken).toBe('a1');
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('r1');
    expect(auth.user?.role).toBe('STUDENT');
  });

  it('schedules a silent refresh shortly before the access token expires', () => {
    const { auth, timers } = session(async () => authResponse('a2', 'r2'));
    auth.establish(authResponse('a1', 'r1', 'STUDENT', 900));
    expect(timers.at(-1)?.ms).toBe(840_000);
  });

  it('refreshes once for any number of simultaneous callers (single flight)', async () => {
    let exchanges = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { auth, storage } = session(async (token) => {
      exchanges += 1;
      await gate;
      return authResponse(`access-for-${token}`, 'r2');
    });
    auth.establish(authResponse('a1', 'r1'));
    const results = Promise.all([auth.refresh(), auth.refresh(), auth.refresh()]);
    release();
    expect(await results).toEqual([true, true, true]);
    expect(exchanges).toBe(1);
    expect(auth.accessToken).toBe('access-for-r1');
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('r2');
  });

  it('ends the session when the API refuses the refresh token', async () => {
    const { auth, storage } = session(async () => {
      throw new ApiProblem(401, 'REFRESH_TOKEN_REUSED', 'reused');
    });
    auth.establish(authResponse('a1', 'r1'));
    const changes: unknown[] = [];
    auth.onChange((user) => changes.push(user));
    expect(await auth.refresh()).toBe(false);
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(auth.accessToken).toBeNull();
    expect(changes).toEqual([null]);
  });

  it('keeps the refresh token when the API cannot be reached (offline)', async () => {
    const { auth, storage } = session(async () => {
      throw ApiProblem.network();
    });
    storage.setItem(REFRESH_TOKEN_KEY, 'r1');
    expect(await auth.refresh()).toBe(false);
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('r1');
  });

  it('refreshes before handing out an expired access token', async () => {
    let time = 1_000_000;
    const { auth } = session(async () => authResponse('a2', 'r2'), new MemoryStorage(), () => time);
    auth.establish(authResponse('a1', 'r1', 'STUDENT', 60));
    time += 61_000;
    expect(auth.accessToken).toBeNull();
    expect(await auth.validAccessToken()).toBe('a2');
  });

  it('clear() forgets both tokens', () => {
    const { auth, storage } = session(async () => authResponse('a2', 'r2'));
    auth.establish(authResponse('a1', 'r1'));
    auth.clear();
    expect(auth.accessToken).toBeNull();
    expect(auth.refreshToken).toBeNull();
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });
});
