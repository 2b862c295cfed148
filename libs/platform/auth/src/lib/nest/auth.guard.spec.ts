import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Controller, Get, Module } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { configureHttp, HttpPlatformModule } from '@tall/platform/http';
import { createLogger, ObservabilityModule, RequestContext } from '@tall/platform/observability';
import { SecretsModule } from '@tall/platform/secrets';
import type { Principal } from '@tall/platform/identity';
import { AccessTokenIssuer } from '../tokens/access-token-issuer';
import { JwtKeys } from '../keys/jwt-keys';
import { Authenticated, CurrentPrincipal, MetricsAccess, OpsAccess, Public, Roles } from './auth.decorators';
import { AuthModule } from './auth.module';

@Controller('probe')
@Authenticated()
class ProbeController {
  @Get('open')
  @Public()
  open() {
    return { open: true };
  }

  @Get('me')
  me(@CurrentPrincipal() principal: Principal) {
    return { principal, actor: RequestContext.current() };
  }

  @Get('admin')
  @Roles('TECH_ADMIN', 'EDU_ADMIN')
  admin() {
    return { admin: true };
  }

  @Get('ops')
  @OpsAccess()
  ops() {
    return { actor: RequestContext.current() };
  }

  @Get('monitoring')
  @MetricsAccess()
  monitoring() {
    return { actor: RequestContext.current() };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

const OPS_TOKEN = 'probe-ops-token-0123456789';
const METRICS_TOKEN = 'probe-metrics-token-0123456789';

describe('AuthGuard and decorators', () => {
  let app: NestFastifyApplication;
  let directory: string;
  const teacher: Principal = { userId: randomUUID(), role: 'TEACHER', sessionId: randomUUID() };
  const admin: Principal = { userId: randomUUID(), role: 'EDU_ADMIN', sessionId: randomUUID() };

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'tall-auth-'));
    const logger = createLogger({ level: 'silent' });
    const moduleRef = await Test.createTestingModule({
      imports: [
        ObservabilityModule.forRoot({ logger, metricsAccess: MetricsAccess() }),
        HttpPlatformModule.forRoot({ minimumClientVersions: { web: '1.0.0', android: '1.0.0', desktop: '1.0.0' } }),
        SecretsModule.forRoot({ driver: 'local', file: join(directory, 'secrets.json') }),
        // Made-up principals have no session: the session check has its own spec (session-check.spec.ts).
        AuthModule.forRoot({ keys: { kind: 'secret', secretName: 'test/jwt', issuer: true }, opsToken: OPS_TOKEN, metricsToken: METRICS_TOKEN, sessions: false }),
        ProbeModule,
      ],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    configureHttp(app, logger);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const tokenFor = async (principal: Principal) => (await app.get(AccessTokenIssuer).issue(principal)).accessToken;
  const get = (path: string, token?: string) =>
    app.inject({ method: 'GET', url: `/api/v1/probe/${path}`, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('lets anyone reach a @Public() route of a guarded controller', async () => {
    expect((await get('open')).statusCode).toBe(200);
  });

  it('answers 401 UNAUTHENTICATED without a token, with WWW-Authenticate', async () => {
    const response = await get('me');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED', correlationId: expect.any(String) });
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it('answers 401 TOKEN_INVALID for a bad token', async () => {
    const response = await get('me', 'not.a.token');
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('TOKEN_INVALID');
  });

  it('answers 401 TOKEN_EXPIRED for an expired token', async () => {
    const expired = await app.get(AccessTokenIssuer).issue(teacher, new Date(Date.now() - 3_600_000));
    const response = await get('me', expired.accessToken);
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('TOKEN_EXPIRED');
  });

  it('passes the principal to the handler and records it as the actor of the request', async () => {
    const response = await get('me', await tokenFor(teacher));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ principal: teacher, actor: { actorId: teacher.userId, actorRole: 'TEACHER' } });
  });

  it('answers 403 FORBIDDEN when the role is not allowed, 200 when it is', async () => {
    const forbidden = await get('admin', await tokenFor(teacher));
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('FORBIDDEN');
    expect((await get('admin', await tokenFor(admin))).statusCode).toBe(200);
  });

  it('lets operations routes take a TECH_ADMIN token or the static ops token, nothing else', async () => {
    const viaToken = await get('ops', OPS_TOKEN);
    expect(viaToken.statusCode).toBe(200);
    expect(viaToken.json().actor).toMatchObject({ actorRole: 'TECH_ADMIN' });
    expect((await get('ops', await tokenFor({ ...admin, role: 'TECH_ADMIN' }))).statusCode).toBe(200);
    expect((await get('ops', await tokenFor(admin))).statusCode).toBe(403);
    expect((await get('ops', 'probe-ops-token-wrong')).statusCode).toBe(401);
    // The ops token is no access token anywhere else.
    expect((await get('admin', OPS_TOKEN)).statusCode).toBe(401);
  });

  it('lets monitoring reads take the metrics token, the ops token or a TECH_ADMIN, nothing else', async () => {
    const viaMetrics = await get('monitoring', METRICS_TOKEN);
    expect(viaMetrics.statusCode).toBe(200);
    // Monitoring acts as no one.
    expect(viaMetrics.json().actor).not.toHaveProperty('actorRole');
    expect((await get('monitoring', OPS_TOKEN)).statusCode).toBe(200);
    expect((await get('monitoring', await tokenFor({ ...admin, role: 'TECH_ADMIN' }))).statusCode).toBe(200);
    expect((await get('monitoring')).statusCode).toBe(401);
    expect((await get('monitoring', 'probe-metrics-token-wrong')).statusCode).toBe(401);
    expect((await get('monitoring', await tokenFor(admin))).statusCode).toBe(403);
    expect((await get('monitoring', await tokenFor(teacher))).statusCode).toBe(403);
    // The metrics token opens monitoring reads only.
    expect((await get('ops', METRICS_TOKEN)).statusCode).toBe(401);
    expect((await get('admin', METRICS_TOKEN)).statusCode).toBe(401);
  });

  it('guards /metrics the same way when the app passes @MetricsAccess() to the observability module', async () => {
    const metrics = (token?: string) => app.inject({ method: 'GET', url: '/metrics', headers: token ? { authorization: `Bearer ${token}` } : {} });
    const anonymous = await metrics();
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await metrics(await tokenFor(teacher))).statusCode).toBe(403);
    for (const token of [METRICS_TOKEN, OPS_TOKEN]) {
      const scraped = await metrics(token);
      expect(scraped.statusCode).toBe(200);
      expect(scraped.body).toContain('tall_http_request_duration_seconds');
    }
  });

  it('created the key set once in the secret store and publishes only public keys', async () => {
    const jwks = app.get(JwtKeys).jwks();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.any(String), kid: expect.any(String), alg: 'EdDSA', use: 'sig' });
  });
});
