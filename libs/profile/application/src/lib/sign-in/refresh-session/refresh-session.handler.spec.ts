import { RefreshReused, SessionRevoked } from '@tall/profile/contracts';
import { REFRESH_TOKEN_TTL_MS } from '@tall/profile/domain';
import { FakeClock, fakeAccessTokens, InMemoryProfileStore } from '../../testing/in-memory-profile';
import { SessionIssuer } from '../session-issuer';
import { RefreshSessionCommand } from './refresh-session.command';
import { RefreshSessionHandler } from './refresh-session.handler';

const USER_ID = '00000000-0000-4000-8000-000000000001';

describe('RefreshSessionHandler', () => {
  async function setup() {
    const store = new InMemoryProfileStore();
    const clock = new FakeClock();
    const sessions = new SessionIssuer(fakeAccessTokens);
    const handler = new RefreshSessionHandler(store, clock, sessions);
    store.addUser({ id: USER_ID, role: 'STUDENT' });
    const started = await store.transaction((tx) => sessions.start(tx, USER_ID, {}, clock.now()));
    return { store, clock, handler, started };
  }

  it('spends the token and hands out the next one of the same session', async () => {
    const { store, handler, started } = await setup();
    const next = await handler.execute(new RefreshSessionCommand(started.refreshToken));
    expect(next.refreshToken).not.toBe(started.refreshToken);
    expect(next.accessToken).toBe(`access:${USER_ID}:${started.sessionId}`);
    await expect(handler.execute(new RefreshSessionCommand(next.refreshToken))).resolves.toMatchObject({ user: { id: USER_ID } });
    expect(store.sessions.get(started.sessionId)?.revokedAt).toBeNull();
  });

  it('takes a spent token coming back as a leak: the whole session ends, the newest token too', async () => {
    const { store, handler, started } = await setup();
    const next = await handler.execute(new RefreshSessionCommand(started.refreshToken));
    const refused = handler.execute(new RefreshSessionCommand(started.refreshToken));
    await expect(refused).rejects.toMatchObject({ code: 'REFRESH_TOKEN_REUSED' });
    expect(store.eventsOfType(RefreshReused.type)).toHaveLength(1);
    expect(store.eventsOfType(SessionRevoked.type).map((event) => event.payload)).toEqual([
      { userId: USER_ID, sessionId: started.sessionId, reason: 'refreshReused' },
    ]);
    await expect(handler.execute(new RefreshSessionCommand(next.refreshToken))).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
  });

  it('refuses unknown and expired tokens, and disabled accounts', async () => {
    const { store, clock, handler, started } = await setup();
    await expect(handler.execute(new RefreshSessionCommand('rt_unknown'))).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
    store.addUser({ id: USER_ID, role: 'STUDENT', status: 'disabled' });
    await expect(handler.execute(new RefreshSessionCommand(started.refreshToken))).rejects.toMatchObject({ code: 'ACCOUNT_DISABLED' });
    store.addUser({ id: USER_ID, role: 'STUDENT' });
    clock.advance(REFRESH_TOKEN_TTL_MS);
    await expect(handler.execute(new RefreshSessionCommand(started.refreshToken))).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
  });
});
