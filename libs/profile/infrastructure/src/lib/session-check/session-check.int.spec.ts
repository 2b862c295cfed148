import { randomUUID } from 'node:crypto';
import { QueryBus } from '@nestjs/cqrs';
import type { DataSource } from 'typeorm';
import { SessionStatusCache, type SessionStatus, type SessionStatusSource } from '@tall/platform/auth';
import { createLogger } from '@tall/platform/observability';
import { waitFor } from '@tall/platform/testing';
import { GetSessionStatusQuery } from '@tall/profile/application';
import { startProfileTestApp, type ProfileTestApp } from '../../test-support/profile-test-app';
import { PROFILE_DATA_SOURCE } from '../profile-tokens';
import { SESSION_CHANGES_LISTENER, SessionInvalidationFeed } from './session-invalidation-feed';

/** Another instance's cache: answers "active" for any session, and counts what it was asked. */
class CountingSource implements SessionStatusSource {
  readonly asked: string[] = [];

  async statusOf(sessionId: string): Promise<SessionStatus> {
    this.asked.push(sessionId);
    return { userId: randomUUID(), role: 'STUDENT', active: true };
  }
}

/** Issue 12 inside profile: the SQL read, the events that invalidate the cache, and the feed between instances. */
describe('the session check, with profile (integration)', () => {
  const PASSWORD = 'correct horse battery';
  let t: ProfileTestApp;
  let counter = 0;

  beforeAll(async () => {
    t = await startProfileTestApp({}, { sessionCheck: true });
    await waitFor(() => t.app.get(SessionStatusCache).followsInvalidations, { timeoutMs: 10_000, what: 'the listener for session changes' });
  });

  afterAll(async () => {
    await t?.close();
  });

  const call = async (method: 'GET' | 'POST', url: string, token?: string, body?: unknown) => {
    const response = await t.app.inject({
      method,
      url: `/api/v1${url}`,
      ...(body === undefined ? {} : { payload: body as object }),
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: response.statusCode, body: response.body ? response.json() : undefined };
  };
  const register = async () => {
    const email = `check${++counter}.${Date.now()}@school.example`;
    const registered = await call('POST', '/auth/register', undefined, { email, password: PASSWORD, firstName: 'Ada', lastName: 'Lovelace' });
    expect(registered.status).toBe(201);
    return { email, userId: registered.body.user.id as string, token: registered.body.accessToken as string };
  };
  const sessionOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sid as string;
  const status = (sessionId: string) => t.app.get(QueryBus).execute(new GetSessionStatusQuery(sessionId));

  it('reads a session with its account in one query: running, ended, unknown', async () => {
    const { userId, token } = await register();
    const sessionId = sessionOf(token);
    await expect(status(sessionId)).resolves.toEqual({ userId, role: 'STUDENT', active: true });
    expect((await call('POST', '/auth/logout-all', token)).status).toBe(204);
    await expect(status(sessionId)).resolves.toEqual({ userId, role: 'STUDENT', active: false });
    await expect(status(randomUUID())).resolves.toBeNull();
  });

  it('refuses a cached token once profile’s event reports its session ended', async () => {
    const { token } = await register();
    expect((await call('GET', '/users/me', token)).status).toBe(200);
    const cache = t.app.get(SessionStatusCache);
    expect(cache.size).toBeGreaterThan(0);
    expect((await call('POST', '/auth/logout-all', token)).status).toBe(204);
    const refused = await waitFor(
      async () => {
        const answer = await call('GET', '/users/me', token);
        return answer.status === 401 && answer;
      },
      { timeoutMs: 5_000, intervalMs: 50, what: 'the token to be refused' },
    );
    expect(refused.body).toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('tells another instance’s cache through PostgreSQL, and stops trusting it while not listening', async () => {
    const dataSource = t.app.get<DataSource>(PROFILE_DATA_SOURCE);
    const source = new CountingSource();
    const other = new SessionStatusCache(source);
    const feed = new SessionInvalidationFeed(other, {
      databaseUrl: (dataSource.options as { url: string }).url,
      notify: (channel, payload) => dataSource.query('SELECT pg_notify($1, $2)', [channel, payload]),
      logger: createLogger({ level: 'silent' }),
      heartbeatMs: 200,
    });
    feed.start();
    try {
      await waitFor(() => feed.listening, { timeoutMs: 10_000, what: 'the second listener' });
      const { token } = await register();
      const sessionId = sessionOf(token);
      await other.statusOf(sessionId);
      await other.statusOf(sessionId);
      expect(source.asked).toEqual([sessionId]);

      // The change is made through the app; only PostgreSQL can tell the other instance.
      expect((await call('POST', '/auth/logout-all', token)).status).toBe(204);
      await waitFor(async () => (await other.statusOf(sessionId), source.asked.length === 2), { timeoutMs: 5_000, intervalMs: 50, what: 'the other instance to drop the session' });

      expect(other.size).toBe(1);
      // Its connection is cut: the other instance forgets what it holds and keeps answers briefly until it listens again.
      await dataSource.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()', [
        SESSION_CHANGES_LISTENER,
      ]);
      await waitFor(() => other.size === 0 && feed.listening && t.app.get(SessionStatusCache).followsInvalidations, {
        timeoutMs: 10_000,
        what: 'both listeners to notice the cut, forget, and listen again',
      });
    } finally {
      await feed.stop();
    }
  });
});
