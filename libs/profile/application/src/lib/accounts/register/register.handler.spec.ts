import { ProfileError } from '@tall/profile/domain';
import { UserCreated } from '@tall/profile/contracts';
import { SessionIssuer } from '../../sign-in/session-issuer';
import { FakeClock, FakePersonalData, fakeAccessTokens, fakeEmailIndexer, fakeHasher, InMemoryProfileStore } from '../../testing/in-memory-profile';
import { AccountCreation } from '../account-creation';
import { RegisterCommand } from './register.command';
import { RegisterHandler } from './register.handler';

describe('RegisterHandler', () => {
  const request = { email: 'Ada@School.example', password: 'correct horse battery', firstName: 'Ada', lastName: 'Lovelace', deviceId: 'phone-1' };

  function setup(open = true) {
    const store = new InMemoryProfileStore();
    const personal = new FakePersonalData();
    const accounts = new AccountCreation(store, fakeHasher, fakeEmailIndexer, personal, new FakeClock(), new Set(['password123']));
    const handler = new RegisterHandler(accounts, new SessionIssuer(fakeAccessTokens), { open });
    return { store, personal, handler };
  }

  it('creates an active STUDENT_ID with its first session, personal data in pii only', async () => {
    const { store, personal, handler } = setup();
    const response = await handler.execute(new RegisterCommand(request));
    expect(response).toMatchObject({ user: { role: 'STUDENT' }, accessTokenExpiresIn: 900, refreshToken: expect.stringMatching(/^rt_/) });
    expect(store.users.get(response.user.id)).toMatchObject({ status: 'active', emailIndex: 'index:ada@school.example' });
    expect([...store.sessions.values()]).toEqual([expect.objectContaining({ userId: response.user.id, deviceId: 'phone-1' })]);
    expect(personal.people.get(response.user.id)).toMatchObject({ email: request.email, firstName: 'Ada' });
    expect(store.eventsOfType(UserCreated.type).map((event) => event.payload)).toEqual([
      { userId: response.user.id, role: 'STUDENT', origin: 'registration', createdAt: expect.any(String) },
    ]);
  });

  it('refuses when registration is closed, before anything is stored', async () => {
    const { store, handler } = setup(false);
    await expect(handler.execute(new RegisterCommand(request))).rejects.toMatchObject({ code: 'REGISTRATION_CLOSED' });
    expect(store.users.size).toBe(0);
  });

  it('refuses a taken email and a common password', async () => {
    const { handler } = setup();
    await handler.execute(new RegisterCommand(request));
    await expect(handler.execute(new RegisterCommand({ ...request, email: 'ada@school.example ' }))).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });
    const common = handler.execute(new RegisterCommand({ ...request, email: 'other@school.example', password: 'Password123' }));
    await expect(common).rejects.toBeInstanceOf(ProfileError);
    await expect(common).rejects.toMatchObject({ code: 'PASSWORD_TOO_COMMON' });
  });

  it('drops the reservation when pii refuses, so the email can register again', async () => {
    const { store, personal, handler } = setup();
    personal.failNextStore = true;
    await expect(handler.execute(new RegisterCommand(request))).rejects.toThrow('pii is unavailable');
    expect(store.users.size).toBe(0);
    await expect(handler.execute(new RegisterCommand(request))).resolves.toMatchObject({ user: { role: 'STUDENT' } });
  });
});
