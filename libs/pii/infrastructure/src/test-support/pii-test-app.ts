import { Global, Inject, Injectable, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { AccessTokenIssuer, AuthModule, type Principal } from '@tall/platform/auth';
import { ConfigModule, loadConfig, APP_INFO } from '@tall/platform/config';
import { DatabaseModule } from '@tall/platform/database';
import { EventsModule } from '@tall/platform/events';
import { configureHttp, errors, HttpPlatformModule } from '@tall/platform/http';
import { createLogger, ObservabilityModule, type Logger } from '@tall/platform/observability';
import { RpcModule, RpcRegistry } from '@tall/platform/rpc';
import { SchedulingModule } from '@tall/platform/scheduling';
import { AwsSecretStore, createSecretsManagerClient, SECRET_STORE, type SecretStore } from '@tall/platform/secrets';
import { stackEnv, uniqueName } from '@tall/platform/testing';
import { PII_MODULE } from '@tall/pii/contracts';
import { DeleteAccount, ExportProfileData, PROFILE_MODULE, VerifyPassword } from '@tall/profile/contracts';
import { PiiModule } from '../lib/pii.module';

export const PASSWORD = 'correct horse battery staple';

/** Stands in for the identity context: the calls pii makes of it, and its export section. */
export class FakeProfile {
  readonly deleted: string[] = [];
  readonly known = new Set<string>();
}

@Injectable()
class FakeProfileCalls implements OnModuleInit {
  constructor(
    @Inject(RpcRegistry) private readonly rpc: RpcRegistry,
    @Inject(FakeProfile) private readonly profile: FakeProfile,
  ) {}

  onModuleInit(): void {
    this.rpc.provide(VerifyPassword, async ({ userId, password }) => ({ valid: this.profile.known.has(userId) && password === PASSWORD }));
    this.rpc.provide(DeleteAccount, async ({ userId }) => {
      if (!this.profile.known.has(userId)) throw errors.notFound('User', 'USER_NOT_FOUND');
      this.profile.deleted.push(userId);
      return { outcome: 'deleted' as const, deletedAt: new Date().toISOString() };
    });
    this.rpc.provide(ExportProfileData, async ({ userId }) => ({
      context: 'profile',
      data: { account: { id: userId, role: 'STUDENT' } },
      purposes: ['Sign-in'],
      retention: 'Until erased',
      recipients: ['Admins'],
    }));
  }
}

@Global()
@Module({})
class SecretStoreOverrideModule {
  static with(store: SecretStore): DynamicModule {
    return { module: SecretStoreOverrideModule, global: true, providers: [{ provide: SECRET_STORE, useValue: store }], exports: [SECRET_STORE] };
  }
}

export function awsSecretStore(endpoint = stackEnv().AWS_ENDPOINT_URL_SECRETS_MANAGER): AwsSecretStore {
  const stack = stackEnv();
  return new AwsSecretStore({
    client: createSecretsManagerClient({
      region: stack.AWS_REGION,
      endpoint,
      credentials: { accessKeyId: stack.AWS_ACCESS_KEY_ID, secretAccessKey: stack.AWS_SECRET_ACCESS_KEY },
    }),
  });
}

/** Kept here for this lib's tests: the platform's testing lib now has it. */
export { freshDatabase } from '@tall/platform/testing';

export interface PiiTestApp {
  app: NestFastifyApplication;
  profile: FakeProfile;
  masterKeySecret: string;
  databaseUrl: string;
  tokenFor(principal: Principal): Promise<string>;
  close(): Promise<void>;
}

export interface PiiTestAppOptions {
  databaseUrl: string;
  /** Default: Secrets Manager on the local stack. */
  secretStore?: SecretStore;
  masterKeySecret?: string;
  logger?: Logger;
}

/** The pii context in a Nest app with the real platform modules, the local stack, and a fake profile. */
export async function startPiiApp(options: PiiTestAppOptions): Promise<PiiTestApp> {
  const stack = stackEnv();
  const masterKeySecret = options.masterKeySecret ?? uniqueName('tall/test/pii-master');
  const config = loadConfig({ ...stack, DATABASE_URL: options.databaseUrl, KAFKA_BROKERS: '', PII_MASTER_KEY_SECRET_NAME: masterKeySecret });
  const logger = options.logger ?? createLogger({ level: 'silent' });
  const profile = new FakeProfile();
  const modules = [PII_MODULE, PROFILE_MODULE].map(({ name, publishes }) => ({ name, publishes: [...publishes] }));
  const hosted = modules.map((module) => module.name);

  @Module({ providers: [{ provide: FakeProfile, useValue: profile }, FakeProfileCalls] })
  class FakeProfileModule {}

  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      ObservabilityModule.forRoot({ logger }),
      HttpPlatformModule.forRoot({ minimumClientVersions: { web: '1.0.0', android: '1.0.0', desktop: '1.0.0' } }),
      DatabaseModule.forRoot({ postgresUrl: config.DATABASE_URL, postgresPoolSize: 5, mongoUri: config.MONGODB_URI }),
      EventsModule.forRoot({ clientId: 'pii-int', modules, hostedModules: hosted, logger, relay: { pollIntervalMs: 50 } }),
      SchedulingModule.forRoot({ enabled: false }),
      SecretStoreOverrideModule.with(options.secretStore ?? awsSecretStore()),
      RpcModule.forRoot({ modules: hosted, hostedModules: hosted, signingSecretName: 'tall/test/rpc-key', requiredCalls: ['exportUserData'] }),
      AuthModule.forRoot({ keys: { kind: 'secret', secretName: 'tall/test/pii-int-jwt', issuer: true } }),
      FakeProfileModule,
      PiiModule,
    ],
    providers: [
      {
        provide: APP_INFO,
        useValue: { name: 'Tall', version: 'test', instanceId: randomUUID(), hostedModules: hosted, startedAt: new Date().toISOString() },
      },
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  configureHttp(app, logger);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    profile,
    masterKeySecret,
    databaseUrl: options.databaseUrl,
    tokenFor: async (principal) => (await app.get(AccessTokenIssuer).issue(principal)).accessToken,
    close: () => app.close(),
  };
}
