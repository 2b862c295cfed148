import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { defineRemoteCall } from '@tall/platform/call-contracts';
import { ApiError, configureHttp, errors, HttpPlatformModule } from '@tall/platform/http';
import { createLogger, ObservabilityModule, RequestContext } from '@tall/platform/observability';
import { SecretsModule } from '@tall/platform/secrets';
import { RpcClient } from './rpc-client';
import { RpcModule } from './rpc.module';
import type { RpcModuleOptions } from './rpc-options';
import { RpcRegistry } from './rpc-registry';
import { ServiceTokens } from './service-token';

const Echo = defineRemoteCall({
  name: 'pii.echo',
  module: 'pii',
  description: 'Echoes its input and what the provider knows about the call',
  input: z.strictObject({ text: z.string().max(20) }),
  output: z.strictObject({
    text: z.string(),
    correlationId: z.string(),
    transport: z.string(),
    principal: z.object({ userId: z.string(), role: z.string() }).nullable(),
    callerModule: z.string().nullable(),
  }),
});
const Refuse = defineRemoteCall({
  name: 'pii.refuse',
  module: 'pii',
  description: 'Always refuses with a typed error',
  input: z.strictObject({}),
  output: z.strictObject({}),
});
const Broken = defineRemoteCall({
  name: 'pii.broken',
  module: 'pii',
  description: 'Answers outside its own contract',
  input: z.strictObject({}),
  output: z.strictObject({ count: z.number() }),
});
const Hello = defineRemoteCall({
  name: 'profile.hello',
  module: 'profile',
  description: 'Hosted by the calling process itself',
  input: z.strictObject({ name: z.string() }),
  output: z.strictObject({ greeting: z.string(), transport: z.string() }),
});
const LobbyPing = defineRemoteCall({
  name: 'lobby.ping',
  module: 'lobby',
  description: 'Provided by a process that is not running',
  input: z.strictObject({}),
  output: z.strictObject({}),
});

@Injectable()
class PiiCalls implements OnModuleInit {
  constructor(@Inject(RpcRegistry) private readonly registry: RpcRegistry) {}
  onModuleInit(): void {
    this.registry.provide(Echo, async (input, context) => ({
      text: input.text,
      correlationId: context.correlationId,
      transport: context.transport,
      principal: context.principal ? { userId: context.principal.userId, role: context.principal.role } : null,
      callerModule: context.callerModule ?? null,
    }));
    this.registry.provide(Refuse, async () => {
      throw errors.conflict('EMAIL_TAKEN', 'An account with this email exists', { field: 'email' });
    });
    this.registry.provide(Broken, async () => ({ count: 'many' }) as never);
  }
}
@Module({ providers: [PiiCalls] })
class PiiTestModule {}

@Injectable()
class ProfileCalls implements OnModuleInit {
  constructor(@Inject(RpcRegistry) private readonly registry: RpcRegistry) {}
  onModuleInit(): void {
    this.registry.provide(Hello, async (input, context) => ({ greeting: `hello ${input.name}`, transport: context.transport }));
  }
}
@Module({ providers: [ProfileCalls] })
class ProfileTestModule {}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      server.close(() => resolve(address.port));
    });
  });
}

async function startApp(secretsFile: string, rpc: RpcModuleOptions, contexts: unknown[]): Promise<NestFastifyApplication> {
  const logger = createLogger({ level: 'silent' });
  const moduleRef = await Test.createTestingModule({
    imports: [
      ObservabilityModule.forRoot({ logger }),
      HttpPlatformModule.forRoot({ minimumClientVersions: { web: '1.0.0', android: '1.0.0', desktop: '1.0.0' } }),
      SecretsModule.forRoot({ driver: 'local', file: secretsFile }),
      RpcModule.forRoot(rpc),
      ...(contexts as never[]),
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  configureHttp(app, logger);
  await app.listen(0, '127.0.0.1');
  return app;
}

describe('calls between contexts', () => {
  let dir: string;
  let provider: NestFastifyApplication;
  let caller: NestFastifyApplication;
  let providerUrl: string;
  let client: RpcClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tall-rpc-'));
    const secretsFile = join(dir, 'secrets.json');
    const modules = ['profile', 'pii', 'lobby'];
    provider = await startApp(secretsFile, { modules, hostedModules: ['pii'], signingSecretName: 'tall/test/rpc' }, [PiiTestModule]);
    providerUrl = await provider.getUrl();
    caller = await startApp(
      secretsFile,
      {
        modules,
        hostedModules: ['profile'],
        moduleUrls: { pii: providerUrl, lobby: `http://127.0.0.1:${await closedPort()}` },
        signingSecretName: 'tall/test/rpc',
        timeoutMs: 2_000,
      },
      [ProfileTestModule],
    );
    client = caller.get(RpcClient);
  });

  afterAll(async () => {
    await caller?.close();
    await provider?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a call of a hosted module in-process', async () => {
    await expect(client.call(Hello, { name: 'Ada' })).resolves.toEqual({ greeting: 'hello Ada', transport: 'in-process' });
  });

  it('calls a module hosted by another process over HTTP, forwarding correlation id and principal', async () => {
    const output = await RequestContext.run({ correlationId: 'corr-rpc-1', actorId: 'u-42', actorRole: 'TEACHER' }, () =>
      client.call(Echo, { text: 'hi' }, { caller: 'profile' }),
    );
    expect(output).toEqual({
      text: 'hi',
      correlationId: 'corr-rpc-1',
      transport: 'http',
      principal: { userId: 'u-42', role: 'TEACHER' },
      callerModule: 'profile',
    });
  });

  it('sends no principal when the call is the system’s own', async () => {
    const output = await RequestContext.run({ correlationId: 'corr-rpc-2', actorId: 'u-42', actorRole: 'TEACHER' }, () =>
      client.call(Echo, { text: 'hi' }, { principal: null }),
    );
    expect(output.principal).toBeNull();
  });

  it('brings the provider’s ApiError back as an ApiError with its status, code and details', async () => {
    const error = await client.call(Refuse, {}).catch((caught) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.getStatus()).toBe(409);
    expect(error).toMatchObject({ code: 'EMAIL_TAKEN', message: 'An account with this email exists', details: { field: 'email' } });
  });

  it('validates the input before it leaves and again at the provider', async () => {
    const error = await client.call(Echo, { text: 'x'.repeat(21) }).catch((caught) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.getStatus()).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.fields[0].field).toBe('text');
  });

  it('refuses an answer outside the contract as a server error', async () => {
    const error = await client.call(Broken, {}).catch((caught) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.getStatus()).toBe(500);
  });

  it('answers 503 SERVICE_UNAVAILABLE when the provider process cannot be reached', async () => {
    const error = await client.call(LobbyPing, {}).catch((caught) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.getStatus()).toBe(503);
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { dependency: 'lobby' } });
  });

  describe('the internal route', () => {
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${providerUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

    it('answers 401 without a service token, with a bad one, and with one for another call', async () => {
      const tokens = caller.get(ServiceTokens);
      const forOtherCall = await tokens.sign({ module: 'pii', call: 'pii.refuse' });
      const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer nonsense.token.here' }, { authorization: `Bearer ${forOtherCall}` }];
      for (const headers of attempts) {
        const response = await post('/internal/rpc/pii.echo', { input: { text: 'hi' } }, headers);
        expect(response.status).toBe(401);
        expect(await response.json()).toMatchObject({ statusCode: 401, code: 'RPC_UNAUTHENTICATED' });
      }
    });

    it('answers 401 for a call that does not exist, revealing nothing without a token', async () => {
      const response = await post('/internal/rpc/pii.nothing', { input: {} });
      expect(response.status).toBe(401);
    });

    it('answers 200 with the output for a valid token', async () => {
      const token = await caller.get(ServiceTokens).sign({ module: 'pii', call: 'pii.echo', input: { text: 'hi' } });
      const response = await post('/internal/rpc/pii.echo', { input: { text: 'hi' } }, { authorization: `Bearer ${token}`, 'x-correlation-id': 'corr-direct' });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ output: { text: 'hi', correlationId: 'corr-direct', transport: 'http', principal: null, callerModule: null } });
    });

    it('answers 401 to a token sent again, or sent with another input', async () => {
      const tokens = caller.get(ServiceTokens);
      const once = await tokens.sign({ module: 'pii', call: 'pii.echo', input: { text: 'hi' } });
      const send = (token: string, text: string) => post('/internal/rpc/pii.echo', { input: { text } }, { authorization: `Bearer ${token}` });
      expect((await send(once, 'hi')).status).toBe(200);
      expect((await send(once, 'hi')).status).toBe(401);
      const other = await tokens.sign({ module: 'pii', call: 'pii.echo', input: { text: 'hi' } });
      expect((await send(other, 'something else')).status).toBe(401);
    });

    it('is not a versioned API route and not in the OpenAPI document', async () => {
      expect((await post('/api/v1/internal/rpc/pii.echo', { input: { text: 'hi' } })).status).toBe(404);
      const document = SwaggerModule.createDocument(provider, new DocumentBuilder().build());
      expect(Object.keys(document.paths).filter((path) => path.includes('internal'))).toEqual([]);
    });
  });

  it('treats a hosted module without a provider as a server error, not as the caller’s', async () => {
    const Missing = defineRemoteCall({
      name: 'profile.missing',
      module: 'profile',
      description: 'Nobody provides it',
      input: z.strictObject({}),
      output: z.strictObject({}),
    });
    await expect(client.call(Missing, {})).rejects.toThrow(/profile.missing has no provider/);
  });

  it('reports hosted modules that do not provide a required call', () => {
    expect(provider.get(RpcRegistry).missing(['echo', 'exportUserData'])).toEqual(['pii.exportUserData']);
  });
});
