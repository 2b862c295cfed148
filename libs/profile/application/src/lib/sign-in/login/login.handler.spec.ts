import { AccountLocked, LoginFailed, LoginSucceeded } from '@tall/profile/contracts';
import { CredentialCheck } from '../credential-check';
import { SessionIssuer } from '../session-issuer';
import { FakeClock, fakeAccessTokens, fakeEmailIndexer, fakeHasher, InMemoryProfileStore } from '../../testing/in-memory-profile';
import { LoginCommand } from './login.command';
import { LoginHandler } from './login.handler';

const USER_ID = '00000000-0000-4000-8000-000000000001';

describe('LoginHandler', () => {
  const email = 'ada@school.example';
  const password = 'correct horse battery';

  function setup(status: 'active' | 'disabled' = 'active') {
    const store = new InMemoryProfileStore();
    const clock = new FakeClock();
    const handler = new LoginHandler(store, fakeEmailIndexer, fakeHasher, clock, new CredentialCheck(store, fakeHasher, clock), new SessionIssuer(fakeAccessTokens));
    store.addUser({ id: USER_ID, role: 'TEACHER', status, emailIndex: `index:${email}`, passwordHash: `hashed:${password}` });
    return { store, clock, handler };
  }

  it('signs in with a new session and publishes login.succeeded', async () => {
    const { store, handler } = setup();
    const response = await handler.execute(new LoginCommand({ email, password, deviceName: 'Laptop' }));
    expect(response).toMatchObject({ user: { id: USER_ID, role: 'TEACHER' }, accessToken: expect.stringContaining(`access:${USER_ID}:`) });
    expect([...store.sessions.values()]).toEqual([expect.objectContaining({ userId: USER_ID, deviceName: 'Laptop' })]);
    expect(store.eventsOfType(LoginSucceeded.type)).toHaveLength(1);
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const { store, handler } = setup();
    const wrong = await handler.execute(new LoginCommand({ email, password: 'not the password' })).catch((error: unknown) => error);
    const unknown = await handler.execute(new LoginCommand({ email: 'nobody@school.example', password })).catch((error: unknown) => error);
    expect(wrong).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(unknown).toEqual(wrong);
    expect(store.eventsOfType(LoginFailed.type).map((event) => event.payload)).toEqual([
      { userId: USER_ID, reason: 'invalid_credentials' },
      { userId: null, reason: 'invalid_credentials' },
    ]);
  });

  it('locks the email after five failures, the right password included, until the window passes', async () => {
    const { store, clock, handler } = setup();
    for (let attempt = 1; attempt <= 5; attempt++) {
      await expect(handler.execute(new LoginCommand({ email, password: 'not the password' }))).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    }
    expect(store.eventsOfType(AccountLocked.type)).toHaveLength(1);
    await expect(handler.execute(new LoginCommand({ email, password }))).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
      details: { retryAfterSeconds: 15 * 60 },
    });
    clock.advance(15 * 60 * 1000);
    await expect(handler.execute(new LoginCommand({ email, password }))).resolves.toMatchObject({ user: { id: USER_ID } });
  });

  describe('a burst of parallel sign-ins for one email', () => {
    /** argon2 takes a while: every check of the burst is in flight before the first one ends. */
    function slowHasher() {
      const checked: string[] = [];
      const hasher = {
        ...fakeHasher,
        verify: async (hash: string, candidate: string) => {
          checked.push(candidate);
          await new Promise((resolve) => setTimeout(resolve, 5));
          return fakeHasher.verify(hash, candidate);
        },
      };
      return { hasher, checked };
    }

    function burstSetup() {
      const store = new InMemoryProfileStore();
      const clock = new FakeClock();
      const { hasher, checked } = slowHasher();
      const handler = new LoginHandler(store, fakeEmailIndexer, hasher, clock, new CredentialCheck(store, hasher, clock), new SessionIssuer(fakeAccessTokens));
      store.addUser({ id: USER_ID, role: 'TEACHER', status: 'active', emailIndex: `index:${email}`, passwordHash: `hashed:${password}` });
      return { store, handler, checked };
    }

    it('evaluates at most five passwords; the rest, the right one included, are refused with a time to wait', async () => {
      const { store, handler, checked } = burstSetup();
      const attempts = [...Array<string>(39).fill('not the password'), password];
      const outcomes = await Promise.all(
        attempts.map((candidate) => handler.execute(new LoginCommand({ email, password: candidate })).then(() => 'signed in', (error: { code: string }) => error)),
      );
      expect(checked.length).toBeLessThanOrEqual(5);
      expect(outcomes.filter((outcome) => outcome === 'signed in')).toEqual([]);
      expect(outcomes.filter((outcome) => typeof outcome === 'object' && outcome.code === 'INVALID_CREDENTIALS')).toHaveLength(checked.length);
      expect(outcomes.at(-1)).toMatchObject({ code: 'ACCOUNT_LOCKED', details: { retryAfterSeconds: 15 * 60 } });
      expect(outcomes.filter((outcome) => typeof outcome === 'object' && outcome.code === 'ACCOUNT_LOCKED')).toHaveLength(40 - checked.length);
      expect(store.eventsOfType(AccountLocked.type)).toHaveLength(1);
      expect(store.failures.every((failure) => !failure.pending)).toBe(true);
    });

    it('lets more than five right passwords through: they wait for the running checks instead of being refused', async () => {
      const { store, handler, checked } = burstSetup();
      const results = await Promise.all(Array.from({ length: 12 }, () => handler.execute(new LoginCommand({ email, password }))));
      expect(results).toHaveLength(12);
      expect(checked).toHaveLength(12);
      expect(store.failures).toEqual([]);
    });
  });

  it('tells a disabled account so only after its password was right', async () => {
    const { store, handler } = setup('disabled');
    await expect(handler.execute(new LoginCommand({ email, password: 'not the password' }))).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await expect(handler.execute(new LoginCommand({ email, password }))).rejects.toMatchObject({ code: 'ACCOUNT_DISABLED' });
    expect(store.sessions.size).toBe(0);
    // The right password does not count against the lockout, even when it cannot sign in.
    expect(store.failures.map((failure) => failure.pending)).toEqual([false]);
  });
});
