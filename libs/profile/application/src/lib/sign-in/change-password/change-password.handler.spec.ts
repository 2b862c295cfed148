import { SessionRevoked, UserUpdated } from '@tall/profile/contracts';
import { AccountCreation } from '../../accounts/account-creation';
import { FakeClock, FakePersonalData, fakeAccessTokens, fakeEmailIndexer, fakeHasher, InMemoryProfileStore } from '../../testing/in-memory-profile';
import { CredentialCheck } from '../credential-check';
import { SessionIssuer } from '../session-issuer';
import { ChangePasswordCommand } from './change-password.command';
import { ChangePasswordHandler } from './change-password.handler';

const USER_ID = '00000000-0000-4000-8000-000000000001';

describe('ChangePasswordHandler', () => {
  async function setup() {
    const store = new InMemoryProfileStore();
    const clock = new FakeClock();
    const accounts = new AccountCreation(store, fakeHasher, fakeEmailIndexer, new FakePersonalData(), clock, new Set());
    const handler = new ChangePasswordHandler(store, fakeHasher, clock, new CredentialCheck(store, fakeHasher, clock), accounts);
    store.addUser({ id: USER_ID, role: 'STUDENT', passwordHash: 'hashed:correct horse battery' });
    const issuer = new SessionIssuer(fakeAccessTokens);
    const [phone, laptop] = await store.transaction(async (tx) => [await issuer.start(tx, USER_ID, {}, clock.now()), await issuer.start(tx, USER_ID, {}, clock.now())]);
    const principal = { userId: USER_ID, role: 'STUDENT' as const, sessionId: laptop.sessionId };
    return { store, handler, principal, phone, laptop };
  }

  it('stores the new hash and ends every other session, keeping this one', async () => {
    const { store, handler, principal, phone, laptop } = await setup();
    await handler.execute(new ChangePasswordCommand(principal, 'correct horse battery', 'a new long passphrase'));
    expect(store.users.get(USER_ID)?.passwordHash).toBe('hashed:a new long passphrase');
    expect(store.sessions.get(phone.sessionId)?.revokedAt).not.toBeNull();
    expect(store.sessions.get(laptop.sessionId)?.revokedAt).toBeNull();
    expect(store.eventsOfType(SessionRevoked.type).map((event) => event.payload)).toEqual([{ userId: USER_ID, sessionId: phone.sessionId, reason: 'passwordChanged' }]);
    expect(store.eventsOfType(UserUpdated.type).map((event) => event.payload)).toEqual([{ userId: USER_ID, changed: ['password'] }]);
  });

  it('refuses a wrong current password as CURRENT_PASSWORD_INCORRECT (not a sign-in failure) and a short new one', async () => {
    const { store, handler, principal } = await setup();
    await expect(handler.execute(new ChangePasswordCommand(principal, 'wrong', 'a new long passphrase'))).rejects.toMatchObject({ code: 'CURRENT_PASSWORD_INCORRECT' });
    await expect(handler.execute(new ChangePasswordCommand(principal, 'correct horse battery', 'short'))).rejects.toMatchObject({ code: 'PASSWORD_TOO_SHORT' });
    expect(store.users.get(USER_ID)?.passwordHash).toBe('hashed:correct horse battery');
  });
});
