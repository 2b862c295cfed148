import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Controller, Get, Global, Module } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { ApiError, configureHttp, errors, HttpPlatformModule } from '@tall/platform/http';
import type { Principal } from '@tall/platform/identity';
import { createLogger, ObservabilityModule } from '@tall/platform/observability';
import { SecretsModule } from '@tall/platform/secrets';
import { SESSION_STATUS_SOURCE, type SessionStatus, type SessionStatusSource } from '../sessions/session-status';
import { SessionStatusCache } from '../sessions/session-status-cache';
import { AccessTokenIssuer } from '../tokens/access-token-issuer';
import { Authenticated, CurrentPrincipal, MetricsAccess } from './auth.decorators';
import { AuthModule } from './auth.module';

@Controller('probe')
@Authenticated()
class ProbeController {
  @Get('me')
  me(@CurrentPrincipal() principal: Principal) {
    return { principal };
  }
}

/** What profile would answer, set per test; or a failure to throw. */
class FakeSessions implements SessionStatusSource {
  readonly statuses = new Map<string, SessionStatus>();
  failure: unknown;
  asked = 0;

  async statusOf(sessionId: string): Promise<SessionStatus | null> {
    this.asked++;
    if (this.failure) throw this.failure;
    return this.statuses.get(sessionId) ?? null;
  }
}

const sessions = new FakeSessions();

@Global()
@Module({ providers: [{ provide: SESSION_STATUS_SOURCE, useValue: sessions }], exports: [SESSION_STATUS_SOURCE] })
class FakeSessionsModule {}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('the session check of access tokens (revocation)', () => {
  let app: NestFastifyApplication;
  let directory: string;
  const logger = createLogger({ level: 'silent' });

  const platform = (directory: string) => [
    ObservabilityModule.forRoot({ logger, metricsAccess: MetricsAccess() }),
    HttpPlatformModule.forRoot({ minimumClientVersions: { web: '1.0.0', android: '1.0.0', desktop: '1.0.0' } }),
    SecretsModule.forRoot({ driver: 'local', file: join(directory, 'secrets.json') }),
  ];

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'tall-session-check-'));
    const moduleRef = await Test.createTestingModule({
      imports: [...platform(directory), FakeSessionsModule, AuthModule.forRoot({ keys: { kind: 'secret', secretName: 'test/jwt', issuer: true } }), ProbeModule],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    configureHttp(app, logger);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    // As in a process hosting profile: answers are kept until an event says otherwise.
    app.get(SessionStatusCache).followInvalidations(true);
  });

  afterAll(async () => {
    await app?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  beforeEach(() => {
    sessions.failure = undefined;
    sessions.asked = 0;
  });

  /** A signed, unexpired token for a session profile knows as active with that role. */
  const signedIn = async (role: Principal['role'] = 'STUDENT') => {
    const principal: Principal = { userId: randomUUID(), role, sessionId: randomUUID() };
    sessions.statuses.set(principal.sessionId, { userId: principal.userId, role, active: true });
    return { principal, token: (await app.get(AccessTokenIssuer).issue(principal)).accessToken };
  };
  const me = (token: string) => app.inject({ method: 'GET', url: '/api/v1/probe/me', headers: { authorization: `Bearer ${token}` } });
  const expectRefused = (response: Awaited<ReturnType<typeof me>>) => {
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ statusCode: 401, code: 'TOKEN_INVALID', correlationId: expect.any(String) });
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
  };

  it('lets a token of a running session through, asking profile once', async () => {
    const { principal, token } = await signedIn();
    expect((await me(token)).json()).toEqual({ principal });
    expect((await me(token)).statusCode).toBe(200);
    expect(sessions.asked).toBe(1);
  });

  it('refuses a token whose session ended, once the change reaches the cache', async () => {
    const { principal, token } = await signedIn();
    expect((await me(token)).statusCode).toBe(200);
    sessions.statuses.set(principal.sessionId, { userId: principal.userId, role: 'STUDENT', active: false });
    // Cached until invalidated: this is what the event does.
    expect((await me(token)).statusCode).toBe(200);
    app.get(SessionStatusCache).invalidateSession(principal.sessionId);
    expectRefused(await me(token));
  });

  it("refuses a token whose role is no longer the account's, so the client refreshes", async () => {
    const { principal, token } = await signedIn('TEACHER');
    expect((await me(token)).statusCode).toBe(200);
    sessions.statuses.set(principal.sessionId, { userId: principal.userId, role: 'STUDENT', active: true });
    app.get(SessionStatusCache).invalidateUser(principal.userId);
    expectRefused(await me(token));
  });

  it('refuses a token of an unknown session, and of a session that belongs to someone else', async () => {
    const { principal, token } = await signedIn();
    sessions.statuses.delete(principal.sessionId);
    expectRefused(await me(token));
    const other = await signedIn();
    sessions.statuses.set(other.principal.sessionId, { userId: randomUUID(), role: 'STUDENT', active: true });
    expectRefused(await me(other.token));
  });

  it('answers 503 with the envelope when profile cannot be asked, never 200 or 500', async () => {
    const { token } = await signedIn();
    sessions.failure = new Error('something unexpected');
    const unexpected = await me(token);
    expect(unexpected.statusCode).toBe(503);
    expect(unexpected.json()).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', details: { dependency: 'sessions' } });
    expect(unexpected.headers['retry-after']).toBe('5');

    sessions.failure = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const postgresDown = await me(token);
    expect(postgresDown.statusCode).toBe(503);
    expect(postgresDown.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { dependency: 'postgres' } });

    sessions.failure = errors.unavailable('profile');
    const profileAway = await me(token);
    expect(profileAway.statusCode).toBe(503);
    expect(profileAway.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { dependency: 'profile' } });

    // A refusal of the call itself is not the user's doing either.
    sessions.failure = new ApiError(400, 'VALIDATION_FAILED', 'The request is invalid');
    expect((await me(token)).statusCode).toBe(503);

    sessions.failure = undefined;
    expect((await me(token)).statusCode).toBe(200);
  });

  it('does not start without a source of session statuses, unless told not to check sessions', async () => {
    const build = (sessionCheck?: false) =>
      Test.createTestingModule({
        imports: [...platform(directory), AuthModule.forRoot({ keys: { kind: 'secret', secretName: 'test/jwt', issuer: true }, sessions: sessionCheck }), ProbeModule],
      }).compile();
    await expect(build()).rejects.toThrow(/SESSION_STATUS_SOURCE/);
    const unchecked = await build(false);
    await unchecked.close();
  });
});
