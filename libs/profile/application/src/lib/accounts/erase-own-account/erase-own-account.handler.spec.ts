import { UserDeleted } from '@tall/profile/contracts';
import { AccountErasure } from '../../administration/account-erasure';
import { CredentialCheck } from '../../sign-in/credential-check';
import { FakeClock, fakeHasher, FakePersonalData, InMemoryProfileStore } from '../../testing/in-memory-profile';
import { EraseOwnAccountCommand } from './erase-own-account.command';
import { EraseOwnAccountHandler } from './erase-own-account.handler';

const USER_ID = '00000000-0000-4000-8000-000000000001';
const PASSWORD = 'correct horse battery';

describe('EraseOwnAccountHandler', () => {
  function setup(status: 'active' | 'disabled' = 'active') {
    const store = new InMemoryProfileStore();
    const clock = new FakeClock();
    const pii = new FakePersonalData();
    const handler = new EraseOwnAccountHandler(store, pii, new CredentialCheck(store, fakeHasher, clock), new AccountErasure(clock));
    store.addUser({ id: USER_ID, role: 'STUDENT', status, passwordHash: `hashed:${PASSWORD}` });
    return { store, pii, handler };
  }

  it('refuses a wrong password and keeps everything, counting the failure without publishing it', async () => {
    const { store, pii, handler } = setup();
    await expect(handler.execute(new EraseOwnAccountCommand(USER_ID, 'wrong'))).rejects.toMatchObject({
      code: 'REAUTHENTICATION_FAILED',
      message: 'The password is not correct',
    });
    expect(store.users.get(USER_ID)?.status).toBe('active');
    expect(pii.erased).toEqual([]);
    expect(store.failures).toHaveLength(1);
    expect(store.events).toEqual([]);
  });

  it('refuses even the right password once locked, saying when to try again', async () => {
    const { store, pii, handler } = setup();
    for (let attempt = 1; attempt <= 5; attempt++) await handler.execute(new EraseOwnAccountCommand(USER_ID, 'wrong')).catch(() => undefined);
    await expect(handler.execute(new EraseOwnAccountCommand(USER_ID, PASSWORD))).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
      message: 'Too many wrong passwords: try again later',
      details: { retryAfterSeconds: 900 },
    });
    expect(store.users.get(USER_ID)?.status).toBe('active');
    expect(pii.erased).toEqual([]);
  });

  it('refuses an account that is not active', async () => {
    const { pii, handler } = setup('disabled');
    await expect(handler.execute(new EraseOwnAccountCommand(USER_ID, PASSWORD))).rejects.toMatchObject({ code: 'REAUTHENTICATION_FAILED' });
    expect(pii.erased).toEqual([]);
  });

  it('erases the account, publishes user.deleted, has pii shred at once, then answers erased', async () => {
    const { store, pii, handler } = setup();
    await handler.execute(new EraseOwnAccountCommand(USER_ID, PASSWORD));
    expect(store.users.get(USER_ID)).toMatchObject({ status: 'deleted', emailIndex: null, passwordHash: null });
    expect(store.eventsOfType(UserDeleted.type).map((event) => event.payload)).toEqual([{ userId: USER_ID, role: 'STUDENT', deletedAt: expect.any(String) }]);
    expect(pii.erased).toEqual([USER_ID]);

    await expect(handler.execute(new EraseOwnAccountCommand(USER_ID, PASSWORD))).rejects.toMatchObject({
      code: 'PII_ERASED',
      message: "This user's personal data was erased",
    });
    expect(store.eventsOfType(UserDeleted.type)).toHaveLength(1);
    expect(pii.erased).toEqual([USER_ID]);
  });
});
