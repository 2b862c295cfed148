import { Inject, Injectable, Module, type INestMicroservice, type OnModuleInit } from '@nestjs/common';
import { ClientTCP } from '@nestjs/microservices';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom } from 'rxjs';
import { z } from 'zod';
import { defineRemoteCall } from '@tall/platform/call-contracts';
import { ApiError, configureHttp, errors, HttpPlatformModule } from '@tall/platform/http';
import { createLogger, metricsRegistry, ObservabilityModule, RequestContext } from '@tall/platform/observability';
import { LocalFileSecretStore, SecretsModule } from '@tall/platform/secrets';
import { parseInternalAddress } from './internal-address';
import { connectInternalRpc, internalRpcPort } from './internal-rpc-listener';
import { INTERNAL_RPC_PATTERN, type InternalRpcReply } from './internal-rpc-messages';
import { RpcClient } from './rpc-client';
import { RpcModule } from './rpc.module';
import { ModuleCatalog, type RpcModuleOptions } from './rpc-options';
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

const Throttled = defineRemoteCall({
  name: 'pii.throttled',
  module: 'pii',
  description: 'Refuses with a 429 that says when to come back',
  input: z.strictObject({}),
  output: z.strictObject({}),
});
const Slow = defineRemoteCall({
  name: 'pii.slow',
  module: 'pii',
  description: 'Answers only when the test lets it',
  input: z.strictObject({}),
  output: z.strictObject({}),
});

/** Released by the test that waits for `pii.slow` to time out. */
let releaseSlow: () => void = () => undefined;

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
    this.registry.provide(Throttled, async () => {
      throw errors.tooManyRequests(7);
    });
    this.registry.provide(Slow, () => new Promise((resolve) => (releaseSlow = () => resolve({}))));
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

interface TestApp {
  app: NestFastifyApplication;
  /** The internal listener, when the app has one. */
  listener?: INestMicroservice;
}

async function startApp(secretsFile: string, rpc: RpcModuleOptions, contexts: unknown[], internal: boolean): Promise<TestApp> {
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
  // As the app's bootstrap does: the internal listener is attached before init, started before the public port.
  const listener = internal ? connectInternalRpc(app, { host: '127.0.0.1', port: 0 }) : undefined;
  await app.init();
  await app.startAllMicroservices();
  await app.listen(0, '127.0.0.1');
  return { app, listener };
}

describe('calls between contexts', () => {
  let dir: string;
  let secretsFile: string;
  let provider: TestApp;
  let caller: TestApp;
  let providerAddress: { host: string; port: number };
  let providerUrl: string;
  let client: RpcClient;
  const modules = ['profile', 'pii', 'lobby'];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tall-rpc-'));
    secretsFile = join(dir, 'secrets.json');
    provider = await startApp(secretsFile, { modules, hostedModules: ['pii'], signingSecretName: 'tall/test/rpc' }, [PiiTestModule], true);
    providerAddress = { host: '127.0.0.1', port: internalRpcPort(provider.listener as INestMicroservice) };
    providerUrl = await provider.app.getUrl();
    caller = await startApp(
      secretsFile,
      {
        modules,
        hostedModules: ['profile'],
        moduleUrls: { pii: `tcp://127.0.0.1:${providerAddress.port}`, lobby: `tcp://127.0.0.1:${await closedPort()}` },
        signingSecretName: 'tall/test/rpc',
        timeoutMs: 2_000,
      },
      [ProfileTestModule],
      false,
    );
    client = caller.app.get(RpcClient);
  });

  afterAll(async () => {
    releaseSlow();
    await caller?.app.close();
    await provider?.app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a call of a hosted module in-process', async () => {
    await expect(client.call(Hello, { name: 'Ada' })).resolves.toEqual({ greeting: 'hello Ada', transport: 'in-process' });
  });

  it('calls a module hosted by another process over TCP, forwarding correlation id and principal', async () => {
    const output = await RequestContext.run({ correlationId: 'corr-rpc-1', actorId: 'u-42', actorRole: 'TEACHER' }, () =>
      client.call(Echo, { text: 'hi' }, { caller: 'profile' }),
    );
    expect(output).toEqual({
      text: 'hi',
      correlationId: 'corr-rpc-1',
      transport: 'tcp',
      principal: { userId: 'u-42', role: 'TEACHER' },
      callerModule: 'profile',
    });
  });

  it('counts calls to another process under the tcp transport', async () => {
    await client.call(Echo, { text: 'count me' });
    const calls = await metricsRegistry.getSingleMetric('tall_rpc_calls_total')?.get();
    const tcp = calls?.values.find((value) => value.labels['call'] === 'pii.echo' && value.labels['transport'] === 'tcp' && value.labels['outcome'] === 'ok');
    expect(tcp?.value).toBeGreaterThanOrEqual(1);
    expect(calls?.values.some((value) => value.labels['transport'] === 'http')).toBe(false);
  });

  it('sends no principal when the call is the system’s own', async () => {
    const output = await RequestContext.run({ correlationId: 'corr-rpc-2', actorId: 'u-42', actorRole: 'TEACHER' }, () =>
      client.call(Echo, { text: 'hi' }, { principal: null }),
    );
    expect(output.principal).toBeNull();
  });

  it('brings the provider’s ApiError back as an ApiError with its status, code, message and details', async () => {
    const error = await client.call(Refuse, {}).catch((caught) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.getStatus()).toBe(409);
    expect(error).toMatchObject({ code: 'EMAIL_TAKEN', message: 'An account with this email exists', details: { field: 'email' } });
  });

  it('keeps the provider’s Retry-After', async () => {
    const error = await client.call(Throttled, {}).catch((caught) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.getStatus()).toBe(429);
    expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: 7 }, headers: { 'retry-after': '7' } });
  });

  it('validates the input before it leaves', async () => {
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
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { dependency: 'lobby' }, headers: { 'retry-after': '5' } });
  });

  it('answers 503 when the provider does not answer in time, and the next call gets through', async () => {
    const started = Date.now();
    const error = await client.call(Slow, {}, { timeoutMs: 300 }).catch((caught) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { dependency: 'pii' } });
    expect(Date.now() - started).toBeLessThan(1_500);
    releaseSlow();
    await expect(client.call(Echo, { text: 'after' })).resolves.toMatchObject({ text: 'after', transport: 'tcp' });
  });

  it('answers 503 when the provider refuses the caller’s service token (a key it does not know)', async () => {
    const foreignKey = new ServiceTokens(new LocalFileSecretStore({ file: join(dir, 'other-secrets.json') }), { secretName: 'tall/test/rpc' });
    const options = { modules, hostedModules: ['profile'], moduleUrls: { pii: `tcp://127.0.0.1:${providerAddress.port}` }, signingSecretName: 'tall/test/rpc' };
    const impostor = new RpcClient(options, caller.app.get(ModuleCatalog), caller.app.get(RpcRegistry), foreignKey);
    try {
      const error = await impostor.call(Echo, { text: 'hi' }).catch((caught) => caught);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { dependency: 'pii' } });
    } finally {
      impostor.onApplicationShutdown();
    }
  });

  it('refuses an address that is not tcp://host:port at start', () => {
    expect(parseInternalAddress('pii', 'tcp://[::1]:3100')).toEqual({ host: '::1', port: 3100 });
    expect(() => parseInternalAddress('pii', 'http://127.0.0.1:3000')).toThrow(/module pii must be tcp:\/\/<host>:<port>/);
    expect(() => parseInternalAddress('pii', 'tcp://127.0.0.1')).toThrow(/tcp:\/\/<host>:<port>/);
    const options = { modules, hostedModules: ['profile'], moduleUrls: { pii: 'http://127.0.0.1:3000' }, signingSecretName: 'tall/test/rpc' };
    expect(() => new RpcClient(options, caller.app.get(ModuleCatalog), caller.app.get(RpcRegistry), caller.app.get(ServiceTokens))).toThrow(/module pii/);
  });

  describe('the internal listener', () => {
    let raw: ClientTCP;
    beforeAll(() => {
      raw = new ClientTCP(providerAddress);
    });
    afterAll(() => raw.close());

    const send = (message: Record<string, unknown>): Promise<InternalRpcReply> => firstValueFrom(raw.send<InternalRpcReply>(INTERNAL_RPC_PATTERN, message));
    const sign = (call: string, input?: unknown) => caller.app.get(ServiceTokens).sign({ module: call.split('.')[0], call, input });
    const refused = { error: { statusCode: 401, code: 'RPC_UNAUTHENTICATED', message: 'A valid service token is required' } };

    it('refuses a call without a service token, with a bad one, and with one for another call', async () => {
      const forOtherCall = await sign('pii.refuse', {});
      for (const token of [undefined, '', 'nonsense.token.here', 'eyJhbGciOiJub25lIn0.e30.', forOtherCall]) {
        expect(await send({ call: 'pii.echo', input: { text: 'hi' }, ...(token === undefined ? {} : { token }) })).toEqual(refused);
      }
    });

    it('refuses a call that does not exist without a token, revealing nothing', async () => {
      expect(await send({ call: 'pii.nothing', input: {} })).toEqual(refused);
      expect(await send({ call: 'no call at all', token: 'x' })).toEqual(refused);
    });

    it('runs the call for a valid token, in the caller’s correlation id', async () => {
      const token = await sign('pii.echo', { text: 'hi' });
      expect(await send({ call: 'pii.echo', input: { text: 'hi' }, token, correlationId: 'corr-direct' })).toEqual({
        output: { text: 'hi', correlationId: 'corr-direct', transport: 'tcp', principal: null, callerModule: null },
      });
    });

    it('refuses a token sent again, or sent with another input than the one it was signed for', async () => {
      const once = await sign('pii.echo', { text: 'hi' });
      expect(await send({ call: 'pii.echo', input: { text: 'hi' }, token: once })).toHaveProperty('output');
      expect(await send({ call: 'pii.echo', input: { text: 'hi' }, token: once })).toEqual(refused);
      const other = await sign('pii.echo', { text: 'hi' });
      expect(await send({ call: 'pii.echo', input: { text: 'something else' }, token: other })).toEqual(refused);
      expect(await send({ call: 'pii.echo', token: await sign('pii.echo', { text: 'hi' }) })).toEqual(refused);
    });

    it('validates the input again at the provider, with per-field details', async () => {
      const input = { text: 'x'.repeat(21) };
      const reply = await send({ call: 'pii.echo', input, token: await sign('pii.echo', input) });
      expect(reply).toMatchObject({ error: { statusCode: 400, code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ field: 'text' })] } } });
      const unknownField = await send({ call: 'pii.echo', input: { text: 'hi' }, token: await sign('pii.echo', { text: 'hi' }), extra: true });
      expect(unknownField).toMatchObject({ error: { statusCode: 400, code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ field: 'extra' })] } } });
    });

    it('answers an unexpected failure with a plain 500, its message kept in the provider’s log', async () => {
      const reply = await send({ call: 'pii.broken', input: {}, token: await sign('pii.broken', {}) });
      expect(reply).toEqual({ error: { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Something went wrong on our side' } });
    });
  });

  describe('the public HTTP port', () => {
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${providerUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });

    it('does not run calls between processes, even with a valid service token', async () => {
      const token = await caller.app.get(ServiceTokens).sign({ module: 'pii', call: 'pii.echo', input: { text: 'hi' } });
      for (const path of ['/internal/rpc/pii.echo', '/api/v1/internal/rpc/pii.echo']) {
        const response = await post(path, { input: { text: 'hi' } }, { authorization: `Bearer ${token}` });
        expect(response.status).toBe(404);
        expect(await response.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
      }
      // The token was not spent by the public port: the internal listener still takes it, once.
      const raw = new ClientTCP(providerAddress);
      try {
        const reply = await firstValueFrom(raw.send(INTERNAL_RPC_PATTERN, { call: 'pii.echo', input: { text: 'hi' }, token }));
        expect(reply).toHaveProperty('output');
      } finally {
        raw.close();
      }
    });

    it('lists nothing internal in the OpenAPI document', () => {
      const document = SwaggerModule.createDocument(provider.app, new DocumentBuilder().build());
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
    expect(provider.app.get(RpcRegistry).missing(['echo', 'exportUserData'])).toEqual(['pii.exportUserData']);
  });
});
