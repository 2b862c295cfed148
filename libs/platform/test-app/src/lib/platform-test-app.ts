import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Global, Module, type DynamicModule, type ForwardReference, type Provider, type Type } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { Logger } from 'pino';
import { AccessTokenIssuer, AuthModule } from '@tall/platform/auth';
import { APP_INFO, ConfigModule, loadConfig, type AppConfig } from '@tall/platform/config';
import { DatabaseModule } from '@tall/platform/database';
import { EventsModule, type EventsModuleOptions } from '@tall/platform/events';
import { configureHttp, HttpPlatformModule } from '@tall/platform/http';
import type { Principal } from '@tall/platform/identity';
import { createLogger, ObservabilityModule } from '@tall/platform/observability';
import { RpcModule, type RpcModuleOptions } from '@tall/platform/rpc';
import { SchedulingModule, type SchedulingModuleOptions } from '@tall/platform/scheduling';
import { UseCasesModule } from '@tall/platform/use-cases';
import { AwsSecretStore, createSecretsManagerClient, SECRET_STORE, SecretsModule, type SecretStore } from '@tall/platform/secrets';
import { stackEnv } from '@tall/platform/testing';

type Importable = Type<unknown> | DynamicModule | Promise<DynamicModule> | ForwardReference;

/** Secrets Manager on the local stack (moto), or at another endpoint (an outage drill's dead port). */
export function stackSecretStore(endpoint = stackEnv().AWS_ENDPOINT_URL_SECRETS_MANAGER): AwsSecretStore {
  const stack = stackEnv();
  return new AwsSecretStore({
    client: createSecretsManagerClient({
      region: stack.AWS_REGION,
      endpoint,
      credentials: { accessKeyId: stack.AWS_ACCESS_KEY_ID, secretAccessKey: stack.AWS_SECRET_ACCESS_KEY },
    }),
  });
}

@Global()
@Module({})
class TestSecretStoreModule {
  static with(store: SecretStore): DynamicModule {
    return { module: TestSecretStoreModule, global: true, providers: [{ provide: SECRET_STORE, useValue: store }], exports: [SECRET_STORE] };
  }
}

export interface PlatformTestAppOptions {
  /** Names the Kafka client id and the test's secrets, e.g. `pii-int`. */
  name: string;
  databaseUrl: string;
  mongoUri?: string;
  /** Manifests of every module the events module routes for, and the ones hosted here. */
  modules: EventsModuleOptions['modules'];
  hostedModules: string[];
  /** The context modules under test and their fakes. */
  imports: Importable[];
  providers?: Provider[];
  logger?: Logger;
  /** Environment overrides for a ConfigModule from the stack's variables; omitted: no ConfigModule. */
  config?: Record<string, string>;
  events?: Partial<Omit<EventsModuleOptions, 'clientId' | 'modules' | 'logger'>>;
  scheduling?: SchedulingModuleOptions;
  /** Default: a local secrets file in a temporary folder. `'stack'`: Secrets Manager on the local stack. */
  secrets?: 'local' | 'stack' | SecretStore;
  /** Default: every module in-process, the export call required of none. `false`: no RPC module. */
  rpc?: Partial<RpcModuleOptions> | false;
  postgresPoolSize?: number;
  /**
   * Check access tokens against their session, as the app does; the imports must then provide
   * SESSION_STATUS_SOURCE. Default false: tokenFor() signs tokens for made-up principals.
   */
  sessionCheck?: boolean;
}

export interface PlatformTestApp {
  app: NestFastifyApplication;
  config?: AppConfig;
  logger: Logger;
  /** An access token for the principal, signed by the app's own keys. */
  tokenFor(principal: Principal): Promise<string>;
  close(): Promise<void>;
}

/**
 * A context (or a few) in a real Nest app on the local stack, with the platform modules the API
 * wires in production: configuration, logging, HTTP conventions, databases, events, scheduling,
 * secrets, RPC and auth. Each context's test support adds its modules and fakes.
 */
export async function startPlatformTestApp(options: PlatformTestAppOptions): Promise<PlatformTestApp> {
  const stack = stackEnv();
  const logger = options.logger ?? createLogger({ level: 'silent' });
  const config = options.config ? loadConfig({ ...stack, DATABASE_URL: options.databaseUrl, ...options.config }) : undefined;
  const secretsDirectory = options.secrets === undefined || options.secrets === 'local' ? mkdtempSync(join(tmpdir(), `${options.name}-`)) : undefined;
  const secrets =
    secretsDirectory !== undefined
      ? SecretsModule.forRoot({ driver: 'local', file: join(secretsDirectory, 'secrets.json') })
      : TestSecretStoreModule.with(options.secrets === 'stack' ? stackSecretStore() : (options.secrets as SecretStore));
  const hosted = options.hostedModules;
  const rpc =
    options.rpc === false
      ? []
      : [RpcModule.forRoot({ modules: hosted, hostedModules: hosted, signingSecretName: `tall/test/${options.name}-rpc`, ...options.rpc })];

  const moduleRef = await Test.createTestingModule({
    imports: [
      UseCasesModule,
      ...(config ? [ConfigModule.forRoot(config)] : []),
      ObservabilityModule.forRoot({ logger }),
      HttpPlatformModule.forRoot({ minimumClientVersions: { web: '1.0.0', android: '1.0.0', desktop: '1.0.0' } }),
      DatabaseModule.forRoot({ postgresUrl: options.databaseUrl, postgresPoolSize: options.postgresPoolSize ?? 3, mongoUri: options.mongoUri ?? stack.MONGODB_URI }),
      EventsModule.forRoot({ clientId: options.name, modules: options.modules, hostedModules: hosted, logger, ...options.events }),
      SchedulingModule.forRoot({ enabled: false, ...options.scheduling }),
      secrets,
      ...rpc,
      AuthModule.forRoot({ keys: { kind: 'secret', secretName: `tall/test/${options.name}-jwt`, issuer: true }, ...(options.sessionCheck ? {} : { sessions: false }) }),
      ...options.imports,
    ],
    providers: [
      { provide: APP_INFO, useValue: { name: 'Tall', version: 'test', instanceId: randomUUID(), hostedModules: hosted, startedAt: new Date().toISOString() } },
      ...(options.providers ?? []),
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  configureHttp(app, logger);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    config,
    logger,
    tokenFor: async (principal) => (await app.get(AccessTokenIssuer).issue(principal)).accessToken,
    close: async () => {
      await app.close();
      if (secretsDirectory) rmSync(secretsDirectory, { recursive: true, force: true });
    },
  };
}
