import type { UserAccount } from '@tall/profile/domain';
import { FakeClock, InMemoryProfileStore } from '../../testing/in-memory-profile';
import { GetSessionStatusHandler } from './get-session-status.handler';
import { GetSessionStatusQuery } from './get-session-status.query';

const USER_ID = '00000000-0000-4000-8000-000000000001';
const SESSION_ID = '00000000-0000-4000-8000-0000000000a1';
const UNKNOWN_SESSION_ID = '00000000-0000-4000-8000-0000000000a2';
const DAY = 24 * 60 * 60 * 1000;

describe('GetSessionStatusHandler', () => {
  function setup() {
    const store = new InMemoryProfileStore();
    const clock = new FakeClock();
    store.addUser({ id: USER_ID, role: 'TEACHER' });
    void store.transaction((tx) =>
      tx.sessions.create({ id: SESSION_ID, userId: USER_ID, deviceId: null, deviceName: null, createdAt: clock.now(), expiresAt: new Date(clock.now().getTime() + 7 * DAY) }),
    );
    const account = (changes: Partial<UserAccount>) => store.users.set(USER_ID, { ...(store.users.get(USER_ID) as UserAccount), ...changes });
    return { store, clock, account, status: () => new GetSessionStatusHandler(store, clock).execute(new GetSessionStatusQuery(SESSION_ID)) };
  }

  it("answers a running session with the account's current role", async () => {
    const { account, status } = setup();
    await expect(status()).resolves.toEqual({ userId: USER_ID, role: 'TEACHER', active: true });
    account({ role: 'STUDENT' });
    await expect(status()).resolves.toEqual({ userId: USER_ID, role: 'STUDENT', active: true });
  });

  it('answers inactive once the session ended or expired', async () => {
    const ended = setup();
    await ended.store.transaction((tx) => tx.sessions.revoke(SESSION_ID, 'logoutAll', ended.clock.now()));
    await expect(ended.status()).resolves.toMatchObject({ active: false });

    const expired = setup();
    expired.clock.advance(8 * DAY);
    await expect(expired.status()).resolves.toMatchObject({ active: false });
  });

  it.each(['disabled', 'deleted', 'pending'] as const)('answers inactive for a session of a %s account', async (accountStatus) => {
    const { account, status } = setup();
    account({ status: accountStatus });
    await expect(status()).resolves.toEqual({ userId: USER_ID, role: 'TEACHER', active: false });
  });

  it('answers null for a session it does not know, or whose account is gone', async () => {
    const { store, clock, status } = setup();
    await expect(new GetSessionStatusHandler(store, clock).execute(new GetSessionStatusQuery(UNKNOWN_SESSION_ID))).resolves.toBeNull();
    store.users.delete(USER_ID);
    await expect(status()).resolves.toBeNull();
  });
});
